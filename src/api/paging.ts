/**
 * The three paging styles of D11. Each has a single-page function that returns the items and
 * where the next page starts (undefined at the end), for a tree that loads one page per click,
 * and an async iterator over those pages, for callers that want everything. Every function
 * throws what the client throws (KooDriveError).
 */
import type { ListAlbumContentQuery, ListAlbumsQuery } from './albums';
import type { KooDriveClient } from './client';
import type { CallOptions } from './options';
import type { ListSharedFoldersQuery } from './sharedFolders';
import { type AlbumContent, type AlbumItem, Limits, type MemberInfo, type ShareFolder } from './types';

/** One page, and where the next one starts (undefined when this is the last). */
export interface Page<T, Next> {
  items: T[];
  next?: Next;
}

/** The first and last id of a page, to notice a server that keeps answering the same page. */
function signature(items: { id?: string; userId?: string }[]): string {
  const key = (item: { id?: string; userId?: string } | undefined): string => item?.id ?? item?.userId ?? '';
  return `${items.length}:${key(items[0])}:${key(items[items.length - 1])}`;
}

/**
 * Walks pages from `start` until a page is empty, repeats the previous one (a server that
 * ignores the page parameter), or has no `next`. Shared by the page-numbered and offset styles.
 */
async function* walk<T extends { id?: string; userId?: string }, N>(start: N, fetch: (at: N) => Promise<Page<T, N>>): AsyncGenerator<T[]> {
  let at: N | undefined = start;
  let previous = '';
  while (at !== undefined) {
    const page: Page<T, N> = await fetch(at);
    const seen = signature(page.items);
    if (page.items.length === 0 || seen === previous) {
      return;
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

/** Every page of albums, from `query.pageNum` (default 1). Stops on a short or empty page, the total, or a repeated page. */
export async function* albumPages(client: KooDriveClient, query: ListAlbumsQuery, call?: CallOptions): AsyncGenerator<AlbumItem[]> {
  yield* walk(query.pageNum ?? 1, (pageNum) => albumPage(client, { ...query, pageNum }, call));
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

/** Every page of an album's contents, from `query.pageCursor` if given. Ends on an empty or missing cursor, an empty page, or a cursor seen before. */
export async function* albumContentPages(client: KooDriveClient, albumId: string, query: ListAlbumContentQuery = {}, call?: CallOptions): AsyncGenerator<AlbumContent[]> {
  const { pageCursor, ...rest } = query;
  const seen = new Set<string>();
  let cursor: string | undefined = pageCursor || undefined;
  for (;;) {
    const page: Page<AlbumContent, string> = await albumContentPage(client, albumId, cursor, rest, call);
    if (page.items.length === 0) {
      return;
    }
    yield page.items;
    if (cursor) {
      seen.add(cursor);
    }
    if (!page.next || seen.has(page.next)) {
      return;
    }
    cursor = page.next;
  }
}

/** Shared folders from `query.offset`. The list has no total: `next` (the next offset) is undefined after a short page. */
export async function sharedFolderPage(client: KooDriveClient, query: ListSharedFoldersQuery, call?: CallOptions): Promise<Page<ShareFolder, number>> {
  const folders = await client.listSharedFolders(query, call);
  return { items: folders, next: folders.length < query.limit || folders.length === 0 ? undefined : query.offset + folders.length };
}

/** Every page of shared folders from `query.offset` (default 0); `limit` at most 1000. Ends on a short page or a repeated page. */
export async function* sharedFolderPages(client: KooDriveClient, query: Omit<ListSharedFoldersQuery, 'offset'> & { offset?: number }, call?: CallOptions): AsyncGenerator<ShareFolder[]> {
  yield* walk(query.offset ?? 0, (offset) => sharedFolderPage(client, { ...query, offset }, call));
}

/** Group members from `query.offset`; `next` (the next offset) is undefined after a short page or at the total. */
export async function groupMemberPage(client: KooDriveClient, groupId: string, query: { offset: number; limit: number; keyWord?: string }, call?: CallOptions): Promise<Page<MemberInfo, number> & { total?: number }> {
  const { members, total } = await client.listGroupMembers(groupId, query, call);
  const nextOffset = query.offset + members.length;
  const end = members.length === 0 || members.length < query.limit || (total !== undefined && nextOffset >= total);
  return { items: members, next: end ? undefined : nextOffset, total };
}

/** Every page of a group's members from `query.offset` (default 0); `limit` at most 100. */
export async function* groupMemberPages(client: KooDriveClient, groupId: string, query: { offset?: number; limit: number; keyWord?: string }, call?: CallOptions): AsyncGenerator<MemberInfo[]> {
  yield* walk(query.offset ?? 0, (offset) => groupMemberPage(client, groupId, { ...query, offset }, call));
}
