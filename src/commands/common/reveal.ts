import type * as vscode from 'vscode';
import type { App } from '../../app';
import type { TreeNode } from '../../tree/node';
import type { PagedNode } from '../../tree/pagedNode';

/**
 * Loads `group`'s listing and selects the first row `match` finds there: a new album or folder,
 * once KooDrive lists it. A courtesy: a failure is logged, not shown.
 */
export async function revealCreated<T extends TreeNode>(app: App, view: vscode.TreeView<TreeNode>, group: PagedNode, match: (rows: readonly TreeNode[]) => T | undefined): Promise<T | undefined> {
  try {
    const rows = await app.prompter.progress(app.t('Showing it in the tree…'), (_reporter, signal) => group.loadAll(signal), { quietMs: 1000 });
    const node = match(rows);
    if (node) {
      await view.reveal(node, { select: true, focus: true });
    }
    return node;
  } catch (error) {
    app.log.warn(`Could not show the new row: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
