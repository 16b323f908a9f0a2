/**
 * A queue of keyed lookups (file details by file id): at most `concurrency` run at once, each key
 * is looked up once however many rows ask for it, successes are cached (the least recently used
 * entry leaves first beyond `cacheSize`), and a lookup nobody waits for any more is dropped from
 * the queue or aborted. Plain Node: unit-tested without VS Code.
 */

/** The error a waiter gets when its own signal aborts. */
export class QueueCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Canceled';
  }
}

interface Job<V> {
  key: string;
  waiters: number;
  controller: AbortController;
  promise: Promise<V>;
  resolve(value: V): void;
  reject(error: unknown): void;
}

export class KeyedQueue<V> {
  private readonly cache = new Map<string, V>();
  private readonly jobs = new Map<string, Job<V>>();
  private readonly waiting: Job<V>[] = [];
  private running = 0;

  constructor(
    private readonly lookup: (key: string, signal: AbortSignal) => Promise<V>,
    private readonly concurrency = 8,
    private readonly cacheSize = 5000,
  ) {}

  /** The cached value for `key`, if any (without starting a lookup). */
  peek(key: string): V | undefined {
    return this.cache.get(key);
  }

  /**
   * The value for `key`: from the cache, from a lookup already queued or running, or from a new
   * one. Rejects with {@link QueueCancelled} when `signal` aborts first, with the lookup's error
   * when it fails (failures are not cached: a later request tries again).
   */
  get(key: string, signal?: AbortSignal): Promise<V> {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, cached);
      return Promise.resolve(cached);
    }
    if (signal?.aborted) {
      return Promise.reject(new QueueCancelled());
    }
    const job = this.jobs.get(key) ?? this.enqueue(key);
    job.waiters += 1;
    return new Promise<V>((resolve, reject) => {
      let settled = false;
      const leave = (): void => {
        if (!settled) {
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          job.waiters -= 1;
        }
      };
      const onAbort = (): void => {
        leave();
        reject(new QueueCancelled());
        if (job.waiters === 0) {
          this.abandon(job);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      job.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error instanceof Error ? error : new Error('the lookup failed'));
        },
      );
    });
  }

  /** Lookups running now (for tests and the benchmark). */
  get active(): number {
    return this.running;
  }

  /** Lookups waiting for a free slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Forgets every cached value and drops every lookup (a new session). */
  clear(): void {
    for (const job of [...this.jobs.values()]) {
      this.abandon(job);
    }
    this.cache.clear();
  }

  private enqueue(key: string): Job<V> {
    let resolve!: (value: V) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<V>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined); // waiters handle it; an abandoned job has none
    const job: Job<V> = { key, waiters: 0, controller: new AbortController(), promise, resolve, reject };
    this.jobs.set(key, job);
    this.waiting.push(job);
    queueMicrotask(() => this.pump());
    return job;
  }

  /** Nobody waits for `job` any more: drop it from the queue, or abort its lookup. */
  private abandon(job: Job<V>): void {
    if (this.jobs.get(job.key) === job) {
      this.jobs.delete(job.key);
    }
    const index = this.waiting.indexOf(job);
    if (index >= 0) {
      this.waiting.splice(index, 1);
    }
    job.controller.abort();
    job.reject(new QueueCancelled());
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as Job<V>;
      this.running += 1;
      new Promise<V>((resolve) => resolve(this.lookup(job.key, job.controller.signal))).then(
        (value) => {
          if (this.jobs.get(job.key) === job) {
            this.remember(job.key, value);
          }
          job.resolve(value);
        },
        (error: unknown) => job.reject(error),
      ).finally(() => {
        this.running -= 1;
        if (this.jobs.get(job.key) === job) {
          this.jobs.delete(job.key);
        }
        this.pump();
      });
    }
  }

  private remember(key: string, value: V): void {
    this.cache.set(key, value);
    while (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}
