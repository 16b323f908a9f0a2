import type * as vscode from 'vscode';
import type { NodeType } from './kinds';

/**
 * A row of a KooDrive tree. Nodes hold data and build their TreeItem; loading lives in
 * {@link PagedNode}; no node shows a message (failures become rows). Commands use what a node
 * exposes (its title, ids, API object) and never rebuild its TreeItem to read it.
 */
export abstract class TreeNode {
  /** What kind of row this is (see kinds.ts: commands tell rows apart by it, not by class). */
  abstract readonly nodeTypes: readonly NodeType[];
  /** "Deleting…", "Removing…" and the like while a command works on this row (the tree shows it). */
  busy: string | undefined;

  constructor(readonly parent: TreeNode | undefined) {}

  abstract treeItem(): vscode.TreeItem;

  /** What messages and documents call this row: its label, already inert (D18). */
  abstract get title(): string;

  /** The row's description (the grey text after the label), for pickers too. */
  get description(): string | undefined {
    return undefined;
  }

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

/**
 * A TreeItem id from its parts, each percent-encoded, so that ids made of server strings cannot
 * collide (`content:a:b:c` could be album `a:b`, item `c` or album `a`, item `b:c`).
 */
export function rowId(kind: string, ...parts: string[]): string {
  return [kind, ...parts.map((part) => encodeURIComponent(part))].join(':');
}
