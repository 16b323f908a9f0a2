import type { App } from '../../app';
import { isNode, type NodeType, type NodeTypes } from '../../tree/kinds';
import type { TreeNode } from '../../tree/node';

/** What the Delete-key bindings pass (package.json `args`): act on the focused tree's selection. */
export const selectionArgument = { target: 'selection' } as const;

function isSelectionArgument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { target?: unknown }).target === selectionArgument.target;
}

/** A tree as the selection rules see it: which of its rows are real, and what is selected. */
export interface RowSource {
  /** The row when `value` is one the tree gave VS Code, else undefined (a forged argument). */
  resolve(value: unknown): TreeNode | undefined;
}

/**
 * The rows a command acts on; it never prompts. From a context menu: the multi-selection when
 * the clicked row is part of it, else the clicked row. From the Delete key: the view's selection.
 * From the palette (no argument): nothing, so the command asks with a picker. Anything that is
 * not a row the tree holds (a `command:` link's or another extension's object) counts as absent.
 */
export function selectedRows(tree: RowSource, viewSelection: readonly unknown[], node: unknown, nodes: unknown): TreeNode[] {
  let chosen: unknown[];
  if (isSelectionArgument(node)) {
    chosen = [...viewSelection];
  } else if (Array.isArray(nodes) && nodes.length > 0 && (node === undefined || nodes.includes(node))) {
    chosen = nodes as unknown[];
  } else {
    chosen = node === undefined ? [] : [node];
  }
  return chosen.map((value) => tree.resolve(value)).filter((row): row is TreeNode => row !== undefined);
}

/** Which tree a command acts in. */
export type TreeName = 'albums' | 'sharedFolders';

/** The selected rows of `tree` (see {@link selectedRows}). */
export function rowsIn(app: App, tree: TreeName, node: unknown, nodes: unknown): TreeNode[] {
  const view = tree === 'albums' ? app.albumsView : app.sharedFoldersView;
  return selectedRows(app[tree], view.selection, node, nodes);
}

/** The selected rows of kind `type`. */
export function selectedOf<K extends NodeType>(app: App, tree: TreeName, type: K, node: unknown, nodes: unknown): NodeTypes[K][] {
  return rowsIn(app, tree, node, nodes).filter((row): row is NodeTypes[K] => isNode(row, type));
}

/**
 * The one row of kind `type` a command acts on: the selected one, else one `pick`ed (the palette
 * flow). More than one selected: `tooMany` is shown and nothing happens.
 */
export async function oneRow<K extends NodeType>(app: App, tree: TreeName, type: K, args: { node: unknown; nodes: unknown }, tooMany: string, pick: () => Promise<NodeTypes[K] | undefined>): Promise<NodeTypes[K] | undefined> {
  const rows = selectedOf(app, tree, type, args.node, args.nodes);
  if (rows.length > 1) {
    void app.prompter.notify('warning', tooMany);
    return undefined;
  }
  return rows[0] ?? (await pick());
}
