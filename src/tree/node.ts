import type * as vscode from 'vscode';

/**
 * A row of a KooDrive tree. Nodes hold data and build their TreeItem; loading lives in
 * {@link PagedNode}; no node shows a message (failures become rows).
 */
export abstract class TreeNode {
  constructor(readonly parent: TreeNode | undefined) {}

  abstract treeItem(): vscode.TreeItem;

  /** Children for an expandable node; leaves return an empty list. */
  children(): Promise<TreeNode[]> {
    return Promise.resolve([]);
  }

  /** The id shown by Copy ID and the object shown by Show Details, for nodes that have them. */
  apiId(): string | undefined {
    return undefined;
  }

  apiObject(): Record<string, unknown> | undefined {
    return undefined;
  }
}

/** `contextValue` as a token list (`album;manual;removable`), matched by regex in `when` clauses. */
export function contextValue(...tokens: (string | false | undefined)[]): string {
  return tokens.filter((token): token is string => typeof token === 'string' && token.length > 0).join(';');
}
