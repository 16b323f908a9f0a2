import type { AlbumContent, FileDetails } from '../api/types';
import { itemDate, itemName } from './itemText';
import { parseTime, text } from './present';
import type { Localize } from './localize';
import { safeText } from './safeText';

/**
 * Filter Items…: an album's rows narrowed by name and by date taken (else created), typed as
 * `tomato after:2024-05-01 before:2024-06-30`. Pure: unit-tested without VS Code.
 */
export interface ItemFilter {
  /** Lower-case text the name must contain; empty for none. */
  name: string;
  /** Inclusive bounds in ms since the epoch (UTC days). */
  after?: number;
  before?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day as the ms of its start (UTC), or undefined when it is not a real day. */
function day(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) {
    return undefined;
  }
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().startsWith(text) ? ms : undefined;
}

/**
 * Reads what the user typed. Returns the filter, `undefined` for an empty answer (clear the
 * filter), or a problem to show in the input box.
 */
export function parseItemFilter(input: string, t: Localize): { filter?: ItemFilter; problem?: string } {
  const words: string[] = [];
  const filter: ItemFilter = { name: '' };
  for (const token of input.trim().split(/\s+/).filter(Boolean)) {
    const bound = /^(after|before):(.*)$/i.exec(token);
    if (!bound) {
      words.push(token);
      continue;
    }
    const ms = day(bound[2]);
    if (ms === undefined) {
      return { problem: t('Write dates as YYYY-MM-DD, for example after:2024-05-01.') };
    }
    if (bound[1].toLowerCase() === 'after') {
      filter.after = ms;
    } else {
      filter.before = ms + 86_400_000 - 1; // the whole day
    }
  }
  if (filter.after !== undefined && filter.before !== undefined && filter.after > filter.before) {
    return { problem: t('The “after” date is later than the “before” date.') };
  }
  filter.name = words.join(' ').toLowerCase();
  return filter.name === '' && filter.after === undefined && filter.before === undefined ? {} : { filter };
}

/** True when the item passes the filter. An item without a known date passes no date bound. */
export function matchesFilter(content: AlbumContent, details: FileDetails | undefined, filter: ItemFilter): boolean {
  if (filter.name !== '' && !itemName(content, details).toLowerCase().includes(filter.name)) {
    return false;
  }
  if (filter.after === undefined && filter.before === undefined) {
    return true;
  }
  const date = itemDate(content, details);
  return date !== undefined && (filter.after === undefined || date.ms >= filter.after) && (filter.before === undefined || date.ms <= filter.before);
}

/**
 * True when the listing alone cannot tell whether the item passes: the filter names a text and
 * the listing gives no name, or bounds the date and the listing gives none.
 */
export function needsDetails(content: AlbumContent, filter: ItemFilter): boolean {
  if (filter.name !== '' && text(content.fileName) === undefined && text(content.name) === undefined) {
    return true;
  }
  const dated = filter.after !== undefined || filter.before !== undefined;
  return dated && parseTime(content.takeTime) === undefined && parseTime(content.createTime) === undefined;
}

/** The filter as the user typed it (for the input box and the view's description). */
export function filterText(filter: ItemFilter): string {
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  return [safeText(filter.name, 40), filter.after !== undefined ? `after:${iso(filter.after)}` : '', filter.before !== undefined ? `before:${iso(filter.before)}` : ''].filter(Boolean).join(' ');
}

/** "about 40 seconds", "about 3 minutes", "about 2 hours": how long many lookups take, roughly. */
export function aboutDuration(ms: number, t: Localize): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) {
    return t('about {0} seconds', seconds);
  }
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? t('about {0} minutes', minutes) : t('about {0} hours', Math.round(minutes / 60));
}
