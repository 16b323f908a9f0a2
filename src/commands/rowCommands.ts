import * as vscode from 'vscode';
import type { App } from '../app';
import { maskField } from '../model/mask';
import { safeText } from '../model/safeText';
import { isNode } from '../tree/kinds';
import { rereadFolderGroup } from './common/rereads';
import type { TreeNode } from '../tree/node';

/** The one row a row command was invoked on, if the trees hold it (else a forged argument: nothing). */
function rowOf(app: App, node: unknown): TreeNode | undefined {
  return app.albums.resolve(node) ?? app.sharedFolders.resolve(node);
}

/** Copy ID: the API id of an album, item, folder, member or invitation. */
export async function copyIdCommand(app: App, node?: unknown): Promise<void> {
  const id = rowOf(app, node)?.apiId();
  if (!id) {
    return;
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(app.t('Copied KooDrive ID {0}', safeText(id, 80)), 3000);
}

/**
 * Show Details: a read-only JSON document with the object as the API returned it, people's ids
 * and phones masked; a shared folder's metadata is read afresh (GetShareFolderMetadata, §3.5).
 */
export async function showDetailsCommand(app: App, node?: unknown): Promise<void> {
  const row = rowOf(app, node);
  if (isNode(row, 'sharedFolder')) {
    const read = (signal: AbortSignal): Promise<Record<string, unknown>> => app.recovery.call(() => app.client.getSharedFolder(row.folderId, { signal }));
    const fresh = await app.prompter.progress(app.t('Reading “{0}”…', row.title), (_reporter, signal) => read(signal), { quietMs: 500 }).catch((error: unknown) => {
      rereadFolderGroup(app, row); // gone or changed: the tree shows the truth
      throw error;
    });
    await app.prompter.showDocument(app.details.add(row.title, JSON.stringify(fresh, (key, value: unknown) => maskField(key, value), 2)));
    return;
  }
  const object = row?.apiObject();
  if (row && object) {
    await app.prompter.showDocument(app.details.add(row.title, JSON.stringify(object, (key, value: unknown) => maskField(key, value), 2)));
  }
}
