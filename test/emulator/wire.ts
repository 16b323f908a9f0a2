/**
 * Conversions from the emulator's records to the wire objects of `src/api/types.ts`. Ids the
 * reference types as Long are written as bare numbers with {@link JsonInteger} (D8); those
 * objects are therefore typed loosely here and checked against the wire types in the tests.
 */
import { FileType, type AlbumContent, type AlbumItem, type DownloadLink, type FileDetails, type InviteeConfirmDetail, type InviteeDetail } from '../../src/api/types';
import type { ContentItem } from './albumContents';
import { formatJavaDate } from './clock';
import type { DownloadLinks } from './downloadLinks';
import { hasUsage } from './fileContent';
import { suffixes } from './fileKinds';
import type { FileRecord } from './files';
import { fileId, maskMobile } from './ids';
import { JsonInteger } from './json';
import type { Album, Invite, ShareFolderRecord, User } from './model';

/** Cover of a manual album: the thumbnail of its first item (§2.2). The host never resolves. */
export function coverUrl(fileId: string): string {
  return `https://thumbnail.koodrive.invalid/${fileId}?size=256`;
}

/** `AlbumItem`: `name`/`coverImg` only on manual albums, `scopeDir` only on collection albums. */
export function albumItem(album: Album): AlbumItem {
  const first = album.albumType === 2 ? album.contents.first() : undefined;
  return {
    id: album.id,
    name: album.albumType === 2 ? album.name : undefined,
    coverImg: first ? coverUrl(first.id) : undefined,
    albumType: album.albumType,
    albumKind: album.albumKind,
    scopeDir: album.scopeDir,
    groupId: album.groupId,
  };
}

/** `AlbumContent`: `takeTime` only for collection albums; `ownerId` always (D12). */
export function albumContent(item: ContentItem, album: Album): AlbumContent {
  return {
    id: item.id,
    takeTime: album.albumType === 1 ? new Date(item.takeTime).toISOString() : undefined,
    ownerId: item.ownerId,
  };
}

/** `ShareFolder`, with `ownerId` as a bare number (Long in §3.5) and `groupId` as a string. */
export function shareFolder(folder: ShareFolderRecord): Record<string, unknown> {
  return {
    tenantId: folder.tenantId,
    creator: folder.ownerId,
    createTime: new Date(folder.createTime).toISOString(),
    ownerId: new JsonInteger(folder.ownerId),
    status: folder.status,
    id: folder.id,
    containerId: folder.containerId,
    shareFolderFileId: folder.shareFolderFileId,
    name: folder.name,
    groupId: folder.groupId,
    maxMember: folder.maxMember,
  };
}

/** `InviteeConfirmDetail`, what the invitee sees. Dates in Java `Date.toString()` form (§7.22). */
export function inviteeConfirmDetail(invite: Invite, folder: ShareFolderRecord, inviter: User | undefined): InviteeConfirmDetail {
  return {
    createTime: formatJavaDate(invite.createTime),
    expireTime: formatJavaDate(invite.expireTime),
    inviterPhone: inviter ? maskMobile(inviter.mobile) : undefined,
    shareFolderName: folder.name,
    inviteId: invite.inviteId,
    groupId: invite.groupId,
  };
}

/** `InviteeDetail`, what the inviter sees. */
export function inviteeDetail(invite: Invite): InviteeDetail {
  return {
    createTime: formatJavaDate(invite.createTime),
    expireTime: formatJavaDate(invite.expireTime),
    inviteId: invite.inviteId,
    inviteePhone: maskMobile(invite.inviteeMobile),
    status: invite.status,
  };
}

/**
 * The getFile object (§5.7): documented fields, a thumbnail link for images and videos, and the
 * `sha256` of the content (D22) for files. A file whose name was removed (`names` control) has no
 * `fileName` nor suffixes.
 */
export function fileDetails(record: FileRecord, containerId: string, links: DownloadLinks, sha256: string | undefined): FileDetails {
  const downloadLinks: DownloadLink[] = [];
  for (const usage of ['content', 'thumbnail'] as const) {
    if (hasUsage(record, usage)) {
      downloadLinks.push({ usage, downloadLink: links.link(record.id, usage) });
    }
  }
  return {
    id: record.id,
    fileName: record.name || undefined,
    fileType: FileType[record.kind],
    mimeType: record.mimeType,
    size: record.size,
    createdTime: new Date(record.createdTime).toISOString(),
    editedTime: new Date(record.editedTime).toISOString(),
    ...suffixes(record.name),
    // The first parent is the one that counts (§5.7); the root when the file has no folder.
    parentFolder: [record.folderIds.at(-1) ?? fileId(`root/${record.ownerId}`)],
    containers: [containerId],
    recycled: false,
    downloadLinks: downloadLinks.length > 0 ? downloadLinks : undefined,
    sha256,
  };
}

/**
 * GetFullPath's two paths: names and ids from the space's root down to the file, `/`-joined;
 * no `namePath` for a file whose name was removed.
 */
export function fullPath(record: FileRecord): { fileIdPath: string; namePath?: string } {
  const fileIdPath = `/${[...record.folderIds, record.id].join('/')}`;
  return { fileIdPath, namePath: record.name ? `/${[...record.folders, record.name].join('/')}` : undefined };
}
