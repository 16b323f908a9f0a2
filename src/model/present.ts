import { AlbumKind, AlbumType, type AlbumItem, type MemberInfo, type ShareFolder } from '../api/types';
import type { Localize } from './localize';
import { maskField, maskPhone, maskUserId } from './mask';
import { escapeMarkdown, safeText } from './safeText';

/**
 * How the trees and prompts show API objects. Pure: unit-tested without VS Code. Every string
 * that came from the server leaves here inert (D18), whatever its type on the wire: a field may
 * be missing, `null`, a number where a string was documented (one bad row never breaks a listing).
 */

/** A string field of an API object, trimmed; numbers count as their digits; anything else is undefined. */
export function text(value: unknown): string | undefined {
  const raw = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  return raw === '' ? undefined : raw;
}

export function isManual(album: Pick<AlbumItem, 'albumType'>): boolean {
  return Number(album.albumType) === AlbumType.manual;
}

export function kindText(kind: unknown, t: Localize): string {
  return Number(kind) === AlbumKind.family ? t('Family') : t('Personal');
}

export function typeText(type: unknown, t: Localize): string {
  return Number(type) === AlbumType.manual ? t('Manual') : t('Collection');
}

/** The last characters of an id, for labels of nameless things. */
function shortId(id: unknown): string {
  const value = safeText(id);
  return value.length > 6 ? value.slice(-6) : value;
}

/** The album's name, or for a nameless (collection) album a readable fallback naming what it collects. */
export function albumLabel(album: AlbumItem, t: Localize): string {
  const name = text(album.name);
  if (name) {
    return safeText(name);
  }
  const folders = Array.isArray(album.scopeDir) ? album.scopeDir.length : 0;
  return folders > 0
    ? t('Collection album from {0} folder(s) (…{1})', folders, shortId(album.id))
    : t('Untitled album (…{0})', shortId(album.id));
}

export function albumDescription(album: AlbumItem, t: Localize, familyName?: string): string {
  const parts = [typeText(album.albumType, t), kindText(album.albumKind, t)];
  if (familyName) {
    parts.push(safeText(familyName));
  }
  return parts.join(' · ');
}

/**
 * Accepts ISO-8601, epoch milliseconds (or seconds), and Java's `Date.toString()`
 * (`Tue Sep 02 02:25:46 UTC 2025`, reference §7.22). Returns `YYYY-MM-DD HH:mm` in UTC, or the
 * input (made inert) unchanged.
 */
export function formatTime(value: unknown): string {
  const ms = parseTime(value);
  return ms === undefined ? safeText(value) : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** Milliseconds since the epoch for the time formats the API mixes, or undefined. */
export function parseTime(value: unknown): number | undefined {
  const trimmed = text(value);
  if (!trimmed) {
    return undefined;
  }
  let ms = /^\d{10,13}$/.test(trimmed) ? Number(trimmed.length === 10 ? `${trimmed}000` : trimmed) : Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    const java = /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) UTC (\d{4})$/.exec(trimmed);
    ms = java ? Date.parse(`${java[1]} ${java[2]} ${java[4]} ${java[3]} GMT`) : Number.NaN;
  }
  // Outside years 1-9999 a "date" is as unreadable as text (and would not print as one).
  return Number.isNaN(ms) || ms < -62_135_596_800_000 || ms >= 253_402_300_800_000 ? undefined : ms;
}

export function folderLabel(folder: ShareFolder, t: Localize): string {
  const name = text(folder.name);
  return name ? safeText(name) : t('Unnamed shared folder ({0})', safeText(folder.id));
}

/** Owner, creation time and member limit. */
export function folderDescription(folder: ShareFolder, owned: boolean, t: Localize): string {
  const owner = text(folder.ownerId);
  const parts: string[] = [owned ? t('owner: you') : t('owner: {0}', owner ? maskUserId(owner) : t('unknown'))];
  if (text(folder.createTime)) {
    parts.push(formatTime(folder.createTime));
  }
  const limit = Number(folder.maxMember);
  if (folder.maxMember !== undefined && folder.maxMember !== null && Number.isFinite(limit)) {
    parts.push(t('up to {0} members', limit));
  }
  return parts.join(' · ');
}

/** A person: their nickname where the API gives one, else their masked id. */
export function personLabel(nickname: unknown, userId: unknown): string {
  const name = text(nickname);
  if (name) {
    return safeText(name);
  }
  const id = text(userId);
  return id ? maskUserId(id) : '***';
}

export function memberLabel(member: MemberInfo): string {
  return personLabel(member.userName, member.userId);
}

/** "owner" and the masked phone number. */
export function memberDescription(member: MemberInfo, isOwner: boolean, t: Localize): string {
  const parts: string[] = [];
  if (isOwner) {
    parts.push(t('owner'));
  }
  const mobile = text(member.mobile);
  if (mobile) {
    parts.push(maskPhone(safeText(mobile)));
  }
  return parts.join(' · ');
}

/** The most fields a tooltip shows: a server may send any number of them. */
export const TOOLTIP_FIELDS_MAX = 30;

/**
 * A Markdown table of the fields the API returned, for tooltips: at most
 * {@link TOOLTIP_FIELDS_MAX} of them, each value cut to 200 characters and escaped (D18), people's
 * ids and phone numbers masked; a last row says how many more there are.
 */
export function fieldsMarkdown(title: string, object: Record<string, unknown>): string {
  const fields = Object.entries(object).filter(([, value]) => value !== undefined && value !== null && value !== '');
  const rows = fields.slice(0, TOOLTIP_FIELDS_MAX).map(([key, value]) => `| ${escapeMarkdown(key, 60)} | ${escapeMarkdown(maskField(key, value))} |`);
  if (fields.length > TOOLTIP_FIELDS_MAX) {
    rows.push(`| … | +${fields.length - TOOLTIP_FIELDS_MAX} |`);
  }
  return [`**${escapeMarkdown(title)}**`, '', '| | |', '|---|---|', ...rows].join('\n');
}
