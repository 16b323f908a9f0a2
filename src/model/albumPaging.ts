import type { KooDriveClient } from '../api/client';
import type { AlbumContent } from '../api/types';

/** One page of an album's contents from `cursor`; `next` undefined at the end, or when a server hands back the cursor it was given (which would page forever). */
export async function albumContentPagesFrom(
  client: KooDriveClient,
  albumId: string,
  cursor: string | undefined,
  pageSize: number,
  signal: AbortSignal,
): Promise<{ items: AlbumContent[]; next: string | undefined }> {
  const { items, nextCursor } = await client.listAlbumContent(albumId, { pageSize, ...(cursor ? { pageCursor: cursor } : {}) }, { signal });
  return { items, next: nextCursor && nextCursor !== cursor ? nextCursor : undefined };
}
