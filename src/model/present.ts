import { AlbumKind, AlbumType, type AlbumContent, type AlbumItem, type MemberInfo, type ShareFolder } from '../api/types';
import type { Localize } from './localize';
import { maskUserId } from './logFormat';

/** How the trees and prompts show API objects. Pure: unit-tested without VS Code. */

export function isManual(album: Pick<AlbumItem, 'albumType'>): boolean {
  return Number(album.albumType) === AlbumType.manual;
}

export function kindText(kind: unknown, t: Localize): string {
  return Number(kind) === AlbumKind.family ? t('Family') : t('Personal');
}

export function typeText(type: unknown, t: Localize): string {
  return Number(type) === AlbumType.manual ? t('Manual') : t('Collection');
}

/** The album's name, or for a nameless (collection) album a readable fallback naming what it collects. */
export function albumLabel(album: AlbumItem, t: Localize): string {
  const name = typeof album.name === 'string' ? album.name.trim() : '';
  if (name) {
    return name;
  }
  const folders = Array.isArray(album.scopeDir) ? album.scopeDir.length : 0;
  const shortId = album.id.length > 6 ? album.id.slice(-6) : album.id;
  return folders > 0
    ? t('Collection album from {0} folder(s) (…{1})', folders, shortId)
    : t('Untitled album (…{0})', shortId);
}

export function albumDescription(album: AlbumItem, t: Localize, familyName?: string): string {
  const parts = [typeText(album.albumType, t), kindText(album.albumKind, t)];
  if (familyName) {
    parts.push(familyName);
  }
  return parts.join(' · ');
}

/** Best name available for an album item, else its id. */
export function contentLabel(content: AlbumContent): string {
  for (const key of ['fileName', 'name', 'title']) {
    const value = content[key];
    if (typeof value === 'string' && value.trim()) {
      return value.trim();
    }
  }
  return content.id;
}

/** Shooting time, shown as `YYYY-MM-DD HH:mm` when it parses, else as given. */
export function contentDescription(content: AlbumContent): string {
  return content.takeTime ? formatTime(content.takeTime) : '';
}

/**
 * Accepts ISO-8601, epoch milliseconds, and Java's `Date.toString()` (`Tue Sep 02 02:25:46 UTC 2025`,
 * reference §7.22). Returns `YYYY-MM-DD HH:mm` in UTC, or the input unchanged.
 */
export function formatTime(value: string): string {
  const trimmed = value.trim();
  let ms = /^\d{10,13}$/.test(trimmed) ? Number(trimmed.length === 10 ? `${trimmed}000` : trimmed) : Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    const java = /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) UTC (\d{4})$/.exec(trimmed);
    ms = java ? Date.parse(`${java[1]} ${java[2]} ${java[4]} ${java[3]} GMT`) : Number.NaN;
  }
  if (Number.isNaN(ms)) {
    return value;
  }
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function folderLabel(folder: ShareFolder, t: Localize): string {
  const name = typeof folder.name === 'string' ? folder.name.trim() : '';
  return name || t('Unnamed shared folder ({0})', folder.id);
}

/** Owner, creation time and member limit. */
export function folderDescription(folder: ShareFolder, owned: boolean, t: Localize): string {
  const parts: string[] = [owned ? t('owner: you') : t('owner: {0}', folder.ownerId ? maskUserId(String(folder.ownerId)) : t('unknown'))];
  if (folder.createTime) {
    parts.push(formatTime(folder.createTime));
  }
  if (folder.maxMember !== undefined) {
    parts.push(t('up to {0} members', folder.maxMember));
  }
  return parts.join(' · ');
}

export function memberLabel(member: MemberInfo): string {
  return member.userName?.trim() || member.userId;
}

export function memberDescription(member: MemberInfo, isOwner: boolean, t: Localize): string {
  const parts: string[] = [];
  if (isOwner) {
    parts.push(t('owner'));
  }
  if (member.mobile) {
    parts.push(member.mobile);
  }
  return parts.join(' · ');
}

/** A Markdown table of every field the API returned, for tooltips. Values are escaped. */
export function fieldsMarkdown(title: string, object: Record<string, unknown>): string {
  const rows = Object.entries(object)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `| ${escapeMarkdown(key)} | ${escapeMarkdown(typeof value === 'string' ? value : JSON.stringify(value))} |`);
  return [`**${escapeMarkdown(title)}**`, '', '| | |', '|---|---|', ...rows].join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}
