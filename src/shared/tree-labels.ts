// Every label of a packet-details tree, depth first: the text Find Packet searches in "packet details".
import type { TreeNode } from './model';

export function treeLabels(nodes: readonly TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly TreeNode[]): void => {
    for (const node of list) {
      out.push(node.label);
      if (node.children) walk(node.children);
    }
  };
  walk(nodes);
  return out;
}
