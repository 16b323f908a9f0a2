import type { ListAlbumContentQuery, ListAlbumsQuery } from './albums';
import type { CallOptions, KooDriveClient } from './client';
import type { ListSharedFoldersQuery } from './sharedFolders';
import type { AlbumContent, AlbumItem, MemberInfo, ShareFolder } from './types';

/**
 * The three paging styles of D11 as async iterators that yield one page at a time, so a
 * caller can stop whenever it has enough.
 */

/** Albums: pageNum/pageSize (≤ 100); ends on a short page, an empty page or the total. */
export async function* albumPages(client: KooDriveClient, query: Omit<ListAlbumsQuery, 'pageNum'>, call?: CallOptions): AsyncGenerator<AlbumItem[]> {
  const pageSize = query.pageSize ?? 100;
  for (let pageNum = 1; ; pageNum++) {
    const { albums, total } = await client.listAlbums({ ...query, pageSize, pageNum }, call);
    if (albums.length > 0) {
      yield albums;
    }
    if (albums.length < pageSize || (total !== undefined && pageNum * pageSize >= total)) {
      return;
    }
  }
}

/** Album contents: cursor paging; ends on an empty or missing cursor, or one that repeats. */
export async function* albumContentPages(client: KooDriveClient, albumId: string, query: Omit<ListAlbumContentQuery, 'pageCursor'> = {}, call?: CallOptions): AsyncGenerator<AlbumContent[]> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const { items, nextCursor } = await client.listAlbumContent(albumId, { ...query, ...(cursor ? { pageCursor: cursor } : {}) }, call);
    if (items.length > 0) {
      yield items;
    }
    if (cursor) {
      seen.add(cursor);
    }
    cursor = nextCursor && !seen.has(nextCursor) ? nextCursor : undefined;
  } while (cursor);
}

/** Shared folders: offset/limit (≤ 1000); the list has no total, so a short page ends it. */
export async function* sharedFolderPages(client: KooDriveClient, query: Omit<ListSharedFoldersQuery, 'offset'> & { offset?: number }, call?: CallOptions): AsyncGenerator<ShareFolder[]> {
  for (let offset = query.offset ?? 0; ; ) {
    const folders = await client.listSharedFolders({ ...query, offset }, call);
    if (folders.length > 0) {
      yield folders;
    }
    if (folders.length < query.limit) {
      return;
    }
    offset += folders.length;
  }
}

/** Group members: offset/limit (≤ 100); ends on a short page or the total. */
export async function* groupMemberPages(client: KooDriveClient, groupId: string, query: { limit: number; keyWord?: string }, call?: CallOptions): AsyncGenerator<MemberInfo[]> {
  for (let offset = 0; ; ) {
    const { members, total } = await client.listGroupMembers(groupId, { ...query, offset }, call);
    if (members.length > 0) {
      yield members;
    }
    offset += members.length;
    if (members.length < query.limit || (total !== undefined && offset >= total)) {
      return;
    }
  }
}
