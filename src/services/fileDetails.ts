/**
 * File details for album items (D14): getFile with the `containerId` of the file's owner (one
 * GetSpace per owner per session, through {@link Spaces}); lookups go through one
 * {@link KeyedQueue} (eight at a time, each file once, rows the user sees before bulk work,
 * cached). What is kept of an answer is what rows, filters, previews and downloads need, each
 * field bounded, never the whole answer. Plain Node: unit-tested and benchmarked without VS Code.
 */
import type { CallOptions } from '../api/options';
import type { DownloadLink, FileDetails } from '../api/types';
import { KeyedQueue, type Priority } from './keyedQueue';
import type { Spaces } from './spaces';

/** The part of the client the details need. */
export interface DetailsClient {
  getFile(fileId: string, containerId: string, call?: CallOptions): Promise<FileDetails>;
  getFullPath(fileId: string, containerId: string, call?: CallOptions): Promise<{ namePath?: string; fileIdPath?: string }>;
}

/** Details cannot be asked for: KooDrive did not give the space of the file's owner (D14). */
export class OtherOwnerSpace extends Error {
  constructor() {
    super('the space of the file’s owner is not available');
    this.name = 'OtherOwnerSpace';
  }
}

/** Folder paths kept (one string each, asked on hover). */
const PATHS_KEPT = 1000;

export class FileDetailsService {
  private readonly queue: KeyedQueue<FileDetails, string | undefined>;
  private readonly paths = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly client: DetailsClient,
    private readonly spaces: Pick<Spaces, 'container'>,
    concurrency = 8,
    cacheSize = 5000,
  ) {
    this.queue = new KeyedQueue((fileId, signal, ownerId) => this.lookup(fileId, ownerId, signal), concurrency, cacheSize);
  }

  /** Details already known for a file, without asking. */
  known(fileId: string): FileDetails | undefined {
    return this.queue.peek(fileId);
  }

  /** How long a lookup typically takes, in ms (0 before the first): to say how long many take. */
  get typicalLookupMs(): number {
    return this.queue.typicalMs;
  }

  /**
   * The details of `fileId`, owned by `ownerId` (the signed-in user when undefined); `bulk` work
   * waits behind every lookup for a row the user sees.
   * @throws KooDriveError from getFile/GetSpace, {@link OtherOwnerSpace}, or a `Canceled` error when `signal` aborts.
   */
  details(fileId: string, ownerId: string | undefined, signal?: AbortSignal, priority: Priority = 'visible'): Promise<FileDetails> {
    return this.queue.get(fileId, { signal, priority, context: ownerId });
  }

  /** The details of `fileId` read afresh, past the cache (a download link that expired). */
  fresh(fileId: string, ownerId: string | undefined, signal?: AbortSignal): Promise<FileDetails> {
    return this.lookup(fileId, ownerId, signal ?? new AbortController().signal);
  }

  /** The folder path of a file as names (GetFullPath), or undefined when KooDrive gives none. */
  fullPath(fileId: string, ownerId: string | undefined, signal?: AbortSignal): Promise<string | undefined> {
    let path = this.paths.get(fileId);
    if (!path) {
      path = this.containerFor(ownerId, signal).then(async (container) => {
        if (!container) {
          return undefined;
        }
        const { namePath } = await this.client.getFullPath(fileId, container, { signal });
        return typeof namePath === 'string' && namePath.trim() !== '' ? namePath.slice(0, 1024) : undefined;
      });
      this.paths.set(fileId, path);
      if (this.paths.size > PATHS_KEPT) {
        this.paths.delete(this.paths.keys().next().value as string);
      }
      path.catch(() => this.paths.delete(fileId)); // a failure is asked again next time
    }
    return path;
  }

  /** A new session: every detail and path is asked afresh (the spaces are cleared by their owner). */
  clear(): void {
    this.queue.clear();
    this.paths.clear();
  }

  private async lookup(fileId: string, ownerId: string | undefined, signal: AbortSignal): Promise<FileDetails> {
    const container = await this.containerFor(ownerId, signal);
    if (!container) {
      throw new OtherOwnerSpace();
    }
    return leanDetails(await this.client.getFile(fileId, container, { signal }));
  }

  private containerFor(ownerId: string | undefined, signal?: AbortSignal): Promise<string | undefined> {
    const container = this.spaces.container(ownerId);
    return signal ? abortable(container, signal) : container;
  }
}

/**
 * What is kept of a getFile answer: the name, kind, size, dates, checksum and the first content
 * and thumbnail links, strings cut to a sane length. An answer may hold up to 16 MB (D16); a
 * cache of thousands of them must not.
 */
export function leanDetails(file: FileDetails): FileDetails {
  const cut = (value: unknown, max: number): string | undefined => (typeof value === 'string' ? value.slice(0, max) : typeof value === 'number' ? String(value) : undefined);
  const links: DownloadLink[] = [];
  for (const usage of ['content', 'thumbnail']) {
    const found = (Array.isArray(file.downloadLinks) ? file.downloadLinks : []).find((link) => typeof link?.usage === 'string' && link.usage.toLowerCase() === usage);
    const url = cut(found?.downloadLink, 8192);
    if (url) {
      links.push({ usage, downloadLink: url });
    }
  }
  const lean: FileDetails = { id: cut(file.id, 256) ?? '' };
  const fields: [keyof FileDetails, number][] = [['fileName', 1024], ['fileType', 16], ['mimeType', 256], ['createdTime', 64], ['editedTime', 64], ['fileSuffix', 64], ['fullFileSuffix', 128], ['sha256', 128]];
  for (const [field, max] of fields) {
    const value = cut(file[field], max);
    if (value !== undefined) {
      lean[field] = value;
    }
  }
  if (typeof file.size === 'number' || typeof file.size === 'string') {
    lean.size = typeof file.size === 'string' ? file.size.slice(0, 32) : file.size;
  }
  if (links.length > 0) {
    lean.downloadLinks = links;
  }
  return lean;
}

/** `promise`, or a `Canceled` rejection as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    return Promise.reject(Object.assign(new Error('cancelled'), { name: 'Canceled' }));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(Object.assign(new Error('cancelled'), { name: 'Canceled' }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error('the lookup failed'));
      },
    );
  });
}
