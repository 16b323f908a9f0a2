import type * as vscode from 'vscode';
import { StateKey } from '../constants';
import { asContentSort, type ContentSort } from '../model/contentSort';

/** The album-content order remembered for this workspace, if it is one the API offers. */
export function rememberedSort(state: vscode.Memento): ContentSort | undefined {
  return asContentSort(state.get<unknown>(StateKey.contentSort));
}

/** Remembers the order for this workspace. */
export async function rememberSort(state: vscode.Memento, sort: ContentSort): Promise<void> {
  await state.update(StateKey.contentSort, sort);
}
