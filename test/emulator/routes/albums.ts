/**
 * Album endpoints of §2.1-2.4: ListAlbums, CreateAlbum, UpdateAlbum, DeleteAlbum.
 * Only an album's creator may rename or delete it; family albums are listed to every member.
 */
import { API_BASE_PATH, Limits, type CreateAlbumResponse } from '../../../src/api/types';
import { AlbumContents } from '../albumContents';
import { invalid, noPermission, outOfRange, paramError } from '../errors';
import { JsonInteger } from '../json';
import type { Album } from '../model';
import { enumParam, intParam, requiredParam, stringArrayField, stringField, type Body } from '../params';
import type { Route, RouteContext } from '../router';
import type { Store } from '../store';
import { albumItem } from '../wire';

const MAX_SCOPE_DIRS = 30;

function listAlbums({ store, caller, query }: RouteContext): Record<string, unknown> {
  const albumKind = enumParam(query, 'albumKind', ['1', '2']) === '1' ? 1 : 2;
  const albumType = enumParam(query, 'albumType', ['1', '2']) === '1' ? 1 : 2;
  const pageSize = intParam(query, 'pageSize', { min: 1, max: Limits.albumPageSizeMax, default: 10 });
  const pageNum = intParam(query, 'pageNum', { min: 1, default: 1 });
  let scope = caller.userId;
  if (albumKind === 2) {
    scope = requiredParam(query, 'groupId');
    store.requireMembership(scope, caller.userId);
  }
  const list = store.albumList(albumKind, albumType, scope);
  const start = (pageNum - 1) * pageSize;
  return { albumList: list.slice(start, start + pageSize).map(albumItem), total: list.length };
}

function createAlbum({ store, caller, body, now }: RouteContext): Record<string, unknown> {
  const type = oneOf(body, 'type');
  const albumKind = oneOf(body, 'albumKind');
  const name = albumName(body, type === 2);
  const album: Album = { id: store.newId(), ownerId: caller.userId, albumKind, albumType: type, name, createTime: now, contents: new AlbumContents() };
  if (type === 1) {
    album.scopeDir = stringArrayField(body, 'scopeDir', MAX_SCOPE_DIRS);
    album.scopeParentFolderId = stringField(body, 'scopeParentFolderId', true);
    album.scopeKind = stringField(body, 'scopeKind', true);
    if (!album.scopeDir?.length) {
      throw paramError('scopeDir is mandatory for a collection album (type 1).', '收藏相册（type 1）必须填写 scopeDir。');
    }
    if (!/^[12](,[12])?$/.test(album.scopeKind)) {
      throw invalid('scopeKind', '"1", "2" or "1,2"');
    }
  } else {
    rejectFields(body, ['scopeDir', 'scopeParentFolderId', 'scopeKind'], 'a manual album (type 2)');
  }
  if (albumKind === 2) {
    album.groupId = stringField(body, 'groupId', true);
    store.requireMembership(album.groupId, caller.userId);
  }
  checkShareFolderId(store, body, album.groupId);
  store.addAlbum(album);
  const reply: Omit<CreateAlbumResponse, 'code'> = { id: album.id };
  return reply;
}

function updateAlbum({ store, caller, params, body }: RouteContext): Record<string, unknown> {
  const album = ownAlbum(store, params.albumId, caller.userId);
  if (album.albumType === 2) {
    rejectFields(body, ['scopeParentFolderId', 'scopeDirList', 'scopeKind'], 'a manual album');
    album.name = albumName(body, false) ?? album.name;
  } else {
    rejectFields(body, ['name'], 'a collection album');
    album.scopeDir = stringArrayField(body, 'scopeDirList', MAX_SCOPE_DIRS) ?? album.scopeDir;
    album.scopeParentFolderId = stringField(body, 'scopeParentFolderId', false) ?? album.scopeParentFolderId;
    const scopeKind = body.scopeKind;
    if (scopeKind !== undefined && scopeKind !== null) {
      if (scopeKind !== 1 && scopeKind !== 2) {
        throw invalid('scopeKind', 'the integer 1 or 2');
      }
      album.scopeKind = String(scopeKind);
    }
  }
  album.coverImageUrl = stringField(body, 'coverImageUrl', false) ?? album.coverImageUrl;
  return {};
}

function deleteAlbum({ store, caller, params }: RouteContext): Record<string, unknown> {
  store.removeAlbum(ownAlbum(store, params.albumId, caller.userId));
  return {};
}

/** The album, if `userId` created it. @throws ApiError 13000309 / 13000410. */
function ownAlbum(store: Store, albumId: string, userId: string): Album {
  const album = store.requireAlbum(albumId);
  if (album.ownerId !== userId) {
    throw noPermission(`Only the creator of album ${albumId} may change or delete it.`, `只有相册 ${albumId} 的创建者可以修改或删除它。`);
  }
  return album;
}

/**
 * An album `name` (§2.1, §2.2): 1-20 characters (code points). A name of only white space is
 * refused like an empty one: the emulator's choice, as the pages give only the length.
 */
function albumName(body: Body, required: boolean): string | undefined {
  if (!required && body.name === '') {
    throw outOfRange('the length of name', `1-${Limits.albumNameMax}`);
  }
  const name = stringField(body, 'name', required, Limits.albumNameMax);
  if (name !== undefined && name.trim() === '') {
    throw invalid('name', 'more than white space');
  }
  return name;
}

/** CreateAlbum's `type` / `albumKind`: the strings "1" or "2" (String in §2.1). */
function oneOf(body: Body, name: string): 1 | 2 {
  const value = body[name];
  if (value === undefined || value === null) {
    throw paramError(`${name} is mandatory.`, `${name} 为必填参数。`);
  }
  if (value !== '1' && value !== '2') {
    throw invalid(name, 'the string "1" or "2"');
  }
  return value === '1' ? 1 : 2;
}

function rejectFields(body: Body, names: string[], what: string): void {
  const present = names.filter((name) => body[name] !== undefined && body[name] !== null);
  if (present.length > 0) {
    throw paramError(`${present.join(', ')} cannot be set on ${what}.`, `${what} 不能设置 ${present.join('、')}。`);
  }
}

/** `shareFolderId` (Long): when given, a live folder, and the folder of `groupId` for a family album. */
function checkShareFolderId(store: Store, body: Body, groupId: string | undefined): void {
  const value = body.shareFolderId;
  if (value === undefined || value === null) {
    return;
  }
  let id: string;
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    id = value;
  } else if (typeof value === 'number' && Number.isSafeInteger(value)) {
    id = String(value);
  } else if (value instanceof JsonInteger) {
    // A Long beyond 2^53 sent as a bare number: the lossless parser kept its digits.
    id = value.digits;
  } else {
    throw invalid('shareFolderId', 'a shared-folder primary key');
  }
  const folder = store.requireFolder(id);
  if (groupId !== undefined && folder.groupId !== groupId) {
    throw paramError('shareFolderId does not belong to groupId.', 'shareFolderId 与 groupId 不匹配。');
  }
}

const base = { auth: 'standard', success: 'album' } as const;

export const albumRoutes: Route[] = [
  { ...base, name: 'ListAlbums', method: 'GET', path: `${API_BASE_PATH}/album/list`, body: false, handle: listAlbums },
  { ...base, name: 'CreateAlbum', method: 'POST', path: `${API_BASE_PATH}/album/create`, body: true, handle: createAlbum },
  { ...base, name: 'UpdateAlbum', method: 'POST', path: `${API_BASE_PATH}/:albumId/update`, body: true, handle: updateAlbum },
  { ...base, name: 'DeleteAlbum', method: 'DELETE', path: `${API_BASE_PATH}/album/:albumId`, body: false, handle: deleteAlbum },
];
