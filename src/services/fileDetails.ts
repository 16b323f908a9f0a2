/**
 * File details for album items (D14): getFile with the `containerId` of the file's owner, read
 * once per session per owner through GetSpace; lookups go through one {@link KeyedQueue} (eight
 * at a time, each file once, cached). Plain Node: unit-tested and benchmarked without VS Code.
 */
import type { CallOptions } from '../api/options';
import type { FileDetails, SpaceInfo } from '../api/types';
import { KeyedQueue } from './keyedQueue';

/** The part of the client the details need. */
export interface DetailsClient {
  getSpace(ownerId: string, query?: { containerId?: string }, call?: CallOptions): Promise<SpaceInfo>;
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
  private readonly containers = new Map<string, Promise<string | undefined>>();
  private readonly queue: KeyedQueue<FileDetails>;
  private readonly owners = new Map<string, string | undefined>();
  private readonly paths = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly client: DetailsClient,
    /** The signed-in user's id (must not throw). */
    private readonly userId: () => string | undefined,
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

  /** A new session: every container, detail and path is asked afresh. */
  clear(): void {
    this.queue.clear();
    this.containers.clear();
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

  /**
   * The containerId of `ownerId`'s personal space, read once per session. The user's own space
   * must answer (a failure is asked again next time); another owner's may not, and then is
   * undefined for the session.
   */
  private containerFor(ownerId: string | undefined, signal?: AbortSignal): Promise<string | undefined> {
    const self = this.userId();
    const owner = ownerId ?? self;
    if (!owner) {
      return Promise.resolve(undefined);
    }
    let container = this.containers.get(owner);
    if (!container) {
      const own = owner === self;
      // Not tied to one row's signal: the answer serves every row of this owner.
      container = this.client.getSpace(owner).then(
        (space) => (typeof space.containerId === 'string' && space.containerId !== '' ? space.containerId : undefined),
        (error: unknown) => {
          if (own) {
            this.containers.delete(owner);
            throw error;
          }
          return undefined;
        },
      );
      this.containers.set(owner, container);
    }
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
