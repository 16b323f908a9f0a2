import { isKooDriveError } from '../../api/errors';
import type { TreeNode } from '../../tree/node';
import type { PagedNode } from '../../tree/pagedNode';
import type { PagedPickSource, PickItem, PickPage } from '../../ui/prompter';
import type { App } from '../../app';

/** Where a picker stands: which listing, and how many of its rows it has offered. */
export interface ListingCursor {
  listing: number;
  offset: number;
}

/**
 * A paged picker over the trees' own listings (house style: the palette walks the same data as
 * the tree). Rows already loaded are offered first; "Load more…" loads the next page into the
 * tree itself. A 401 asks once to sign in again, then the walk goes on over the refreshed tree.
 * @param listings the listings to walk in order, asked again after a sign-in (the tree is rebuilt).
 * @param toItem the pick entry for a row, or undefined to leave the row out.
 */
export function listingSource<T>(app: App, listings: () => PagedNode[], toItem: (row: TreeNode) => PickItem<T> | undefined): PagedPickSource<T, ListingCursor> {
  return {
    async load(cursor, signal): Promise<PickPage<T, ListingCursor>> {
      let at: ListingCursor = cursor ?? { listing: 0, offset: 0 };
      for (;;) {
        const all = listings();
        const listing = all[at.listing];
        if (!listing || signal.aborted) {
          return { items: [], next: undefined };
        }
        const rows = await rowsFrom(app, listing, at.offset);
        if (rows === 'retry') {
          continue; // signed in again: the same position in the rebuilt listing
        }
        const offset = at.offset + rows.length;
        // A full window ends what paging offers from this listing; Load all reads the rest.
        const next: ListingCursor | undefined = listing.hasMore && !listing.windowFull ? { listing: at.listing, offset } : at.listing + 1 < all.length ? { listing: at.listing + 1, offset: 0 } : undefined;
        const items = rows.map(toItem).filter((item): item is PickItem<T> => item !== undefined);
        if (items.length > 0 || next === undefined) {
          return { items, next };
        }
        at = next; // nothing to offer here (an empty listing, or rows left out): go on
      }
    },
    async loadAll(cursor, signal, onProgress): Promise<PickItem<T>[]> {
      const all = listings();
      const at: ListingCursor = cursor ?? { listing: 0, offset: 0 };
      const items: PickItem<T>[] = [];
      for (let index = at.listing; index < all.length; index++) {
        const listing = all[index];
        const offset = index === at.listing ? at.offset : 0;
        const before = items.length;
        const rows = await listing.loadAll(signal, (loaded) => onProgress(before + Math.max(0, loaded - offset)));
        items.push(...rows.slice(offset).map(toItem).filter((item): item is PickItem<T> => item !== undefined));
      }
      return items;
    },
  };
}

/**
 * The listing's rows from `offset` on, loading a page when none is loaded there yet.
 * @returns 'retry' after the user signed in again following a 401.
 * @throws the load's error (a KooDriveError) otherwise.
 */
async function rowsFrom(app: App, listing: PagedNode, offset: number): Promise<readonly TreeNode[] | 'retry'> {
  while (listing.loadedRows().length <= offset && listing.hasMore) {
    const before = listing.loadedRows().length;
    await listing.loadMore(); // into the tree itself, which shows the new rows too
    const error = listing.loadError;
    if (error !== undefined) {
      if (isKooDriveError(error) && error.kind === 'sessionExpired' && (await app.recovery.recover(error))) {
        return 'retry';
      }
      throw error instanceof Error ? error : new Error('the listing could not be loaded');
    }
    if (listing.loadedRows().length === before) {
      break; // an empty page: nothing more to offer from here
    }
  }
  return listing.loadedRows().slice(offset);
}

/** A picker over a fixed list, in one page. */
export function staticSource<T>(items: PickItem<T>[]): PagedPickSource<T, never> {
  return { load: () => Promise.resolve({ items, next: undefined }) };
}

/** `source` with `first` offered at the top of its first page (e.g. "Create new album…"), Load all kept. */
export function withFirstItem<T, U, C>(first: PickItem<U>, source: PagedPickSource<T, C>): PagedPickSource<T | U, C> {
  const loadAll = source.loadAll?.bind(source);
  return {
    async load(cursor, signal): Promise<PickPage<T | U, C>> {
      const page = await source.load(cursor, signal);
      return cursor === undefined ? { items: [first, ...page.items], next: page.next } : page;
    },
    ...(loadAll ? { loadAll: (cursor: C | undefined, signal: AbortSignal, onProgress: (loaded: number) => void) => loadAll(cursor, signal, onProgress) } : {}),
  };
}
