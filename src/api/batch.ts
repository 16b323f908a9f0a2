import type { KooDriveClient } from './client';
import { isKooDriveError, KooDriveError } from './errors';
import type { FileMap } from './types';
import { Limits } from './types';

export interface BatchProgress {
  /** Ids done so far. */
  done: number;
  /** Ids whose chunk failed so far. */
  failed: number;
  total: number;
}

export interface BatchOptions {
  chunkSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Stops starting new chunks; chunks already sent finish, so the result stays true. */
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
}

/** Exactly which ids were done, which failed with which error, and which were never sent. */
export interface BatchResult {
  done: string[];
  failed: { ids: string[]; error: KooDriveError }[];
  notAttempted: string[];
}

/**
 * Removes any number of items from an album (D10): de-duplicated, empty ids dropped, chunks of
 * at most 1000, `concurrency` requests in flight. A cancel, or a 401 (so the caller can sign in
 * again and resume exactly what is left), stops new chunks. Never throws for a failed chunk.
 */
export function removeAlbumContentInBatches(client: KooDriveClient, albumId: string, ids: string[], options: BatchOptions = {}): Promise<BatchResult> {
  const chunkSize = Math.min(options.chunkSize ?? Limits.removeAlbumContentMax, Limits.removeAlbumContentMax);
  return runInChunks(unique(ids, (id) => id), (id) => id, chunkSize, options, (chunk) => client.removeAlbumContent(albumId, chunk));
}

/** Adds files back to a manual album (Undo), in chunks of at most 100, with the same result shape. */
export function addAlbumContentInBatches(client: KooDriveClient, albumId: string, files: FileMap[], options: BatchOptions = {}): Promise<BatchResult> {
  const chunkSize = Math.min(options.chunkSize ?? Limits.addAlbumContentMax, Limits.addAlbumContentMax);
  return runInChunks(unique(files, (file) => file.fileId), (file) => file.fileId, chunkSize, options, (chunk) => client.addAlbumContent(albumId, chunk));
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (!id || seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}

async function runInChunks<T>(items: T[], key: (item: T) => string, chunkSize: number, options: BatchOptions, send: (chunk: T[]) => Promise<void>): Promise<BatchResult> {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    chunks.push(items.slice(start, start + chunkSize));
  }
  const result: BatchResult = { done: [], failed: [], notAttempted: [] };
  let next = 0;
  let sessionExpired = false;
  const stop = (): boolean => sessionExpired || options.signal?.aborted === true;
  const report = (): void => options.onProgress?.({ done: result.done.length, failed: result.failed.reduce((sum, f) => sum + f.ids.length, 0), total: items.length });

  const worker = async (): Promise<void> => {
    while (!stop() && next < chunks.length) {
      const chunk = chunks[next++];
      const ids = chunk.map(key);
      try {
        await send(chunk);
        result.done.push(...ids);
      } catch (error) {
        const failure = isKooDriveError(error) ? error : new KooDriveError({ kind: 'badResponse', method: '-', path: '-', traceId: '-', detail: String(error) });
        result.failed.push({ ids, error: failure });
        sessionExpired ||= failure.kind === 'sessionExpired';
      }
      report();
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, chunks.length));
  await Promise.all(Array.from({ length: workers }, worker));
  result.notAttempted = chunks.slice(next).flatMap((chunk) => chunk.map(key));
  return result;
}
