/**
 * A queue of keyed lookups (file details by file id): at most `concurrency` run at once, each key
 * is looked up once however many rows ask for it, successes are cached (the least recently used
 * entry leaves first beyond `cacheSize`), and a lookup nobody waits for any more is dropped from
 * the queue or aborted. Lookups for what the user sees (`visible`) go before bulk work (`bulk`,
 * e.g. a filter over a whole album), and a key a visible row asks for jumps ahead of the bulk.
 * Every operation costs the same however long the queue is: 100,000 queued lookups must not slow
 * down the next one. Plain Node: unit-tested without VS Code.
 */

/** The error a waiter gets when its own signal aborts. */
export class QueueCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Canceled';
  }
}

/** Who is waiting: a row the user sees, or bulk work that can wait. */
export type Priority = 'visible' | 'bulk';

const VISIBLE = 0;
const BULK = 1;

interface Job<V> {
  key: string;
  /** What the first asker said about the key (e.g. the file's owner), handed to the lookup. */
  context: unknown;
  waiting: Set<Waiter<V>>;
  state: 'queued' | 'running' | 'abandoned';
  lane: number;
  controller?: AbortController;
}

interface Waiter<V> {
  job: Job<V>;
  resolve(value: V): void;
  reject(error: unknown): void;
  scope?: Set<Waiter<V>>;
}

/** A first-in first-out list whose `shift` costs the same at any length (Array#shift moves every item). */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) {
      return undefined;
    }
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

/** How many of the latest lookup durations {@link KeyedQueue.typicalMs} looks at. */
const RECENT_LOOKUPS = 64;

/**
 * A lookup's typical duration: the lower quartile of `samples` (0 when there are none). Not the
 * mean: the first lookups of a session wait for a connection, a space's id and a host still
 * starting, and their mean made 100,000 lookups sound like 35 minutes when they took 90 s.
 */
export function typicalDuration(samples: readonly number[]): number {
  if (samples.length === 0) {
    return 0;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)];
}

export class KeyedQueue<V, C = undefined> {
  private readonly cache = new Map<string, V>();
  private readonly jobs = new Map<string, Job<V>>();
  private readonly lanes = [new Fifo<Job<V>>(), new Fifo<Job<V>>()];
  /** The waiters of each signal: one abort listener per signal, however many lookups it covers. */
  private readonly scopes = new WeakMap<AbortSignal, Set<Waiter<V>>>();
  private running = 0;
  private waitingJobs = 0;
  private scheduled = false;
  /** The durations of the latest lookups, in ms, oldest first. */
  private readonly recent: number[] = [];

  constructor(
    private readonly lookup: (key: string, signal: AbortSignal, context: C) => Promise<V>,
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
   * when it fails (failures are not cached: a later request tries again). `context` goes to the
   * lookup when this call starts one.
   */
  get(key: string, options: { signal?: AbortSignal; priority?: Priority; context?: C } = {}): Promise<V> {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, cached);
      return Promise.resolve(cached);
    }
    const { signal } = options;
    if (signal?.aborted) {
      return Promise.reject(new QueueCancelled());
    }
    const lane = options.priority === 'bulk' ? BULK : VISIBLE;
    const job = this.jobs.get(key) ?? this.enqueue(key, lane, options.context);
    if (lane === VISIBLE && job.state === 'queued' && job.lane === BULK) {
      job.lane = VISIBLE; // its place in the bulk lane is skipped when reached
      this.lanes[VISIBLE].push(job);
    }
    return new Promise<V>((resolve, reject) => {
      const waiter: Waiter<V> = { job, resolve, reject };
      job.waiting.add(waiter);
      if (signal) {
        waiter.scope = this.scopeOf(signal);
        waiter.scope.add(waiter);
      }
    });
  }

  /** Lookups running now (for tests and the benchmark). */
  get active(): number {
    return this.running;
  }

  /** Lookups waiting for a free slot. */
  get queued(): number {
    return this.waitingJobs;
  }

  /**
   * How long a lookup takes, in ms, judged from the latest ones (0 before the first): to estimate
   * how long many more take. See {@link typicalDuration}.
   */
  get typicalMs(): number {
    return typicalDuration(this.recent);
  }

  /** Forgets every cached value and drops every lookup (a new session). */
  clear(): void {
    for (const job of [...this.jobs.values()]) {
      for (const waiter of job.waiting) {
        this.settle(waiter, () => waiter.reject(new QueueCancelled()));
      }
      this.abandon(job);
    }
    this.lanes.forEach((lane) => lane.clear());
    this.waitingJobs = 0;
    this.cache.clear();
  }

  private scopeOf(signal: AbortSignal): Set<Waiter<V>> {
    let scope = this.scopes.get(signal);
    if (!scope) {
      const waiters = new Set<Waiter<V>>();
      scope = waiters;
      this.scopes.set(signal, waiters);
      signal.addEventListener('abort', () => this.cancel(waiters), { once: true });
    }
    return scope;
  }

  /** A signal aborted: its waiters are told, and lookups nobody else waits for are dropped. */
  private cancel(waiters: Set<Waiter<V>>): void {
    for (const waiter of [...waiters]) {
      this.settle(waiter, () => waiter.reject(new QueueCancelled()));
      if (waiter.job.waiting.size === 0) {
        this.abandon(waiter.job);
      }
    }
    waiters.clear();
  }

  private settle(waiter: Waiter<V>, how: () => void): void {
    if (waiter.job.waiting.delete(waiter)) {
      waiter.scope?.delete(waiter);
      how();
    }
  }

  private enqueue(key: string, lane: number, context: unknown): Job<V> {
    const job: Job<V> = { key, context, waiting: new Set(), state: 'queued', lane };
    this.jobs.set(key, job);
    this.lanes[lane].push(job);
    this.waitingJobs += 1;
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.pump();
      });
    }
    return job;
  }

  /** Nobody waits for `job` any more: drop it from the queue, or abort its lookup. */
  private abandon(job: Job<V>): void {
    if (this.jobs.get(job.key) === job) {
      this.jobs.delete(job.key);
    }
    if (job.state === 'queued') {
      this.waitingJobs -= 1;
    }
    job.state = 'abandoned';
    job.controller?.abort();
  }

  /** The next job to start: visible first, skipping jobs abandoned or moved to the other lane. */
  private next(): Job<V> | undefined {
    for (const [index, lane] of this.lanes.entries()) {
      for (let job = lane.shift(); job; job = lane.shift()) {
        if (job.state === 'queued' && job.lane === index) {
          return job;
        }
      }
    }
    return undefined;
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const job = this.next();
      if (!job) {
        return;
      }
      this.waitingJobs -= 1;
      job.state = 'running';
      job.controller = new AbortController();
      this.running += 1;
      const started = performance.now();
      new Promise<V>((resolve) => resolve(this.lookup(job.key, (job.controller as AbortController).signal, job.context as C))).then(
        (value) => {
          this.measure(performance.now() - started);
          if (this.jobs.get(job.key) === job) {
            this.remember(job.key, value);
          }
          for (const waiter of [...job.waiting]) {
            this.settle(waiter, () => waiter.resolve(value));
          }
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error('the lookup failed');
          for (const waiter of [...job.waiting]) {
            this.settle(waiter, () => waiter.reject(failure));
          }
        },
      ).finally(() => {
        this.running -= 1;
        if (this.jobs.get(job.key) === job) {
          this.jobs.delete(job.key);
        }
        this.pump();
      });
    }
  }

  private measure(ms: number): void {
    this.recent.push(ms);
    if (this.recent.length > RECENT_LOOKUPS) {
      this.recent.shift();
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
