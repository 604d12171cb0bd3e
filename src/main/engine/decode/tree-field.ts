// Small constructors for the detail tree (TreeNode in the shared model).

import type { Severity, TreeNode } from '../../../shared/model';

/** The node with the display-filter field it shows (a field of filter-fields.ts, same value as the filter reads). */
export function withField(node: TreeNode, name: string, value: string | number): TreeNode {
  node.field = { name, value };
  return node;
}

export function field(label: string, offset: number, length: number, children?: TreeNode[]): TreeNode {
  const node: TreeNode = { label, range: [offset, length] };
  if (children && children.length > 0) node.children = children;
  return node;
}

/** A remark about the bytes rather than a field (truncation, bogus values). */
export function remark(label: string, severity: Severity, range?: [number, number]): TreeNode {
  return range ? { label, range, severity } : { label, severity };
}

export function u16(data: Uint8Array, offset: number): number {
  return (data[offset] << 8) | data[offset + 1];
}

export function u32(data: Uint8Array, offset: number): number {
  return ((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]) >>> 0;
}

/** "0x1f2e" with the given number of hex digits. */
export function hex(value: number, digits: number): string {
  return '0x' + value.toString(16).padStart(digits, '0');
}

/** Hex of at most `max` bytes, with "…" when longer. */
export function hexBytes(data: Uint8Array, offset: number, length: number, max = 32): string {
  let text = '';
  for (let i = 0; i < Math.min(length, max); i++) text += data[offset + i].toString(16).padStart(2, '0');
  return length > max ? text + '…' : text;
}
