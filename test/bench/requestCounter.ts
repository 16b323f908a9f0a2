import { performance } from 'node:perf_hooks';
import type { LoggedRequest } from '../emulator/server';

/**
 * What the extension asked the emulator, counted as the emulator answers (its `onRequest` runs
 * after each answer is sent, in this process, so the times share the benchmark's clock):
 * the listing pages of the large album, and the getFile lookups.
 */
export class RequestCounter {
  private largeId = '';
  private largeSize = 0;
  private otherIds = new Set<string>();
  /** Items the listing requests of the large album asked for (page sizes summed). */
  listedItems = 0;
  listRequests = 0;
  /** When the requested page sizes first covered the whole album. */
  listCoveredAt: number | undefined;
  lastListAt: number | undefined;
  lookups = 0;
  lastLookupAt: number | undefined;
  /** Distinct files of the large album looked up, and when the last of them first was. */
  readonly largeLookedUp = new Set<string>();
  largeAllAt: number | undefined;
  lastLargeLookupAt: number | undefined;
  /** The other album's files looked up, and when the last of them first was. */
  readonly otherLookedUp = new Set<string>();
  otherAllAt: number | undefined;

  /** How many files the other album holds. */
  get otherCount(): number {
    return this.otherIds.size;
  }

  /** Which album is the large one, how many items it holds, and the files of the other album. */
  track(largeId: string, largeSize: number, otherIds: string[]): void {
    this.largeId = largeId;
    this.largeSize = largeSize;
    this.otherIds = new Set(otherIds);
  }

  /** The emulator's onRequest callback. */
  readonly onRequest = (entry: LoggedRequest): void => {
    const now = performance.now();
    if (entry.status !== 200) {
      return;
    }
    const detail = /\/files\/([^/]+)\/detail$/.exec(entry.path);
    if (detail) {
      this.lookups++;
      this.lastLookupAt = now;
      const id = decodeURIComponent(detail[1]);
      const other = this.otherIds.has(id);
      const seen = other ? this.otherLookedUp : this.largeLookedUp;
      seen.add(id);
      if (!other) {
        this.lastLargeLookupAt = now;
      }
      if (other && this.otherAllAt === undefined && seen.size === this.otherIds.size) {
        this.otherAllAt = now;
      }
      if (!other && this.largeAllAt === undefined && this.largeSize > 0 && seen.size >= this.largeSize) {
        this.largeAllAt = now;
      }
      return;
    }
    if (this.largeId !== '' && entry.path.endsWith(`/album/${this.largeId}/list`)) {
      this.listRequests++;
      this.lastListAt = now;
      this.listedItems += Number(entry.query.pageSize) || 0;
      if (this.listCoveredAt === undefined && this.listedItems >= this.largeSize) {
        this.listCoveredAt = now;
      }
    }
  };
}
