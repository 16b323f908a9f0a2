/**
 * The batch engine (D10): any number of album items, split into requests the API accepts, a few
 * in flight at once, with an exact account of what was done, what failed and what was never sent.
 */
import type { KooDriveClient } from './client';
import { isKooDriveError, KooDriveError } from './errors';
import type { CallOptions } from './options';
import { API_BASE_PATH, type FileMap, Limits } from './types';
import { uniqueByKey } from './unique';
import { segmentForMessage } from './validate';

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
   * Stops starting new chunks, and ends any wait to retry one; they are reported in
   * `notAttempted` (so is a chunk stopped while waiting out a 429, which was not carried out).
   * Requests already sent are left to finish, so that what is reported as done is what the
   * server did.
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
  const path = `${API_BASE_PATH}/${segmentForMessage(albumId)}/batchDelete`;
  return runInChunks(uniqueByKey(ids ?? []), chunkSize, options, 'DELETE', path, (chunk, call) => client.removeAlbumContent(albumId, chunk, call));
}

/**
 * Adds files to a manual album (used for Undo) with the same rules and result shape: chunks of
 * at most `chunkSize` (≤ 100) files, duplicates by fileId dropped; `done` lists fileIds.
 */
export function addAlbumContentInBatches(client: KooDriveClient, albumId: string, files: FileMap[], options: BatchOptions = {}): Promise<BatchResult> {
  const chunkSize = clampChunk(options.chunkSize, Limits.addAlbumContentMax);
  const path = `${API_BASE_PATH}/album/${segmentForMessage(albumId)}/add`;
  return runInChunks(uniqueByKey(files ?? [], (file) => file?.fileId), chunkSize, options, 'POST', path, (chunk, call) => client.addAlbumContent(albumId, chunk, call));
}

function clampChunk(value: number | undefined, max: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.min(Math.max(Math.floor(value), 1), max) : max;
}

/** What became of one chunk: never started, done, failed, or stopped before it was carried out. */
type ChunkState = undefined | 'done' | 'failed' | 'notAttempted';

async function runInChunks<T>(
  selection: { items: T[]; keys: string[] },
  chunkSize: number,
  options: BatchOptions,
  method: string,
  path: string,
  send: (chunk: T[], call: CallOptions) => Promise<void>,
): Promise<BatchResult> {
  const { items, keys } = selection;
  const chunks: string[][] = [];
  const payloads: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    payloads.push(items.slice(start, start + chunkSize));
    // For removal the items are the keys: one slice serves as payload and as ids.
    chunks.push((items as unknown[]) === keys ? (payloads[payloads.length - 1] as string[]) : keys.slice(start, start + chunkSize));
  }
  const states: ChunkState[] = new Array<ChunkState>(chunks.length);
  const errors: (KooDriveError | undefined)[] = new Array<KooDriveError | undefined>(chunks.length);
  const counts = { done: 0, failed: 0 };
  let next = 0;
  let sessionExpired = false;
  const signal = options.signal;
  const stopped = (): boolean => sessionExpired || signal?.aborted === true;
  const report = (): void => {
    try {
      options.onProgress?.({ done: counts.done, failed: counts.failed, total: items.length });
    } catch {
      // A failing progress callback must not lose the account of what was done.
    }
  };

  const worker = async (): Promise<void> => {
    while (!stopped() && next < chunks.length) {
      const index = next++;
      try {
        // `stop`, not `signal`: a cancel ends retry waits but never aborts a request on the wire.
        await send(payloads[index], { stop: signal });
        states[index] = 'done';
        counts.done += chunks[index].length;
      } catch (error) {
        const failure = isKooDriveError(error) ? error : new KooDriveError({ kind: 'badResponse', method, path, detail: 'the request failed unexpectedly' });
        // Cancelled before sending, or stopped while waiting out a 429: the server did nothing.
        if (signal?.aborted && (failure.kind === 'cancelled' || failure.kind === 'throttled')) {
          states[index] = 'notAttempted';
        } else {
          states[index] = 'failed';
          errors[index] = failure;
          counts.failed += chunks[index].length;
          sessionExpired ||= failure.kind === 'sessionExpired';
        }
      }
      report();
    }
  };
  const concurrency = options.concurrency !== undefined && Number.isFinite(options.concurrency) ? Math.max(1, Math.floor(options.concurrency)) : 4;
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  // Chunks finish in any order; report each list in the caller's order.
  const result: BatchResult = { done: [], failed: [], notAttempted: [] };
  chunks.forEach((ids, index) => {
    const state = states[index];
    const error = errors[index];
    if (state === 'done') {
      pushAll(result.done, ids);
    } else if (state === 'failed' && error) {
      result.failed.push({ ids, error });
    } else {
      pushAll(result.notAttempted, ids);
    }
  });
  return result;
}

/** `target.push(...items)`, for chunks of at most 1000. */
function pushAll(target: string[], items: string[]): void {
  Array.prototype.push.apply(target, items);
}
