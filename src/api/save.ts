/**
 * Saving a file to disk (D22): getFile's `content` link streamed into a {@link SaveSink}, with
 * the link rules of previews (credentials only to the endpoint's own origin, HTTPS, no redirects)
 * but no size cap. The bytes are hashed on the way; only bytes of exactly getFile's `size` and,
 * when given, `sha256` are committed. Whatever else happens, the sink is discarded.
 */
import { createHash } from 'node:crypto';
import { isKind, isKooDriveError } from './errors';
import type { Http } from './http';
import { attemptLink, checkLink, type Fail, type Reader } from './link';
import { requestError } from './request';
import { type SaveSink, systemCodeOf } from './saveSink';
import { declaredLength, type Opened } from './transfer';
import type { FileDetails } from './types';

/** What the saved bytes must be, and how to follow the save. */
export interface SaveOptions {
  /** getFile's `size`: exactly this many bytes, else nothing is kept. */
  size: number;
  /** getFile's `sha256` (hex), when it gave one: the bytes must hash to it, else nothing is kept. */
  sha256?: string;
  /** Aborting it stops the transfer at once and fails the save with kind `cancelled`. */
  signal?: AbortSignal;
  /** Called as bytes arrive, with the count so far and `size`; what it throws is ignored. */
  onProgress?: (received: number, total: number) => void;
  /**
   * Asked once for a new link when the link is refused (403, or another origin's 401): a link that
   * expired. Usually getFile again. Without it, the refusal is thrown.
   */
  refreshLink?: () => Promise<string>;
}

/** A saved file: its length and SHA-256 (lowercase hex), as received and committed. */
export interface Saved {
  size: number;
  sha256: string;
  contentType?: string;
}

/** The link, size and sha256 a save of `file` needs from its getFile answer, or undefined without a content link or a size. */
export function contentToSave(file: FileDetails): { link: string; size: number; sha256?: string } | undefined {
  const link = file.downloadLinks?.find((candidate) => candidate?.usage === 'content')?.downloadLink;
  const size = typeof file.size === 'string' && /^\d+$/.test(file.size) ? Number(file.size) : file.size;
  if (typeof link !== 'string' || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    return undefined;
  }
  return { link, size, sha256: typeof file.sha256 === 'string' && SHA256.test(file.sha256) ? file.sha256.toLowerCase() : undefined };
}

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Streams the file at `link` (getFile's `content` link) into `sink`, hashing it on the way, and
 * commits it only when exactly `size` bytes arrived and, when `sha256` is given, they hash to it.
 * Memory stays at a chunk or two whatever the size. Retried like a read (network errors, 5xx,
 * timeouts, 429), each attempt on a freshly opened sink; a refused link is refreshed once through
 * `refreshLink`. The sink is discarded after every failure, cancel included.
 * @throws KooDriveError `invalidInput` before anything is sent (a bad link, size or sha256);
 * `integrity` when the count or the hash does not match, or the answer announces another length
 * (detail: which, with the numbers); `disk` when the sink fails (`systemCode`: `ENOSPC`,
 * `EEXIST`…); `notPermitted` for a refused link, `notFound`, `badResponse` for a redirect,
 * `sessionExpired`, `network` (a cut connection at once), `timeout` (a gap between chunks
 * longer than the request timeout), `cancelled`, `throttled`, `server`. Integrity and disk
 * failures are never retried.
 */
export async function save(http: Http, link: string, sink: SaveSink, options: SaveOptions): Promise<Saved> {
  try {
    return await saveFrom(http, link, sink, options);
  } catch (error) {
    if (!options.refreshLink || !isKind(error, 'notPermitted') || options.signal?.aborted) {
      throw error;
    }
    return saveFrom(http, await options.refreshLink(), sink, options);
  }
}

function saveFrom(http: Http, link: string, sink: SaveSink, options: SaveOptions): Promise<Saved> {
  const checked = checkLink(http, link);
  const refuse = (detail: string): never => {
    throw requestError(checked.request, { kind: 'invalidInput', detail });
  };
  if (!Number.isSafeInteger(options.size) || options.size < 0) {
    refuse('the size to save must be a whole number of bytes');
  }
  if (options.sha256 !== undefined && !SHA256.test(options.sha256)) {
    refuse('the sha256 to check must be 64 hexadecimal digits');
  }
  const reader = intoSink(sink, options);
  return http.repeat(checked.request, { signal: options.signal }, (turn) => attemptLink(http, checked, turn, options.signal, reader));
}

/** Reads the body into `sink`, then checks and commits it, or discards it. */
function intoSink(sink: SaveSink, options: SaveOptions): Reader<Saved> {
  const { size } = options;
  const expected = options.sha256?.toLowerCase();
  return {
    refuse: (opened) => {
      const announced = declaredLength(opened);
      return announced !== undefined && announced !== size ? { kind: 'integrity', detail: `size: expected ${size} bytes, the answer announced ${announced}` } : undefined;
    },
    receive: async (opened: Opened, fail: Fail) => {
      let streamed = false;
      try {
        await onDisk(() => sink.open(), fail);
        const hash = createHash('sha256');
        let received = 0;
        await opened.stream(async (chunk) => {
          received += chunk.length;
          if (received > size) {
            throw fail({ kind: 'integrity', detail: `size: expected ${size} bytes, received more` });
          }
          hash.update(chunk);
          await onDisk(() => sink.write(chunk), fail);
          progress(options, received);
        });
        streamed = true;
        const sha256 = hash.digest('hex');
        if (received !== size) {
          throw fail({ kind: 'integrity', detail: `size: expected ${size} bytes, received ${received}` });
        }
        if (expected !== undefined && sha256 !== expected) {
          throw fail({ kind: 'integrity', detail: `sha256: expected ${expected}, received ${sha256}` });
        }
        if (options.signal?.aborted) {
          throw fail({ kind: 'cancelled' });
        }
        await onDisk(() => sink.commit(), fail);
        return { size: received, sha256, contentType: opened.header('content-type') ?? undefined };
      } catch (error) {
        if (!streamed) {
          opened.discard(); // a sink that failed to open leaves the body unread
        }
        await sink.discard().catch(() => undefined);
        throw error;
      }
    },
  };
}

function progress(options: SaveOptions, received: number): void {
  try {
    options.onProgress?.(received, options.size);
  } catch {
    // A failing progress callback must not break the save.
  }
}

/** Runs a sink call; its failure becomes kind `disk` with the system code (never a path). */
async function onDisk(call: () => Promise<void>, fail: Fail): Promise<void> {
  try {
    await call();
  } catch (error) {
    throw isKooDriveError(error) ? error : fail({ kind: 'disk', systemCode: systemCodeOf(error) ?? 'EIO' });
  }
}
