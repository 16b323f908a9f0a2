import * as vscode from 'vscode';
import { Limits } from '../api/types';
import type { App } from '../app';

const t = vscode.l10n.t;

/** Filter (Shared Folders title): a keyword sent as `keyWord`; an empty answer clears it. */
export async function filterSharedFoldersCommand(app: App): Promise<void> {
  const answer = await app.prompter.input({
    title: t('KooDrive: Filter Shared Folders'),
    prompt: t('Show shared folders whose name contains this keyword. Leave empty to show all.'),
    value: app.sharedFolders.keyWord() ?? '',
    validate: (value) => (value.trim().length > Limits.keyWordMax ? t('A keyword has at most {0} characters.', Limits.keyWordMax) : undefined),
  });
  if (answer === undefined) {
    return;
  }
  app.sharedFolders.setFilter(answer.trim() || undefined);
}

export async function clearSharedFolderFilterCommand(app: App): Promise<void> {
  app.sharedFolders.setFilter(undefined);
  return Promise.resolve();
}
