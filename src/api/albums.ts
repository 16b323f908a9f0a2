/** Album endpoints (reference §2.1-2.7). Each throws KooDriveError; see {@link Http.send}. */
import { listField, optionalNumber, optionalString } from './envelope';
import type { CallOptions, Http } from './http';
import { AlbumKind, AlbumType, type AlbumContent, type AlbumItem, type CreateAlbumRequest, type FileMap, Limits, type UpdateAlbumRequest } from './types';
import { albumNameProblem, check, inRange, isUsableId, oneOf, pathFor } from './validate';

/** Query of ListAlbums (§2.4): both filters are mandatory. */
export interface ListAlbumsQuery {
  albumKind: AlbumKind;
  albumType: AlbumType;
  /** Mandatory for family albums (albumKind 2). */
  groupId?: string;
  /** From 1 (default 1). */
  pageNum?: number;
  /** 1-100 (server default 10). */
  pageSize?: number;
}

/** Query of ListAlbumContent (§2.5): cursor paging. */
export interface ListAlbumContentQuery {
  /** 1-100 (server default 100). */
  pageSize?: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  pageCursor?: string;
  /** 1 shooting time, 2 creation time, 3 update time. */
  sortType?: 1 | 2 | 3;
  /** 1 ascending, 2 descending. */
  sortDirection?: 1 | 2;
}

/**
 * ListAlbums (§2.4): one page of albums of one kind and type.
 * @throws KooDriveError `invalidInput` locally for a bad kind/type, a family query without
 * groupId, pageSize outside 1-100 or pageNum below 1.
 */
export async function listAlbums(http: Http, query: ListAlbumsQuery, call?: CallOptions): Promise<{ albums: AlbumItem[]; total?: number }> {
  const path = pathFor('GET', '/album/list');
  check(oneOf(query.albumKind, [AlbumKind.personal, AlbumKind.family]) && query.albumKind !== undefined, 'GET', path, 'albumKind must be 1 (personal) or 2 (family)');
  check(oneOf(query.albumType, [AlbumType.collection, AlbumType.manual]) && query.albumType !== undefined, 'GET', path, 'albumType must be 1 (collection) or 2 (manual)');
  check(query.albumKind !== AlbumKind.family || isUsableId(query.groupId), 'GET', path, 'family albums need a groupId');
  check(inRange(query.pageSize, 1, Limits.albumPageSizeMax), 'GET', path, `pageSize must be 1-${Limits.albumPageSizeMax}`);
  check(inRange(query.pageNum, 1, Number.MAX_SAFE_INTEGER), 'GET', path, 'pageNum must be 1 or more');
  const { albumKind, albumType, groupId, pageNum, pageSize } = query;
  return http.send(
    { method: 'GET', path, idempotent: true, query: { albumKind, albumType, groupId, pageNum, pageSize } },
    (body) => ({ albums: listField<AlbumItem>(body, 'albumList'), total: optionalNumber(body, 'total') }),
    call,
  );
}

/**
 * ListAlbumContent (§2.5): one page of an album's items. `nextCursor` is undefined on the last
 * page (an empty or missing `nextPageCursor`).
 * @throws KooDriveError `invalidInput` locally for an empty albumId or pageSize outside 1-100.
 */
export async function listAlbumContent(http: Http, albumId: string, query: ListAlbumContentQuery = {}, call?: CallOptions): Promise<{ items: AlbumContent[]; nextCursor?: string; total?: number }> {
  const path = pathFor('GET', '/album/{albumId}/list', { albumId });
  check(inRange(query.pageSize, 1, Limits.albumContentPageSizeMax), 'GET', path, `pageSize must be 1-${Limits.albumContentPageSizeMax}`);
  check(oneOf(query.sortType, [1, 2, 3]) && oneOf(query.sortDirection, [1, 2]), 'GET', path, 'sortType must be 1-3 and sortDirection 1 or 2');
  const { pageSize, pageCursor, sortType, sortDirection } = query;
  return http.send(
    { method: 'GET', path, idempotent: true, query: { pageSize, pageCursor: pageCursor || undefined, sortType, sortDirection } },
    (body) => ({ items: listField<AlbumContent>(body, 'contentList'), nextCursor: optionalString(body, 'nextPageCursor'), total: optionalNumber(body, 'total') }),
    call,
  );
}

/**
 * CreateAlbum (§2.1). Returns the new album's id where the server gives one (the reference does
 * not document the answer; find the album with ListAlbums otherwise). Never retried.
 * @throws KooDriveError `invalidInput` locally: type/albumKind not "1"/"2", a manual album
 * without a 1-20 character name, a family album without groupId, a collection album without
 * its scope, or more than 30 scope directories.
 */
export async function createAlbum(http: Http, request: CreateAlbumRequest, call?: CallOptions): Promise<{ id?: string }> {
  const path = pathFor('POST', '/album/create');
  check(oneOf(request.type, ['1', '2'] as const) && oneOf(request.albumKind, ['1', '2'] as const) && request.type !== undefined && request.albumKind !== undefined, 'POST', path, 'type and albumKind must be "1" or "2"');
  const nameProblem = request.name === undefined ? (request.type === '2' ? 'a manual album needs a name' : undefined) : albumNameProblem(request.name);
  check(nameProblem === undefined, 'POST', path, nameProblem ?? '');
  check(request.albumKind !== '2' || isUsableId(request.groupId), 'POST', path, 'a family album (albumKind "2") needs a groupId');
  check(request.type !== '1' || (Boolean(request.scopeDir?.length) && isUsableId(request.scopeParentFolderId) && Boolean(request.scopeKind)), 'POST', path, 'a collection album (type "1") needs scopeDir, scopeParentFolderId and scopeKind');
  check((request.scopeDir?.length ?? 0) <= Limits.scopeDirMax, 'POST', path, `at most ${Limits.scopeDirMax} scope directories`);
  return http.send({ method: 'POST', path, idempotent: false, body: request }, (body) => ({ id: optionalString(body, 'id') }), call);
}

/**
 * UpdateAlbum (§2.2): the path has no `/album/` segment. Never retried.
 * @throws KooDriveError `invalidInput` locally for a name outside 1-20 characters, more than 30
 * scope directories, or a scopeKind other than 1 or 2.
 */
export async function updateAlbum(http: Http, albumId: string, request: UpdateAlbumRequest, call?: CallOptions): Promise<void> {
  const path = pathFor('POST', '/{albumId}/update', { albumId });
  const nameProblem = request.name === undefined ? undefined : albumNameProblem(request.name);
  check(nameProblem === undefined, 'POST', path, nameProblem ?? '');
  check((request.scopeDirList?.length ?? 0) <= Limits.scopeDirMax, 'POST', path, `at most ${Limits.scopeDirMax} scope directories`);
  check(oneOf(request.scopeKind, [1, 2]), 'POST', path, 'scopeKind must be 1 (image) or 2 (video)');
  await http.send({ method: 'POST', path, idempotent: false, body: request }, () => undefined, call);
}

/** DeleteAlbum (§2.3). Never retried. @throws KooDriveError (`invalidInput` locally for an empty id). */
export async function deleteAlbum(http: Http, albumId: string, call?: CallOptions): Promise<void> {
  await http.send({ method: 'DELETE', path: pathFor('DELETE', '/album/{albumId}', { albumId }), idempotent: false }, () => undefined, call);
}

/**
 * BatchAddContent2Album (§2.6): links 1-100 existing files into a manual album in one request.
 * Never retried (see addAlbumContentInBatches for more files).
 * @throws KooDriveError `invalidInput` locally when `files` is empty, has more than 100 entries,
 * or an entry without a 1-64 character fileId.
 */
export async function addAlbumContent(http: Http, albumId: string, files: FileMap[], call?: CallOptions): Promise<void> {
  const path = pathFor('POST', '/album/{albumId}/add', { albumId });
  check(Array.isArray(files) && files.length > 0 && files.length <= Limits.addAlbumContentMax, 'POST', path, `add 1-${Limits.addAlbumContentMax} files per request`);
  check(files.every((file) => isUsableId(file?.fileId) && file.fileId.length <= Limits.fileIdMax), 'POST', path, `every fileId must have 1-${Limits.fileIdMax} characters`);
  const fileIds = files.map((file) => (file.ownerId ? { fileId: file.fileId, ownerId: file.ownerId } : { fileId: file.fileId }));
  await http.send({ method: 'POST', path, idempotent: false, body: { fileIds } }, () => undefined, call);
}

/**
 * BatchDeleteAlbumContent (§2.7, D10): one DELETE with a JSON body of 1-1000 ids, sent as given.
 * Idempotent (removing an absent item changes nothing), so it is retried like a read. See
 * removeAlbumContentInBatches for de-duplication and any number of ids.
 * @throws KooDriveError `invalidInput` locally when `ids` is empty, longer than 1000, or holds an empty id.
 */
export async function removeAlbumContent(http: Http, albumId: string, ids: string[], call?: CallOptions): Promise<void> {
  const path = pathFor('DELETE', '/{albumId}/batchDelete', { albumId });
  check(Array.isArray(ids) && ids.length > 0 && ids.length <= Limits.removeAlbumContentMax, 'DELETE', path, `remove 1-${Limits.removeAlbumContentMax} ids per request`);
  check(ids.every((id) => typeof id === 'string' && id.trim() !== ''), 'DELETE', path, 'every id must be non-empty');
  await http.send({ method: 'DELETE', path, idempotent: true, body: { ids } }, () => undefined, call);
}
