import type { Localize } from './localize';

/** Order of album contents (ListAlbumContent `sortType` / `sortDirection`, §2.5). Pure. */
export interface ContentSort {
  /** 1 date taken, 2 date added. */
  sortType: 1 | 2;
  /** 1 oldest first, 2 newest first. */
  sortDirection: 1 | 2;
}

/** The default order: newest first by date taken. */
export const DEFAULT_SORT: ContentSort = { sortType: 1, sortDirection: 2 };

/** The orders the API offers, with their names. */
export function contentOrders(t: Localize): { label: string; sort: ContentSort }[] {
  return [
    { label: t('Date taken, newest first'), sort: { sortType: 1, sortDirection: 2 } },
    { label: t('Date taken, oldest first'), sort: { sortType: 1, sortDirection: 1 } },
    { label: t('Date added, newest first'), sort: { sortType: 2, sortDirection: 2 } },
    { label: t('Date added, oldest first'), sort: { sortType: 2, sortDirection: 1 } },
  ];
}

/** `value` as an order the API offers, or undefined (a remembered value may be anything). */
export function asContentSort(value: unknown): ContentSort | undefined {
  const saved = value as Partial<ContentSort> | undefined;
  const valid = [1, 2].includes(Number(saved?.sortType)) && [1, 2].includes(Number(saved?.sortDirection));
  return valid && saved ? { sortType: Number(saved.sortType) as 1 | 2, sortDirection: Number(saved.sortDirection) as 1 | 2 } : undefined;
}
