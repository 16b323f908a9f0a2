/**
 * The three paging styles of D11. Each has a single-page function that returns the items and
 * where the next page starts (undefined at the end), for a tree that loads one page per click,
 * and an async iterator over those pages, for callers that want everything. Every function
 * throws what the client throws (KooDriveError); the iterators also stop a server whose pages
 * never end, at a repeated cursor or page or at a page cap, with a `badResponse` KooDriveError.
 */
import type { ListAlbumContentQuery, ListAlbumsQuery } from './albums';
import type { KooDriveClient } from './client';
import { KooDriveError } from './errors';
import type { CallOptions } from './options';
import type { ListSharedFoldersQuery } from './sharedFolders';
import { type AlbumContent, type AlbumItem, API_BASE_PATH, Limits, type MemberInfo, type ShareFolder } from './types';
import { segmentForMessage } from './validate';

/** One page, and where the next one starts (undefined when this is the last). */
export interface Page<T, Next> {
  items: T[];
  next?: Next;
}

/**
 * How many pages an iterator follows at most: 200,000 items at 100 per page (1,000 folders per
 * page for shared folders). A server that keeps sending pages beyond it is stopped with an error.
 */
export const DEFAULT_MAX_PAGES = 2_000;

/** Options of the page iterators: those of every call, and the page cap. */
export interface PagingOptions extends CallOptions {
  /** At most this many pages are followed (default {@link DEFAULT_MAX_PAGES}). */
  maxPages?: number;
}

/** The first and last id of a page, to notice a server that keeps answering the same page. */
function signature(items: { id?: string; userId?: string }[]): string {
  const key = (item: { id?: string; userId?: string } | undefined): string => item?.id ?? item?.userId ?? '';
  return `${items.length}:${key(items[0])}:${key(items[items.length - 1])}`;
}

/** The typed error of a server whose pages never end. */
function runaway(path: string, detail: string, pages: number): KooDriveError {
  return new KooDriveError({ kind: 'badResponse', method: 'GET', path, detail: `${detail}; stopped after ${pages} page${pages === 1 ? '' : 's'}` });
}

function pageCap(call: PagingOptions | undefined): number {
  const max = call?.maxPages;
  return max !== undefined && Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_PAGES;
}

/**
 * Walks pages from `start` until a page is empty or has no `next`. A page that repeats the
 * previous one (a server that ignores the page parameter), or more than the page cap, ends the
 * walk with a `badResponse` KooDriveError naming `path`. Shared by the page-numbered and offset styles.
 */
async function* walk<T extends { id?: string; userId?: string }, N>(start: N, path: string, call: PagingOptions | undefined, fetch: (at: N) => Promise<Page<T, N>>): AsyncGenerator<T[]> {
  const cap = pageCap(call);
  let at: N | undefined = start;
  let previous = '';
  for (let pages = 0; at !== undefined; pages++) {
    if (pages >= cap) {
      throw runaway(path, 'the server kept sending pages', pages);
    }
    const page: Page<T, N> = await fetch(at);
    const seen = signature(page.items);
    if (page.items.length === 0) {
      return;
    }
    if (seen === previous) {
      throw runaway(path, 'the server sent the same page again', pages);
    }
    yield page.items;
    previous = seen;
    at = page.next;
  }
}

/**
 * Albums from page `pageNum` (default 1), `pageSize` default 100. `next` is the next pageNum,
 * or undefined when the page is short or empty, or `total` is reached.
 */
export async function albumPage(client: KooDriveClient, query: ListAlbumsQuery, call?: CallOptions): Promise<Page<AlbumItem, number> & { total?: number }> {
  const pageNum = query.pageNum ?? 1;
  const pageSize = query.pageSize ?? Limits.albumPageSizeMax;
  const { albums, total } = await client.listAlbums({ ...query, pageNum, pageSize }, call);
  const end = albums.length < pageSize || (total !== undefined && pageNum * pageSize >= total);
  return { items: albums, next: end ? undefined : pageNum + 1, total };
}

/**
 * Every page of albums, from `query.pageNum` (default 1). Ends on a short or empty page or the total.
 * @throws KooDriveError `badResponse` for a repeated page or more than `call.maxPages` pages.
 */
export async function* albumPages(client: KooDriveClient, query: ListAlbumsQuery, call?: PagingOptions): AsyncGenerator<AlbumItem[]> {
  yield* walk(query.pageNum ?? 1, `${API_BASE_PATH}/album/list`, call, (pageNum) => albumPage(client, { ...query, pageNum }, call));
}

/**
 * Album contents from `cursor` (undefined for the first page). `next` is the cursor of the
 * following page, or undefined when the server sent an empty or missing cursor, or handed back
 * the very cursor it was given (which would page forever).
 */
export async function albumContentPage(client: KooDriveClient, albumId: string, cursor: string | undefined, query: Omit<ListAlbumContentQuery, 'pageCursor'> = {}, call?: CallOptions): Promise<Page<AlbumContent, string> & { total?: number }> {
  const { items, nextCursor, total } = await client.listAlbumContent(albumId, { ...query, pageCursor: cursor || undefined }, call);
  return { items, next: nextCursor && nextCursor !== cursor ? nextCursor : undefined, total };
}

/**
 * Every page of an album's contents, from `query.pageCursor` if given. Ends on an empty page or
 * an empty or missing cursor.
 * @throws KooDriveError `badResponse` when the server sends a cursor it sent before (which would
 * page for ever), or more than `call.maxPages` pages.
 */
export async function* albumContentPages(client: KooDriveClient, albumId: string, query: ListAlbumContentQuery = {}, call?: PagingOptions): AsyncGenerator<AlbumContent[]> {
  const { pageCursor, ...rest } = query;
  const path = `${API_BASE_PATH}/album/${segmentForMessage(albumId)}/list`;
  const cap = pageCap(call);
  const seen = new Set<string>();
  let cursor: string | undefined = pageCursor || undefined;
  for (let pages = 0; ; pages++) {
    if (pages >= cap) {
      throw runaway(path, 'the server kept sending pages', pages);
    }
    if (cursor) {
      seen.add(cursor);
    }
    const { items, nextCursor } = await client.listAlbumContent(albumId, { ...rest, pageCursor: cursor }, call);
    if (items.length === 0) {
      return;
    }
    yield items;
    if (!nextCursor) {
      return;
    }
    if (seen.has(nextCursor)) {
      throw runaway(path, 'the server sent a page cursor it had sent before', pages + 1);
    }
    cursor = nextCursor;
  }
}

/** Shared folders from `query.offset`. The list has no total: `next` (the next offset) is undefined after a short page. */
export async function sharedFolderPage(client: KooDriveClient, query: ListSharedFoldersQuery, call?: CallOptions): Promise<Page<ShareFolder, number>> {
  const folders = await client.listSharedFolders(query, call);
  return { items: folders, next: folders.length < query.limit || folders.length === 0 ? undefined : query.offset + folders.length };
}

/**
 * Every page of shared folders from `query.offset` (default 0); `limit` at most 1000. Ends on a short page.
 * @throws KooDriveError `badResponse` for a repeated page or more than `call.maxPages` pages.
 */
export async function* sharedFolderPages(client: KooDriveClient, query: Omit<ListSharedFoldersQuery, 'offset'> & { offset?: number }, call?: PagingOptions): AsyncGenerator<ShareFolder[]> {
  yield* walk(query.offset ?? 0, `${API_BASE_PATH}/sharefolder/list`, call, (offset) => sharedFolderPage(client, { ...query, offset }, call));
}

/** Group members from `query.offset`; `next` (the next offset) is undefined after a short page or at the total. */
export async function groupMemberPage(client: KooDriveClient, groupId: string, query: { offset: number; limit: number; keyWord?: string }, call?: CallOptions): Promise<Page<MemberInfo, number> & { total?: number }> {
  const { members, total } = await client.listGroupMembers(groupId, query, call);
  const nextOffset = query.offset + members.length;
  const end = members.length === 0 || members.length < query.limit || (total !== undefined && nextOffset >= total);
  return { items: members, next: end ? undefined : nextOffset, total };
}

/**
 * Every page of a group's members from `query.offset` (default 0); `limit` at most 100. Ends on a
 * short page or at the total.
 * @throws KooDriveError `badResponse` for a repeated page or more than `call.maxPages` pages.
 */
export async function* groupMemberPages(client: KooDriveClient, groupId: string, query: { offset?: number; limit: number; keyWord?: string }, call?: PagingOptions): AsyncGenerator<MemberInfo[]> {
  yield* walk(query.offset ?? 0, `${API_BASE_PATH}/usergroups/${segmentForMessage(groupId)}/members`, call, (offset) => groupMemberPage(client, groupId, { ...query, offset }, call));
}
