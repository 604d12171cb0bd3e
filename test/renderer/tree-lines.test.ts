// Command tree flattening (iterative, default expansion, user overrides) and byte → node lookup.
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/shared/model';
import { ancestorsOf, nodeAt, pathAtByte, visibleTreeLines } from '../../src/renderer/features/command-tree/tree-lines';

const tree: TreeNode[] = [
  { label: 'Frame 1', range: [0, 100] },
  { label: 'TCP', range: [34, 20], children: [{ label: 'Src Port', range: [34, 2] }] },
  { label: 'MSNP', range: [54, 46], children: [
    { label: 'Command: MSG', range: [54, 3] },
    { label: 'Body', range: [70, 30], children: [{ label: 'Text', range: [80, 5] }] },
  ] },
];

const labels = (overrides: Map<string, boolean>) => visibleTreeLines(tree, overrides).map((l) => `${'  '.repeat(l.depth)}${l.node.label}`);

describe('command tree lines', () => {
  it('expands the last top-level node by default', () => {
    expect(labels(new Map())).toEqual(['Frame 1', 'TCP', 'MSNP', '  Command: MSG', '  Body']);
  });

  it('follows the user\'s choices', () => {
    expect(labels(new Map([['1', true], ['2', false]]))).toEqual(['Frame 1', 'TCP', '  Src Port', 'MSNP']);
    expect(labels(new Map([['2/1', true]]))).toContain('    Text');
  });

  it('survives a very deep tree without recursion and caps the lines', () => {
    let deep: TreeNode = { label: 'leaf' };
    for (let i = 0; i < 50_000; i++) deep = { label: `n${i}`, children: [deep] };
    const open = new Map<string, boolean>();
    let path = '0';
    for (let i = 0; i < 50_000; i++) { open.set(path, true); path += '/0'; }
    expect(visibleTreeLines([deep], open, 1000)).toHaveLength(1000);
  });

  it('finds the deepest, smallest node covering a byte', () => {
    expect(pathAtByte(tree, 81)).toBe('2/1/0');
    expect(pathAtByte(tree, 55)).toBe('2/0');
    expect(pathAtByte(tree, 10)).toBe('0');
    expect(pathAtByte(tree, 500)).toBeNull();
    expect(nodeAt(tree, '2/1/0')?.label).toBe('Text');
    expect(nodeAt(tree, '9')).toBeNull();
    expect(ancestorsOf('2/1/0')).toEqual(['2', '2/1']);
  });
});
