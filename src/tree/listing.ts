/**
 * The paging core of every tree listing, without VS Code (unit-tested in plain Node): rows a
 * page at a time, one load at a time however many callers ask, a generation that makes loads
 * of a listing since reset harmless, each row once (a server that lists a row twice, or offset
 * paging that shifts between pages, must not give VS Code two rows with one id), and walks that
 * stop at a repeated cursor or after {@link MAX_PAGES} pages (D11). A listing may hold a window
 * of at most `windowRows` rows: once full, the next rows start a new window (the one before is
 * dropped, its start remembered so it can be shown again), so a tree never holds more rows than
 * it renders quickly, however long the listing.
 */
import { KooDriveError } from '../api/errors';
import { DEFAULT_MAX_PAGES } from '../api/paging';

/** One page of rows and where the next starts (undefined after the last). */
export interface RowPage<Row, Cursor> {
  rows: Row[];
  next?: Cursor;
}

/** How many pages a listing follows at most: the client's own cap on walks (D11). */
export const MAX_PAGES = DEFAULT_MAX_PAGES;

/** The error of a listing whose pages never end: shown like any unreadable answer. */
function runaway(detail: string): KooDriveError {
  return new KooDriveError({ kind: 'badResponse', method: 'GET', path: '', detail });
}

/** A listing's state and loads. `Row` is whatever the tree shows; `key` tells rows apart; cursors are the fetcher's own. */
export class Listing<Row> {
  private loaded: Row[] = [];
  private keys = new Set<string>();
  private cursors = new Set<unknown>();
  private cursor: unknown;
  private pages = 0;
  /** Where the current window starts (undefined: the first page), and where the earlier ones did. */
  private windowStart: unknown;
  private earlier: unknown[] = [];
  private begun = false;
  private finished = false;
  private failure: unknown;
  private pending: Promise<void> | undefined;
  private generation = 0;

  /**
   * @param fetch one page from `cursor` (undefined: the first).
   * @param key a row's identity within the listing; rows whose key was seen are left out.
   * @param events `failed`: each failed load (the tree reacts, e.g. to an expired session);
   * `added`: the rows a page added, after duplicates were left out.
   * @param windowRows the most rows held at once (no limit by default).
   */
  constructor(
    private readonly fetch: (cursor: unknown, pageSize: number, signal: AbortSignal) => Promise<RowPage<Row, unknown>>,
    private readonly key: (row: Row) => string,
    private readonly events: { failed?: (error: unknown) => void; added?: (rows: Row[]) => void } = {},
    readonly windowRows = Number.POSITIVE_INFINITY,
  ) {}

  /** The window holds as many rows as it may and the listing goes on: the next rows need a new window. */
  get full(): boolean {
    return this.loaded.length >= this.windowRows && !this.finished;
  }

  /** Windows before this one, which {@link previousWindow} shows again. */
  get windowIndex(): number {
    return this.earlier.length;
  }

  /** Drops this window's rows and starts the next window where this one ended. */
  nextWindow(): void {
    if (this.finished) {
      return;
    }
    const start = this.cursor;
    this.earlier.push(this.windowStart);
    this.startWindow(start);
  }

  /** Drops this window's rows and loads the one before it again, from its first page. */
  previousWindow(): void {
    if (this.earlier.length > 0) {
      this.startWindow(this.earlier.pop());
    }
  }

  private startWindow(start: unknown): void {
    this.generation += 1;
    this.windowStart = start;
    this.cursor = start;
    this.loaded = [];
    this.keys = new Set();
    this.cursors = new Set(start === undefined ? [] : [start]);
    this.pages = 0;
    this.begun = false;
    this.finished = false;
    this.failure = undefined;
    this.pending = undefined;
  }

  /** Rows loaded so far, in order. */
  get rows(): readonly Row[] {
    return this.loaded;
  }

  get started(): boolean {
    return this.begun;
  }

  get hasMore(): boolean {
    return !this.finished;
  }

  get loading(): boolean {
    return this.pending !== undefined;
  }

  /** Why the last page could not be loaded, if it could not. */
  get error(): unknown {
    return this.failure;
  }

  /**
   * Loads the next page once, however many callers ask at the same time; failures are kept in
   * {@link error}. `pageSize` is read inside the load, so a setting it cannot read is this listing's failure.
   */
  loadNext(pageSize: () => number, signal: AbortSignal): Promise<void> {
    this.pending ??= this.load(pageSize, signal).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async load(pageSize: () => number, signal: AbortSignal): Promise<void> {
    const generation = this.generation;
    if (this.full) {
      return; // no room in this window: the next rows start the next one
    }
    this.begun = true;
    this.failure = undefined;
    try {
      if (this.pages >= MAX_PAGES) {
        throw runaway(`the listing kept sending pages; stopped after ${this.pages}`);
      }
      const room = this.windowRows - this.loaded.length;
      const page = await this.fetch(this.cursor, Math.max(1, Math.min(pageSize(), room)), signal);
      if (generation !== this.generation) {
        return;
      }
      this.pages += 1;
      const added: Row[] = [];
      for (const row of page.rows) {
        const key = this.key(row);
        if (!this.keys.has(key)) {
          this.keys.add(key);
          this.loaded.push(row);
          added.push(row);
        }
      }
      this.events.added?.(added);
      if (page.next !== undefined && this.cursors.has(page.next)) {
        this.finished = true;
        throw runaway('the server sent a page cursor it had sent before');
      }
      if (page.next !== undefined) {
        this.cursors.add(page.next);
      }
      this.cursor = page.next;
      this.finished = page.next === undefined;
    } catch (error) {
      if (generation === this.generation) {
        this.failure = error;
        this.events.failed?.(error);
      }
    }
  }

  /**
   * Loads every remaining page, reporting the rows loaded so far after each.
   * @throws the load's error, or a `Canceled` error when `signal` aborts or the listing is reset meanwhile.
   */
  async loadAll(pageSize: () => number, signal: AbortSignal, onPage?: (loaded: number) => void): Promise<readonly Row[]> {
    const generation = this.generation;
    while ((!this.begun || !this.finished) && !this.full) {
      if (signal.aborted) {
        throw cancelled('cancelled');
      }
      await this.loadNext(pageSize, signal);
      if (this.failure !== undefined) {
        throw this.failure instanceof Error ? this.failure : new Error('the listing could not be loaded');
      }
      if (generation !== this.generation) {
        throw cancelled('the listing was refreshed');
      }
      onPage?.(this.loaded.length);
    }
    return this.loaded;
  }

  /** Forgets everything loaded; the next load starts from the first page of the first window. */
  reset(): void {
    this.earlier = [];
    this.startWindow(undefined);
  }

  /** Drops loaded rows matching `predicate` without reloading; returns how many were dropped. */
  remove(predicate: (row: Row) => boolean): number {
    const before = this.loaded.length;
    this.loaded = this.loaded.filter((row) => {
      const drop = predicate(row);
      if (drop) {
        this.keys.delete(this.key(row));
      }
      return !drop;
    });
    return before - this.loaded.length;
  }
}

function cancelled(message: string): Error {
  return Object.assign(new Error(message), { name: 'Canceled' });
}
