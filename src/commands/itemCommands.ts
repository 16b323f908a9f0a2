import * as vscode from 'vscode';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';

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

/** Show Details: a read-only JSON document with the object as the API returned it. */
export async function showDetailsCommand(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = asNode(node);
  const object = target?.apiObject();
  if (!target || !object) {
    return;
  }
  const label = target.treeItem().label;
  const title = typeof label === 'string' ? label : (label?.label ?? target.apiId() ?? 'details');
  await ctx.prompter.showDocument(ctx.details.add(title, JSON.stringify(object, null, 2)));
}

export async function showLogCommand(ctx: CommandContext): Promise<void> {
  ctx.log.show();
  return Promise.resolve();
}
