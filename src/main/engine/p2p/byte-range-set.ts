// The byte ranges of a file received so far, merged (overlapping or touching ranges become one),
// in a treap keyed by range start. Adding a range costs O(log n) expected plus the ranges it
// absorbs, each absorbed once, so chunks in any order (reversed, random, or hostile: one byte
// every other offset) stay cheap; a sorted array would move O(n) entries per out-of-order chunk.

interface RangeNode {
  start: number;
  end: number;
  /** Heap priority (random), which keeps the tree balanced in expectation. */
  priority: number;
  left: RangeNode | null;
  right: RangeNode | null;
}

export class ByteRangeSet {
  private root: RangeNode | null = null;
  private size = 0;

  /** Number of disjoint ranges held. */
  get count(): number {
    return this.size;
  }

  /** Adds [start, end); returns how many of its bytes were not yet covered. */
  add(start: number, end: number): number {
    if (end <= start) return 0;
    split(this.root, start);
    const before = splitLow;
    split(splitHigh, end + 1);
    // Ranges starting within [start, end] are absorbed whole into the new one.
    const absorbed = splitLow;
    const after = splitHigh;
    let mergedEnd = end;
    let covered = 0;
    forEach(absorbed, (node) => {
      covered += Math.min(node.end, end) - node.start;
      mergedEnd = Math.max(mergedEnd, node.end);
      this.size--;
    });
    // The range starting before `start` takes the merged one in when it reaches `start`; it
    // keeps its place in the tree, since only ranges after it were removed.
    const previous = last(before);
    if (previous !== null && previous.end >= start) {
      covered += Math.max(0, Math.min(previous.end, end) - start);
      previous.end = Math.max(previous.end, mergedEnd);
      this.root = join(before, after);
    } else {
      const merged: RangeNode = { start, end: mergedEnd, priority: Math.random(), left: null, right: null };
      this.size++;
      this.root = join(join(before, merged), after);
    }
    return end - start - covered;
  }

  /** The ranges in ascending order, as [start, end) pairs. */
  ranges(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    forEach(this.root, (node) => out.push([node.start, node.end]));
    return out;
  }
}

// split()'s two results, kept outside so a split allocates nothing.
let splitLow: RangeNode | null = null;
let splitHigh: RangeNode | null = null;

/** Splits into the nodes starting before `key` (splitLow) and those starting at or after it (splitHigh). */
function split(node: RangeNode | null, key: number): void {
  let low: RangeNode | null = null;
  let high: RangeNode | null = null;
  // The node whose right (low side) or left (high side) child the next node becomes.
  let lowTail: RangeNode | null = null;
  let highTail: RangeNode | null = null;
  while (node !== null) {
    if (node.start < key) {
      if (lowTail === null) low = node;
      else lowTail.right = node;
      lowTail = node;
      node = node.right;
    } else {
      if (highTail === null) high = node;
      else highTail.left = node;
      highTail = node;
      node = node.left;
    }
  }
  if (lowTail !== null) lowTail.right = null;
  if (highTail !== null) highTail.left = null;
  splitLow = low;
  splitHigh = high;
}

/** Joins two treaps where every start in `low` is before every start in `high`. */
function join(low: RangeNode | null, high: RangeNode | null): RangeNode | null {
  if (low === null) return high;
  if (high === null) return low;
  if (low.priority > high.priority) {
    low.right = join(low.right, high);
    return low;
  }
  high.left = join(low, high.left);
  return high;
}

function last(node: RangeNode | null): RangeNode | null {
  while (node !== null && node.right !== null) node = node.right;
  return node;
}

/** In order, without recursion (an absorbed subtree may be large). */
function forEach(node: RangeNode | null, visit: (node: RangeNode) => void): void {
  const stack: RangeNode[] = [];
  while (node !== null || stack.length > 0) {
    while (node !== null) {
      stack.push(node);
      node = node.left;
    }
    node = stack.pop() as RangeNode;
    visit(node);
    node = node.right;
  }
}
