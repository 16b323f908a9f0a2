/**
 * File details for album items (D14): getFile with the `containerId` of the file's owner (one
 * GetSpace per owner per session, through {@link Spaces}); lookups go through one
 * {@link KeyedQueue} (eight at a time, each file once, cached). Plain Node: unit-tested and
 * benchmarked without VS Code.
 */
import type { CallOptions } from '../api/options';
import type { FileDetails } from '../api/types';
import { KeyedQueue } from './keyedQueue';
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

export class FileDetailsService {
  private readonly queue: KeyedQueue<FileDetails>;
  private readonly owners = new Map<string, string | undefined>();
  private readonly paths = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly client: DetailsClient,
    private readonly spaces: Pick<Spaces, 'container'>,
    concurrency = 8,
    cacheSize = 5000,
  ) {
    this.queue = new KeyedQueue((fileId, signal) => this.lookup(fileId, signal), concurrency, cacheSize);
  }

  /** Details already known for a file, without asking. */
  known(fileId: string): FileDetails | undefined {
    return this.queue.peek(fileId);
  }

  /**
   * The details of `fileId`, owned by `ownerId` (the signed-in user when undefined).
   * @throws KooDriveError from getFile/GetSpace, {@link OtherOwnerSpace}, or a `Canceled` error when `signal` aborts.
   */
  details(fileId: string, ownerId: string | undefined, signal?: AbortSignal): Promise<FileDetails> {
    if (!this.owners.has(fileId) && this.queue.peek(fileId) === undefined) {
      this.owners.set(fileId, ownerId);
    }
    return this.queue.get(fileId, signal);
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
        return typeof namePath === 'string' && namePath.trim() !== '' ? namePath : undefined;
      });
      this.paths.set(fileId, path);
      path.catch(() => this.paths.delete(fileId)); // a failure is asked again next time
    }
    return path;
  }

  /** A new session: every detail and path is asked afresh (the spaces are cleared by their owner). */
  clear(): void {
    this.queue.clear();
    this.owners.clear();
    this.paths.clear();
  }

  private async lookup(fileId: string, signal: AbortSignal): Promise<FileDetails> {
    const owner = this.owners.get(fileId);
    this.owners.delete(fileId); // kept only until asked: the cache, not this map, is bounded
    const container = await this.containerFor(owner, signal);
    if (!container) {
      throw new OtherOwnerSpace();
    }
    return this.client.getFile(fileId, container, { signal });
  }

  private containerFor(ownerId: string | undefined, signal?: AbortSignal): Promise<string | undefined> {
    const container = this.spaces.container(ownerId);
    return signal ? abortable(container, signal) : container;
  }
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
