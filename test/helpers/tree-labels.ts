// Every label of a detail tree, depth first: what tests look for in a frame's tree.
import type { TreeNode } from '../../src/shared/model';

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
