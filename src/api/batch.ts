/**
 * The batch engine (D10): any number of album items, split into requests the API accepts, a few
 * in flight at once, with an exact account of what was done, what failed and what was never sent.
 */
import type { KooDriveClient } from './client';
import { isKooDriveError, KooDriveError } from './errors';
import { API_BASE_PATH, type FileMap, Limits } from './types';

/** Counts reported after each chunk. */
export interface BatchProgress {
  /** Ids done so far. */
  done: number;
  /** Ids whose request failed so far. */
  failed: number;
  /** Ids to do in all, after de-duplication. */
  total: number;
}

/** Options of the batch functions; all optional. */
export interface BatchOptions {
  /** Ids per request: default and maximum 1000 for removal, 100 for adding. */
  chunkSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /**
   * Stops starting new chunks; they are reported in `notAttempted`. Requests already sent are
   * left to finish, so that what is reported as done is what the server did.
   */
  signal?: AbortSignal;
  /** Called after each chunk, whatever its outcome. */
  onProgress?: (progress: BatchProgress) => void;
}

/**
 * Exactly which ids were done, which failed with which error, and which were never sent. Every
 * de-duplicated input id is in exactly one of the three lists.
 */
export interface BatchResult {
  done: string[];
  failed: { ids: string[]; error: KooDriveError }[];
  notAttempted: string[];
}

/**
 * Removes any number of items from an album (D10): drops empty ids and duplicates (keeping the
 * first occurrence's order), sends nothing for an empty selection, and sends chunks of at most
 * `chunkSize` (≤ 1000) ids, `concurrency` at a time. 2,500 ids cost exactly 3 requests. A
 * cancel stops new chunks; so does a chunk failing with `sessionExpired`, so the caller can sign
 * in again and resume with `failed` + `notAttempted`. Never throws for a failed chunk.
 */
export function removeAlbumContentInBatches(client: KooDriveClient, albumId: string, ids: string[], options: BatchOptions = {}): Promise<BatchResult> {
  const chunkSize = clampChunk(options.chunkSize, Limits.removeAlbumContentMax);
  const path = `${API_BASE_PATH}/${encodeURIComponent(albumId)}/batchDelete`;
  return runInChunks(unique(ids, (id) => id), (id) => id, chunkSize, options, 'DELETE', path, (chunk) => client.removeAlbumContent(albumId, chunk));
}

/**
 * Adds files to a manual album (used for Undo) with the same rules and result shape: chunks of
 * at most `chunkSize` (≤ 100) files, duplicates by fileId dropped; `done` lists fileIds.
 */
export function addAlbumContentInBatches(client: KooDriveClient, albumId: string, files: FileMap[], options: BatchOptions = {}): Promise<BatchResult> {
  const chunkSize = clampChunk(options.chunkSize, Limits.addAlbumContentMax);
  const path = `${API_BASE_PATH}/album/${encodeURIComponent(albumId)}/add`;
  return runInChunks(unique(files, (file) => file?.fileId), (file) => file.fileId, chunkSize, options, 'POST', path, (chunk) => client.addAlbumContent(albumId, chunk));
}

function clampChunk(value: number | undefined, max: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.min(Math.max(Math.floor(value), 1), max) : max;
}

/** Items with a non-blank key, first occurrence of each key only, order kept. */
function unique<T>(items: T[], key: (item: T) => unknown): T[] {
  const seen = new Set<string>();
  return (items ?? []).filter((item) => {
    const id = key(item);
    if (typeof id !== 'string' || id.trim() === '' || seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}

async function runInChunks<T>(
  items: T[],
  key: (item: T) => string,
  chunkSize: number,
  options: BatchOptions,
  method: string,
  path: string,
  send: (chunk: T[]) => Promise<void>,
): Promise<BatchResult> {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    chunks.push(items.slice(start, start + chunkSize));
  }
  const result: BatchResult = { done: [], failed: [], notAttempted: [] };
  let next = 0;
  let sessionExpired = false;
  const stopped = (): boolean => sessionExpired || options.signal?.aborted === true;
  const report = (): void => {
    try {
      options.onProgress?.({ done: result.done.length, failed: result.failed.reduce((sum, f) => sum + f.ids.length, 0), total: items.length });
    } catch {
      // A failing progress callback must not lose the account of what was done.
    }
  };

  const worker = async (): Promise<void> => {
    while (!stopped() && next < chunks.length) {
      const chunk = chunks[next++];
      const ids = chunk.map(key);
      try {
        await send(chunk);
        result.done.push(...ids);
      } catch (error) {
        const failure = isKooDriveError(error) ? error : new KooDriveError({ kind: 'badResponse', method, path, detail: 'the request failed unexpectedly' });
        result.failed.push({ ids, error: failure });
        sessionExpired ||= failure.kind === 'sessionExpired';
      }
      report();
    }
  };
  const concurrency = options.concurrency !== undefined && Number.isFinite(options.concurrency) ? Math.max(1, Math.floor(options.concurrency)) : 4;
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  result.notAttempted = chunks.slice(next).flatMap((chunk) => chunk.map(key));
  // Chunks finish in any order; report what was done in the caller's order.
  const order = new Map(items.map((item, index) => [key(item), index]));
  result.done.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return result;
}
