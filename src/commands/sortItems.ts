import * as vscode from 'vscode';
import { StateKey } from '../constants';
import type { ContentSort } from '../tree/albumNodes';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

/** The orders the API offers for album contents (`sortType` 1 date taken, 2 date added). */
function orders(): { label: string; sort: ContentSort }[] {
  return [
    { label: t('Date taken, newest first'), sort: { sortType: 1, sortDirection: 2 } },
    { label: t('Date taken, oldest first'), sort: { sortType: 1, sortDirection: 1 } },
    { label: t('Date added, newest first'), sort: { sortType: 2, sortDirection: 2 } },
    { label: t('Date added, oldest first'), sort: { sortType: 2, sortDirection: 1 } },
  ];
}

/** Sort Album Items… (the Albums view's title menu): the order is remembered for this workspace. */
export async function sortItemsCommand(ctx: CommandContext): Promise<void> {
  const current = ctx.albums.contentSort();
  const picked = await ctx.prompter.pickPaged<ContentSort, never>({
    load: () => Promise.resolve({
      items: orders().map(({ label, sort }) => ({ label, description: sort.sortType === current.sortType && sort.sortDirection === current.sortDirection ? t('current') : undefined, value: sort })),
      next: undefined,
    }),
  }, { title: t('Sort Album Items'), placeholder: t('Show album items by…'), many: false });
  const sort = picked?.[0];
  if (!sort) {
    return;
  }
  await ctx.workspaceState.update(StateKey.contentSort, sort);
  ctx.albums.setContentSort(sort);
}

/** The order remembered for this workspace, if it is one the API offers. */
export function rememberedSort(state: vscode.Memento): ContentSort | undefined {
  const saved = state.get<ContentSort>(StateKey.contentSort);
  return orders().find(({ sort }) => sort.sortType === saved?.sortType && sort.sortDirection === saved?.sortDirection)?.sort;
}
