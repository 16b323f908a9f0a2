/** What the Delete-key bindings pass (package.json `args`): act on the focused tree's selection. */
export const selectionArgument = { target: 'selection' } as const;

function isSelectionArgument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { target?: unknown }).target === selectionArgument.target;
}

/**
 * The rows a command acts on. From a context menu: the multi-selection when the clicked row is
 * part of it, else the clicked row. From the Delete key: the tree's selection. From the palette
 * (no argument): nothing, so the command asks with a picker.
 */
export function pickSelection(node: unknown, nodes: unknown, viewSelection: readonly unknown[]): unknown[] {
  if (isSelectionArgument(node)) {
    return [...viewSelection];
  }
  if (Array.isArray(nodes) && nodes.length > 0 && (node === undefined || nodes.includes(node))) {
    return nodes as unknown[];
  }
  return node === undefined ? [] : [node];
}
