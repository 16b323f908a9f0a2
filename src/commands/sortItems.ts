import * as vscode from 'vscode';
import { contentOrders, rememberSort } from '../services/contentSort';
import type { ContentSort } from '../tree/albumNodes';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

/** Sort Album Items… (the Albums view's title menu): the order is remembered for this workspace. */
export async function sortItemsCommand(ctx: CommandContext): Promise<void> {
  const current = ctx.albums.contentSort();
  const picked = await ctx.prompter.pickPaged<ContentSort, never>({
    load: () => Promise.resolve({
      items: contentOrders(t).map(({ label, sort }) => ({ label, description: sort.sortType === current.sortType && sort.sortDirection === current.sortDirection ? t('current') : undefined, value: sort })),
      next: undefined,
    }),
  }, { title: t('Sort Album Items'), placeholder: t('Show album items by…'), many: false });
  const sort = picked?.[0];
  if (!sort) {
    return;
  }
  await rememberSort(ctx.workspaceState, sort);
  ctx.albums.setContentSort(sort);
}
