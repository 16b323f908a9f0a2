import * as vscode from 'vscode';
import { maskField } from '../model/mask';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { showFolderDetails } from './folderCommands';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

function asNode(node: unknown): TreeNode | undefined {
  return node && typeof node === 'object' && 'apiId' in node ? (node as TreeNode) : undefined;
}

/** Copy ID: the API id of an album, item, folder or member. */
export async function copyIdCommand(_ctx: CommandContext, node?: unknown): Promise<void> {
  const id = asNode(node)?.apiId();
  if (!id) {
    return;
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(t('Copied KooDrive ID {0}', id), 3000);
}

/**
 * Show Details: a read-only JSON document with the object as the API returned it, people's ids
 * and phones masked; a shared folder's metadata is read afresh.
 */
export async function showDetailsCommand(ctx: CommandContext, node?: unknown): Promise<void> {
  if (isNode(node, 'sharedFolder')) {
    await showFolderDetails(ctx, node);
    return;
  }
  const target = asNode(node);
  const object = target?.apiObject();
  if (!target || !object) {
    return;
  }
  await ctx.prompter.showDocument(ctx.details.add(target.title, JSON.stringify(object, (key, value: unknown) => maskField(key, value), 2)));
}
