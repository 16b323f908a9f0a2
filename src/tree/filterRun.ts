/**
 * Filter Items… over a whole album, however long: every listing page is read (the listing gives
 * ids, dates, sometimes names), then the names the listing lacks are looked up as bulk work, a
 * few at a time, so that anything the user looks at meanwhile is looked up first. What it keeps
 * is the listing's rows and one mark per row; rows are made only for the window the tree shows.
 * Plain Node (no vscode import): unit-tested and benchmarked without VS Code.
 */
import type { AlbumContent, FileDetails } from '../api/types';
import { type ItemFilter, matchesFilter, needsDetails } from '../model/itemFilter';

/** Where a run is. */
export type FilterPhase = 'reading' | 'ready' | 'lookingUp' | 'done' | 'stopped';

/** What a run needs: the album's pages, and the details of one item (bulk priority). */
export interface FilterSources {
  pages(signal: AbortSignal): AsyncIterable<AlbumContent[]>;
  details(item: AlbumContent, signal: AbortSignal): Promise<FileDetails>;
}

/** How far a run got: items read, lookups needed and done, matches so far. */
export interface FilterProgress {
  phase: FilterPhase;
  items: number;
  lookups: number;
  looked: number;
  matches: number;
}

const UNDECIDED = 0;
const MATCH = 1;
const NO_MATCH = 2;

/** Details kept for matches: a little more than the rows a tree window shows. */
const KNOWN_MAX = 2500;

/** How many lookups a run keeps asked at once: enough to keep the queue busy, few enough that it stays short. */
const IN_FLIGHT = 32;

export class FilterRun {
  private readonly items: AlbumContent[] = [];
  private marks = new Uint8Array(1024);
  private pending: number[] = [];
  private looked = 0;
  private matchCount = 0;
  private current: FilterPhase = 'reading';
  /** Aborted by {@link stop}: the filter was cleared, or the user chose the loaded pages only. */
  private readonly stopper = new AbortController();
  /** Details learnt for the first matches, so their rows start with names (bounded: rows are windowed). */
  private readonly known = new Map<number, FileDetails>();

  constructor(
    readonly filter: ItemFilter,
    private readonly sources: FilterSources,
    /** Told whenever matches or progress changed (the tree redraws at its own pace). */
    private readonly changed: () => void = () => undefined,
  ) {}

  get progress(): FilterProgress {
    return { phase: this.current, items: this.items.length, lookups: this.pending.length, looked: this.looked, matches: this.matchCount };
  }

  /**
   * Reads every page, deciding at once the items the listing alone can judge (a date filter, a
   * name the listing gives). Ends in phase `ready` with the lookups still needed counted, or
   * `done` when none is needed.
   * @throws what the listing throws (a KooDriveError; `cancelled` when `signal` aborts).
   */
  async read(signal: AbortSignal): Promise<void> {
    // Read afresh when asked again (after signing in again, say): nothing is counted twice.
    this.items.length = 0;
    this.pending = [];
    this.matchCount = 0;
    this.known.clear();
    this.current = 'reading';
    for await (const page of this.sources.pages(AbortSignal.any([signal, this.stopper.signal]))) {
      for (const item of page) {
        const index = this.items.length;
        this.items.push(item);
        this.grow(index);
        if (needsDetails(item, this.filter)) {
          this.pending.push(index);
        } else {
          this.decide(index, undefined);
        }
      }
      this.changed();
    }
    this.current = this.pending.length === 0 ? 'done' : 'ready';
    this.changed();
  }

  /**
   * Looks up the names still needed, {@link IN_FLIGHT} at a time, deciding each item as its name
   * arrives. An item whose details cannot be read does not match. Ends in phase `done`, or
   * `stopped` when `signal` aborts (the lookups asked are dropped with it).
   */
  async lookUp(outer: AbortSignal, onProgress?: (progress: FilterProgress) => void): Promise<void> {
    const signal = AbortSignal.any([outer, this.stopper.signal]);
    this.current = 'lookingUp';
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.pending.length && !signal.aborted) {
        const index = this.pending[next++];
        let details: FileDetails | undefined;
        try {
          details = await this.sources.details(this.items[index], signal);
        } catch {
          details = undefined;
        }
        if (signal.aborted) {
          return;
        }
        this.decide(index, details);
        this.looked += 1;
        onProgress?.(this.progress);
        this.changed();
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    this.current = signal.aborted ? 'stopped' : 'done';
    this.changed();
  }

  /** Stops where it is, dropping the lookups asked (the filter was cleared or replaced). */
  stop(): void {
    this.stopper.abort();
    if (this.current !== 'done') {
      this.current = 'stopped';
    }
  }

  /**
   * The matches from the `start`-th on, at most `count` of them, in listing order, with the
   * details learnt for them; `more` when matches beyond these exist (or may still be found).
   */
  matches(start: number, count: number): { items: { index: number; content: AlbumContent; details?: FileDetails }[]; more: boolean } {
    const found: { index: number; content: AlbumContent; details?: FileDetails }[] = [];
    let seen = 0;
    for (let index = 0; index < this.items.length; index++) {
      if (this.marks[index] !== MATCH) {
        continue;
      }
      if (seen >= start) {
        if (found.length === count) {
          return { items: found, more: true };
        }
        found.push({ index, content: this.items[index], details: this.known.get(index) });
      }
      seen += 1;
    }
    return { items: found, more: false };
  }

  private decide(index: number, details: FileDetails | undefined): void {
    const match = matchesFilter(this.items[index], details, this.filter);
    this.marks[index] = match ? MATCH : NO_MATCH;
    if (match) {
      this.matchCount += 1;
      if (details && this.known.size < KNOWN_MAX) {
        this.known.set(index, details);
      }
    }
  }

  private grow(index: number): void {
    if (index >= this.marks.length) {
      const bigger = new Uint8Array(this.marks.length * 2);
      bigger.set(this.marks);
      this.marks = bigger;
    }
    this.marks[index] = UNDECIDED;
  }
}
