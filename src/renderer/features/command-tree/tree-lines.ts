// Flattens a frame's command tree into the lines currently visible, iteratively (a tree from a
// hostile capture may be deep; no recursion on its depth). A node's path is its child indices
// joined by "/", e.g. "3/0/2".

import type { TreeNode } from '../../../shared/model';

export interface TreeLine {
  path: string;
  depth: number;
  node: TreeNode;
  expandable: boolean;
  expanded: boolean;
}

/** Expanded unless the user chose otherwise: by default the last top-level node (the MSNP layer). */
export type ExpansionOverrides = ReadonlyMap<string, boolean>;

export function defaultExpanded(tree: readonly TreeNode[], path: string): boolean {
  return path === String(tree.length - 1);
}

export function isExpanded(tree: readonly TreeNode[], overrides: ExpansionOverrides, path: string): boolean {
  return overrides.get(path) ?? defaultExpanded(tree, path);
}

export function visibleTreeLines(tree: readonly TreeNode[], overrides: ExpansionOverrides, limit = 20_000): TreeLine[] {
  const lines: TreeLine[] = [];
  const stack: Array<{ node: TreeNode; path: string; depth: number }> = [];
  for (let i = tree.length - 1; i >= 0; i--) stack.push({ node: tree[i], path: String(i), depth: 0 });
  while (stack.length > 0 && lines.length < limit) {
    const { node, path, depth } = stack.pop()!;
    const children = Array.isArray(node.children) ? node.children : [];
    const expandable = children.length > 0;
    const expanded = expandable && isExpanded(tree, overrides, path);
    lines.push({ path, depth, node, expandable, expanded });
    if (expanded) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], path: `${path}/${i}`, depth: depth + 1 });
  }
  return lines;
}

/** The node at a path, or null. */
export function nodeAt(tree: readonly TreeNode[], path: string): TreeNode | null {
  let nodes: readonly TreeNode[] | undefined = tree;
  let node: TreeNode | null = null;
  for (const part of path.split('/')) {
    node = nodes?.[Number(part)] ?? null;
    if (!node) return null;
    nodes = node.children;
  }
  return node;
}

/** Path of the deepest node whose byte range contains `offset` (Wireshark's click-on-a-byte). */
export function pathAtByte(tree: readonly TreeNode[], offset: number): string | null {
  let best: string | null = null;
  let bestLength = Infinity;
  let bestDepth = -1;
  const stack: Array<{ nodes: readonly TreeNode[]; prefix: string; depth: number }> = [{ nodes: tree, prefix: '', depth: 0 }];
  while (stack.length > 0) {
    const { nodes, prefix, depth } = stack.pop()!;
    nodes.forEach((node, i) => {
      const path = prefix ? `${prefix}/${i}` : String(i);
      const range = node.range;
      if (range && offset >= range[0] && offset < range[0] + range[1]) {
        if (range[1] < bestLength || (range[1] === bestLength && depth > bestDepth)) {
          best = path;
          bestLength = range[1];
          bestDepth = depth;
        }
      }
      if (node.children?.length) stack.push({ nodes: node.children, prefix: path, depth: depth + 1 });
    });
  }
  return best;
}

/** Every ancestor path of `path`, outermost first ("3/0/2" → ["3", "3/0"]). */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
