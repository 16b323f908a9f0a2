import type * as vscode from 'vscode';
import { StateKey } from '../constants';
import type { Localize } from '../model/localize';
import type { ContentSort } from '../tree/albumNodes';

/** The orders the API offers for album contents (`sortType` 1 date taken, 2 date added), with their names. */
export function contentOrders(t: Localize): { label: string; sort: ContentSort }[] {
  return [
    { label: t('Date taken, newest first'), sort: { sortType: 1, sortDirection: 2 } },
    { label: t('Date taken, oldest first'), sort: { sortType: 1, sortDirection: 1 } },
    { label: t('Date added, newest first'), sort: { sortType: 2, sortDirection: 2 } },
    { label: t('Date added, oldest first'), sort: { sortType: 2, sortDirection: 1 } },
  ];
}

/** The order remembered for this workspace, if it is one the API offers. */
export function rememberedSort(state: vscode.Memento): ContentSort | undefined {
  const saved = state.get<ContentSort>(StateKey.contentSort);
  const valid = [1, 2].includes(Number(saved?.sortType)) && [1, 2].includes(Number(saved?.sortDirection));
  return valid && saved ? { sortType: saved.sortType, sortDirection: saved.sortDirection } : undefined;
}

/** Remembers the order for this workspace. */
export async function rememberSort(state: vscode.Memento, sort: ContentSort): Promise<void> {
  await state.update(StateKey.contentSort, sort);
}
