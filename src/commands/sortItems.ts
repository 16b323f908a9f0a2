import * as vscode from 'vscode';
import { contentOrders, type ContentSort } from '../model/contentSort';
import { rememberSort } from '../services/contentSort';
import type { App } from '../app';

const t = vscode.l10n.t;

/** Sort Album Items… (the Albums view's title menu): the order is remembered for this workspace. */
export async function sortItemsCommand(app: App): Promise<void> {
  const current = app.albums.contentSort();
  const picked = await app.prompter.pickPaged<ContentSort, never>({
    load: () => Promise.resolve({
      items: contentOrders(t).map(({ label, sort }) => ({ label, description: sort.sortType === current.sortType && sort.sortDirection === current.sortDirection ? t('current') : undefined, value: sort })),
      next: undefined,
    }),
  }, { title: t('Sort Album Items'), placeholder: t('Show album items by…'), many: false });
  const sort = picked?.[0];
  if (!sort) {
    return;
  }
  await rememberSort(app.workspaceState, sort);
  app.albums.setContentSort(sort);
}
