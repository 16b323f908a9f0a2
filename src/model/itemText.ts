import { type AlbumContent, type FileDetails, FileType } from '../api/types';
import type { Localize } from './localize';
import { parseTime, text } from './present';
import { escapeMarkdown, safeText } from './safeText';

/**
 * How an album item is shown once its file details are known (D14): the file name, an icon and
 * a word by kind, size and date in the user's locale, a sentence for screen readers, and a
 * Markdown tooltip (every server string escaped, D18). Pure: unit-tested without VS Code.
 */

export type FileKind = 'image' | 'video' | 'audio' | 'document' | 'archive' | 'folder' | 'other';

const kindByType: Record<string, FileKind> = {
  [FileType.folder]: 'folder',
  [FileType.image]: 'image',
  [FileType.video]: 'video',
  [FileType.audio]: 'audio',
  [FileType.word]: 'document',
  [FileType.excel]: 'document',
  [FileType.powerpoint]: 'document',
  [FileType.archive]: 'archive',
};

/** The kind of a file: by `fileType` (§5.7), else by MIME type, else other. */
export function fileKind(details: Pick<FileDetails, 'fileType' | 'mimeType'> | undefined): FileKind {
  const byType = kindByType[text(details?.fileType) ?? ''];
  if (byType) {
    return byType;
  }
  const mime = text(details?.mimeType)?.toLowerCase() ?? '';
  const prefix = ['image', 'video', 'audio'].find((kind) => mime.startsWith(`${kind}/`));
  return (prefix as FileKind | undefined) ?? (/zip|compressed|x-7z|x-rar|x-tar/.test(mime) ? 'archive' : 'other');
}

/** The codicon of a kind. */
export function kindIcon(kind: FileKind): string {
  const icons: Record<FileKind, string> = { image: 'file-media', video: 'device-camera-video', audio: 'unmute', document: 'file-text', archive: 'file-zip', folder: 'folder', other: 'file' };
  return icons[kind];
}

/** The word for a kind, as in "photo Tomatoes.jpg". */
export function kindWord(kind: FileKind, t: Localize): string {
  switch (kind) {
    case 'image':
      return t('photo');
    case 'video':
      return t('video');
    case 'audio':
      return t('audio');
    case 'document':
      return t('document');
    case 'archive':
      return t('archive');
    case 'folder':
      return t('folder');
    default:
      return t('file');
  }
}

/** `2516582` → `2.4 MB` (binary units, one decimal below 10, none above); undefined when unknown. */
export function humanSize(size: unknown, locale: string): string | undefined {
  const bytes = typeof size === 'number' ? size : typeof size === 'string' && /^\d+$/.test(size.trim()) ? Number(size) : Number.NaN;
  if (!Number.isFinite(bytes) || bytes < 0) {
    return undefined;
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${formatter(`n${digits}`, locale, (safe) => new Intl.NumberFormat(safe, { maximumFractionDigits: digits, minimumFractionDigits: digits })).format(value)} ${units[unit]}`;
}

/** A date in the user's locale, e.g. `3 May 2024` (en-GB), `May 3, 2024` (en), `2024年5月3日` (zh-CN). */
export function localDate(ms: number, locale: string): string {
  return formatter('date', locale, (safe) => new Intl.DateTimeFormat(safe, { dateStyle: 'medium', timeZone: 'UTC' })).format(ms);
}

/**
 * Formatters by kind and locale, made once: building an Intl formatter costs far more than
 * using one, and every row of a 2,000-row window formats a size and a date. Immutable values
 * in a cache of a handful of entries.
 */
const formatters = new Map<string, { format(value: number): string }>();

function formatter(kind: string, locale: string, make: (locale: string) => { format(value: number): string }): { format(value: number): string } {
  const key = `${kind}|${locale}`;
  let found = formatters.get(key);
  if (!found) {
    found = make(safeLocale(locale));
    if (formatters.size > 32) {
      formatters.clear(); // locales change rarely; a bound keeps odd inputs from piling up
    }
    formatters.set(key, found);
  }
  return found;
}

function safeLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

/** When the item was taken (the listing's `takeTime`), else created (the file's `createdTime`). */
export function itemDate(content: AlbumContent, details: FileDetails | undefined): { taken: boolean; ms: number } | undefined {
  const taken = parseTime(content.takeTime);
  if (taken !== undefined) {
    return { taken: true, ms: taken };
  }
  const created = parseTime(details?.createdTime ?? content.createTime);
  return created === undefined ? undefined : { taken: false, ms: created };
}

/** The item's name: the file's, else the listing's own, else its id (inert, D18). */
export function itemName(content: AlbumContent, details: FileDetails | undefined): string {
  return safeText(text(details?.fileName) ?? text(content.fileName) ?? text(content.name) ?? content.id);
}

/** "taken 3 May 2024" / "created 3 May 2024". */
function dateWords(date: { taken: boolean; ms: number }, t: Localize, locale: string): string {
  return date.taken ? t('taken {0}', localDate(date.ms, locale)) : t('created {0}', localDate(date.ms, locale));
}

/** The row's description: size and date, e.g. `2.4 MB · taken 3 May 2024`. */
export function itemDescription(content: AlbumContent, details: FileDetails | undefined, t: Localize, locale: string): string {
  const date = itemDate(content, details);
  return [humanSize(details?.size, locale), date && dateWords(date, t, locale)].filter(Boolean).join(' · ');
}

/** What a screen reader says for the row: "photo Tomatoes.jpg, 2.4 MB, taken 3 May 2024". */
export function itemSentence(content: AlbumContent, details: FileDetails | undefined, t: Localize, locale: string): string {
  const date = itemDate(content, details);
  const name = `${details ? kindWord(fileKind(details), t) : t('item')} ${itemName(content, details)}`;
  return [name, humanSize(details?.size, locale), date && dateWords(date, t, locale)].filter(Boolean).join(', ');
}

/** Extra facts for the tooltip, known only later (on hover). */
export interface ItemExtras {
  /** Where the file lives (GetFullPath), if KooDrive gave it. */
  path?: string;
  /** A `data:` URI of the thumbnail. */
  thumbnail?: string;
  /** Why the details could not be read, already worded. */
  problem?: string;
}

/** The Markdown tooltip: name, kind, size, dates, folder, thumbnail; or why details are missing. */
export function itemTooltip(content: AlbumContent, details: FileDetails | undefined, extras: ItemExtras, t: Localize, locale: string): string {
  const name = itemName(content, details);
  const lines = [`**${escapeMarkdown(name)}**`, ''];
  if (extras.thumbnail) {
    lines.push(`![${escapeMarkdown(name)}](${extras.thumbnail})`, '');
  }
  const row = (label: string, value: string | undefined): void => {
    if (value) {
      lines.push(`${escapeMarkdown(label)}: ${escapeMarkdown(value, 400)}  `);
    }
  };
  if (details) {
    row(t('Type'), [kindWord(fileKind(details), t), text(details.mimeType)].filter(Boolean).join(' · '));
    row(t('Size'), humanSize(details.size, locale));
  }
  const taken = parseTime(content.takeTime);
  row(t('Taken'), taken === undefined ? undefined : localDate(taken, locale));
  const created = parseTime(details?.createdTime);
  row(t('Created'), created === undefined ? undefined : localDate(created, locale));
  const edited = parseTime(details?.editedTime);
  row(t('Modified'), edited === undefined ? undefined : localDate(edited, locale));
  row(t('Folder'), extras.path);
  row(t('File id'), content.id);
  if (extras.problem) {
    lines.push('', escapeMarkdown(t('Details could not be loaded: {0}', extras.problem), 400));
  }
  return lines.join('\n');
}
