import * as vscode from 'vscode';
import { Limits } from '../api/types';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

/** Filter (Shared Folders title): a keyword sent as `keyWord`; an empty answer clears it. */
export async function filterSharedFoldersCommand(ctx: CommandContext): Promise<void> {
  const answer = await ctx.prompter.input({
    title: t('KooDrive: Filter Shared Folders'),
    prompt: t('Show shared folders whose name contains this keyword. Leave empty to show all.'),
    value: ctx.sharedFolders.keyWord() ?? '',
    validate: (value) => (value.trim().length > Limits.keyWordMax ? t('A keyword has at most {0} characters.', Limits.keyWordMax) : undefined),
  });
  if (answer === undefined) {
    return;
  }
  ctx.sharedFolders.setFilter(answer.trim() || undefined);
}

export async function clearSharedFolderFilterCommand(ctx: CommandContext): Promise<void> {
  ctx.sharedFolders.setFilter(undefined);
  return Promise.resolve();
}
