/**
 * Album content endpoints of §2.5-2.7: ListAlbumContent (cursor paging), BatchAddContent2Album
 * and BatchDeleteAlbumContent. Adding and removing change only the album's membership, never the
 * files (D10); both are allowed on manual albums only. Only known files the caller may read can
 * be added (D14), so an item's owner is always the file's owner.
 */
import { API_BASE_PATH, Limits } from '../../../src/api/types';
import type { SortDirection, SortType } from '../albumContents';
import { invalid, missing, noPermission, notFound, outOfRange, paramError } from '../errors';
import type { FileOrigin } from '../files';
import type { Album } from '../model';
import { enumParam, intParam } from '../params';
import type { Route, RouteContext } from '../router';
import type { Store } from '../store';
import { albumContent } from '../wire';

const FILE_ID_MAX = 64;

function listAlbumContent({ store, caller, params, query }: RouteContext): Record<string, unknown> {
  const album = usableAlbum(store, params.albumId, caller.userId);
  const pageSize = intParam(query, 'pageSize', { min: 1, max: Limits.albumContentPageSizeMax, default: 100 });
  // Defaults of §2.5: manual albums by creation (added) time, collection albums by shooting time.
  const sortType = Number(enumParam(query, 'sortType', ['1', '2', '3'], album.albumType === 2 ? '2' : '1')) as SortType;
  const sortDirection = Number(enumParam(query, 'sortDirection', ['1', '2'], '2')) as SortDirection;
  const cursor = query.pageCursor === '' ? undefined : query.pageCursor;
  const page = album.contents.page(album.id, sortType, sortDirection, pageSize, cursor);
  return {
    contentList: page.items.map((item) => albumContent(item, album)),
    nextPageCursor: page.nextCursor,
    total: page.total,
  };
}

function batchAdd({ store, caller, params, body, now }: RouteContext): Record<string, unknown> {
  const album = manualAlbum(store, params.albumId, caller.userId, 'added to');
  const fileIds = body.fileIds;
  if (fileIds === undefined || fileIds === null) {
    throw missing('fileIds');
  }
  if (!Array.isArray(fileIds)) {
    throw invalid('fileIds', 'an array of fileMap objects');
  }
  if (fileIds.length === 0 || fileIds.length > Limits.addAlbumContentMax) {
    throw outOfRange('the length of fileIds', `1-${Limits.addAlbumContentMax}`);
  }
  const entries = fileIds.map((entry: unknown) => {
    const map = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const { fileId, ownerId } = map;
    if (typeof fileId !== 'string' || fileId === '' || fileId.length > FILE_ID_MAX) {
      throw invalid('fileIds[].fileId', `a string of 1-${FILE_ID_MAX} characters`);
    }
    if (ownerId !== undefined && ownerId !== null && (typeof ownerId !== 'string' || ownerId === '')) {
      throw invalid('fileIds[].ownerId', 'a user id string');
    }
    return readableFile(store, caller.userId, fileId, typeof ownerId === 'string' ? ownerId : undefined);
  });
  // All or nothing: every file was checked before any is linked. Files already in the album are
  // left as they are, so a retried request is harmless; a re-added file keeps its shooting time.
  for (const { id, file } of entries) {
    album.contents.add({ id, ownerId: file.ownerId, takeTime: file.takeTime ?? now, createTime: now, updateTime: now });
  }
  return {};
}

/**
 * A known file `userId` may read. `ownerId`, when sent, must be the file's owner.
 * @throws ApiError 13000309 for an unknown file or the wrong owner, 13000410 for a file in the
 * space of someone who shares no family group with the caller.
 */
function readableFile(store: Store, userId: string, fileId: string, ownerId: string | undefined): { id: string; file: FileOrigin } {
  const file = store.files.origin(fileId);
  if (!file || (ownerId !== undefined && ownerId !== file.ownerId)) {
    throw notFound('file', ownerId === undefined ? fileId : `${fileId} of user ${ownerId}`);
  }
  if (!store.mayReadSpaceOf(userId, file.ownerId)) {
    throw noPermission(`File ${fileId} belongs to a user who shares no family group with you.`, `文件 ${fileId} 的所有者与您不在同一家庭群组。`);
  }
  return { id: fileId, file };
}

function batchDelete({ store, caller, params, body }: RouteContext): Record<string, unknown> {
  const album = manualAlbum(store, params.albumId, caller.userId, 'removed from');
  const ids = body.ids;
  if (ids === undefined || ids === null) {
    throw missing('ids');
  }
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id !== '')) {
    throw invalid('ids', 'an array of non-empty strings');
  }
  if (ids.length === 0 || ids.length > Limits.removeAlbumContentMax) {
    throw outOfRange('the length of ids', `1-${Limits.removeAlbumContentMax}`);
  }
  // Ids not in the album are ignored: removing is idempotent (D10).
  album.contents.remove(ids as string[]);
  return {};
}

/** The album, if the caller may use it (personal: owner; family: group member). */
function usableAlbum(store: Store, albumId: string, userId: string): Album {
  const album = store.requireAlbum(albumId);
  if (!store.canUseAlbum(album, userId)) {
    throw noPermission(`Album ${albumId} is neither yours nor shared with you.`, `相册 ${albumId} 不属于您，也未与您共享。`);
  }
  return album;
}

function manualAlbum(store: Store, albumId: string, userId: string, verb: string): Album {
  const album = usableAlbum(store, albumId, userId);
  if (album.albumType !== 2) {
    throw paramError(
      `Album ${albumId} is a collection album (albumType 1); content can be ${verb} manual albums only.`,
      `相册 ${albumId} 是收藏相册（albumType 1），只有手动相册可以增删内容。`,
    );
  }
  return album;
}

const base = { auth: 'standard', success: 'album' } as const;

export const albumContentRoutes: Route[] = [
  { ...base, name: 'ListAlbumContent', method: 'GET', path: `${API_BASE_PATH}/album/:albumId/list`, body: false, handle: listAlbumContent },
  { ...base, name: 'BatchAddContent2Album', method: 'POST', path: `${API_BASE_PATH}/album/:albumId/add`, body: true, handle: batchAdd },
  { ...base, name: 'BatchDeleteAlbumContent', method: 'DELETE', path: `${API_BASE_PATH}/:albumId/batchDelete`, body: true, handle: batchDelete },
];
