/**
 * The membership of one album, with cursor paging that stays correct when items are added or
 * removed between page fetches: a cursor names the last item served by its sort key and a
 * per-album sequence number, never by an offset, so removals cannot make the next page skip or
 * repeat items.
 */
import { paramError } from './errors';

/** `sortType` of ListAlbumContent: 1 shooting time, 2 creation (added) time, 3 update time. */
export type SortType = 1 | 2 | 3;
/** `sortDirection` of ListAlbumContent: 1 ascending, 2 descending. */
export type SortDirection = 1 | 2;

/** One file linked into an album. Removing it unlinks the file; the file itself is untouched. */
export interface ContentItem {
  /** File id, e.g. `F` followed by 32 base64url characters. */
  id: string;
  ownerId: string;
  takeTime: number;
  createTime: number;
  updateTime: number;
  /** Order of insertion; the tie-breaker that makes every sort order total. */
  seq: number;
}

export interface ContentPage {
  items: ContentItem[];
  /** Empty on the last page. */
  nextCursor: string;
  total: number;
}

const sortKeys: Record<SortType, (item: ContentItem) => number> = {
  1: (item) => item.takeTime,
  2: (item) => item.createTime,
  3: (item) => item.updateTime,
};

/** Contents of one album. Sorted views are built on first use and then kept up to date. */
export class AlbumContents {
  private readonly items = new Map<string, ContentItem>();
  private readonly sorted = new Map<SortType, ContentItem[]>();
  /** True when the sorted views may still hold removed items (see {@link remove}). */
  private stale = false;
  private nextSeq = 0;

  get size(): number {
    return this.items.size;
  }

  has(fileId: string): boolean {
    return this.items.has(fileId);
  }

  /** The earliest added item: a manual album's cover is the thumbnail of its first image. */
  first(): ContentItem | undefined {
    return this.items.values().next().value;
  }

  /** Links a file; returns false (and changes nothing) when it is already in the album. */
  add(item: Omit<ContentItem, 'seq'>): boolean {
    if (this.items.has(item.id)) {
      return false;
    }
    this.sweep();
    const full: ContentItem = { ...item, seq: this.nextSeq++ };
    this.items.set(full.id, full);
    for (const [sortType, list] of this.sorted) {
      list.splice(lowerBound(list, sortKeys[sortType], sortKeys[sortType](full), full.seq), 0, full);
    }
    return true;
  }

  /**
   * Unlinks the given files; ids not in the album are ignored. Returns how many were removed.
   * O(k): the sorted views are swept once, when next used, not per batch, so removing 100,000
   * items in batches of 1000 does not cost 100 sweeps of the whole album.
   */
  remove(fileIds: Iterable<string>): number {
    let removed = 0;
    for (const id of fileIds) {
      if (this.items.delete(id)) {
        removed++;
      }
    }
    this.stale ||= removed > 0;
    return removed;
  }

  /** Drops removed items from the sorted views, if any were removed since the last sweep. */
  private sweep(): void {
    if (this.stale) {
      for (const [sortType, list] of this.sorted) {
        this.sorted.set(sortType, list.filter((item) => this.items.get(item.id) === item));
      }
      this.stale = false;
    }
  }

  /**
   * One page in the requested order, starting after the item the cursor names.
   * @throws ApiError 13000102 when the cursor is malformed or was made for another album or order.
   */
  page(albumId: string, sortType: SortType, direction: SortDirection, pageSize: number, cursor: string | undefined): ContentPage {
    const list = this.sortedBy(sortType);
    const key = sortKeys[sortType];
    let page: ContentItem[];
    let hasMore: boolean;
    if (direction === 1) {
      const start = cursor ? upperBound(list, key, ...decodeCursor(cursor, albumId, sortType, direction)) : 0;
      page = list.slice(start, start + pageSize);
      hasMore = start + pageSize < list.length;
    } else {
      const end = cursor ? lowerBound(list, key, ...decodeCursor(cursor, albumId, sortType, direction)) : list.length;
      page = list.slice(Math.max(0, end - pageSize), end).reverse();
      hasMore = end - pageSize > 0;
    }
    const last = page[page.length - 1];
    const nextCursor = hasMore && last ? encodeCursor(albumId, sortType, direction, key(last), last.seq) : '';
    return { items: page, nextCursor, total: this.items.size };
  }

  private sortedBy(sortType: SortType): ContentItem[] {
    this.sweep();
    let list = this.sorted.get(sortType);
    if (!list) {
      const key = sortKeys[sortType];
      list = [...this.items.values()].sort((a, b) => key(a) - key(b) || a.seq - b.seq);
      this.sorted.set(sortType, list);
    }
    return list;
  }
}

/** First index whose (key, seq) is >= the given position. */
function lowerBound(list: ContentItem[], key: (item: ContentItem) => number, k: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = list[mid];
    if (key(item) < k || (key(item) === k && item.seq < seq)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** First index whose (key, seq) is > the given position. */
function upperBound(list: ContentItem[], key: (item: ContentItem) => number, k: number, seq: number): number {
  return lowerBound(list, key, k, seq + 1);
}

function encodeCursor(albumId: string, sortType: SortType, direction: SortDirection, key: number, seq: number): string {
  return Buffer.from(`c1|${albumId}|${sortType}|${direction}|${key}|${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, albumId: string, sortType: SortType, direction: SortDirection): [number, number] {
  const fields = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [version, album, type, dir, key, seq] = fields;
  const valid = fields.length === 6 && version === 'c1' && /^-?\d+$/.test(key ?? '') && /^\d+$/.test(seq ?? '');
  if (!valid) {
    throw paramError('pageCursor is not a cursor this server issued.', 'pageCursor 不是本服务返回的游标。');
  }
  if (album !== albumId || type !== String(sortType) || dir !== String(direction)) {
    throw paramError(
      'pageCursor belongs to another album, sortType or sortDirection.',
      'pageCursor 与当前相册、sortType 或 sortDirection 不匹配。',
    );
  }
  return [Number(key), Number(seq)];
}
