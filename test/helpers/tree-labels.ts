// Every label of a detail tree, depth first: what tests look for in a frame's tree (the app's own walk).
export { treeLabels } from '../../src/shared/tree-labels';
