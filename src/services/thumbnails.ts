/**
 * Thumbnails of album items as `data:` URIs for tooltips (D15), kept in one cache bounded by
 * bytes rather than by count (a thumbnail may be up to 2 MB, 2.7 MB as base64): the rows never
 * hold them. Plain Node.
 */
import type { FileDetails } from '../api/types';
import { type Download, thumbnailDataUri } from './itemFiles';

/** What the cache may hold in all: a few hundred typical thumbnails. */
const BUDGET_BYTES = 16 * 2 ** 20;

export class Thumbnails {
  private readonly cache = new Map<string, string | undefined>();
  private bytes = 0;

  constructor(private readonly download: Download, private readonly budget = BUDGET_BYTES) {}

  /** The thumbnail of the file, from the cache or downloaded; undefined when it has none. */
  async get(details: FileDetails, signal: AbortSignal): Promise<string | undefined> {
    const key = keyOf(details);
    if (key !== undefined && this.cache.has(key)) {
      return this.touch(key);
    }
    const uri = await thumbnailDataUri(this.download, details, signal);
    if (key !== undefined) {
      this.remember(key, uri);
    }
    return uri;
  }

  /** The cached thumbnail, without downloading. */
  peek(details: FileDetails): string | undefined {
    const key = keyOf(details);
    return key === undefined ? undefined : this.cache.get(key);
  }

  /** Forgets every thumbnail (the session changed). */
  clear(): void {
    this.cache.clear();
    this.bytes = 0;
  }

  private touch(key: string): string | undefined {
    const uri = this.cache.get(key);
    this.cache.delete(key); // most recently used last
    this.cache.set(key, uri);
    return uri;
  }

  private remember(key: string, uri: string | undefined): void {
    const size = uri?.length ?? 0;
    if (size > this.budget) {
      return;
    }
    this.forget(key);
    this.cache.set(key, uri);
    this.bytes += size;
    for (const oldest of this.cache.keys()) {
      if (this.bytes <= this.budget) {
        break;
      }
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    if (this.cache.has(key)) {
      this.bytes -= this.cache.get(key)?.length ?? 0;
      this.cache.delete(key);
    }
  }
}

/** A thumbnail is the file's: its id, else its thumbnail link. */
function keyOf(details: FileDetails): string | undefined {
  return typeof details.id === 'string' && details.id !== '' ? details.id : undefined;
}
