import { apiPath, type CallOptions, type Http } from './http';
import type {
  AlbumContent, AlbumItem, AlbumKind, AlbumType, CreateAlbumRequest, Envelope, FileMap, ListAlbumContentResponse, ListAlbumsResponse, UpdateAlbumRequest,
} from './types';
import { Limits } from './types';
import { check, inRange } from './validate';

export interface ListAlbumsQuery {
  albumKind: AlbumKind;
  albumType: AlbumType;
  groupId?: string;
  pageNum?: number;
  pageSize?: number;
}

export interface ListAlbumContentQuery {
  pageSize?: number;
  pageCursor?: string;
  sortType?: 1 | 2 | 3;
  sortDirection?: 1 | 2;
}

/** ListAlbums (§2.4): one page (pageNum/pageSize ≤ 100). */
export async function listAlbums(http: Http, query: ListAlbumsQuery, call?: CallOptions): Promise<{ albums: AlbumItem[]; total?: number }> {
  const path = apiPath('album', 'list');
  check(inRange(query.pageSize, 1, Limits.albumPageSizeMax) && inRange(query.pageNum, 1, Number.MAX_SAFE_INTEGER), 'GET', path, 'pageSize must be 1-100 and pageNum at least 1');
  const body = await http.send<ListAlbumsResponse>({ method: 'GET', path, idempotent: true, query: { ...query } }, call);
  return { albums: body.albumList ?? [], total: body.total };
}

/** ListAlbumContent (§2.5): one page, cursor paging. */
export async function listAlbumContent(http: Http, albumId: string, query: ListAlbumContentQuery = {}, call?: CallOptions): Promise<{ items: AlbumContent[]; nextCursor?: string; total?: number }> {
  const path = apiPath('album', albumId, 'list');
  check(inRange(query.pageSize, 1, Limits.albumContentPageSizeMax), 'GET', path, 'pageSize must be 1-100');
  const body = await http.send<ListAlbumContentResponse>({ method: 'GET', path, idempotent: true, query: { ...query } }, call);
  return { items: body.contentList ?? [], nextCursor: body.nextPageCursor || undefined, total: body.total };
}

/** CreateAlbum (§2.1). Returns the new album's id where the server gives one. */
export async function createAlbum(http: Http, request: CreateAlbumRequest, call?: CallOptions): Promise<{ id?: string }> {
  const path = apiPath('album', 'create');
  check(request.name === undefined || (request.name.length >= 1 && request.name.length <= Limits.albumNameMax), 'POST', path, 'album names have 1-20 characters');
  const body = await http.send<Envelope & { id?: string; data?: { id?: string } }>({ method: 'POST', path, idempotent: false, body: request }, call);
  return { id: body.id ?? body.data?.id };
}

/** UpdateAlbum (§2.2): note the path has no `/album/` segment. */
export async function updateAlbum(http: Http, albumId: string, request: UpdateAlbumRequest, call?: CallOptions): Promise<void> {
  await http.send({ method: 'POST', path: apiPath(albumId, 'update'), idempotent: false, body: request }, call);
}

/** DeleteAlbum (§2.3). */
export async function deleteAlbum(http: Http, albumId: string, call?: CallOptions): Promise<void> {
  await http.send({ method: 'DELETE', path: apiPath('album', albumId), idempotent: false }, call);
}

/** BatchAddContent2Album (§2.6): at most 100 files per call. */
export async function addAlbumContent(http: Http, albumId: string, files: FileMap[], call?: CallOptions): Promise<void> {
  const path = apiPath('album', albumId, 'add');
  check(files.length > 0 && files.length <= Limits.addAlbumContentMax, 'POST', path, 'add 1-100 files per request');
  await http.send({ method: 'POST', path, idempotent: false, body: { fileIds: files } }, call);
}

/**
 * BatchDeleteAlbumContent (§2.7, D10): one DELETE with a JSON body of 1-1000 ids. Idempotent
 * (removing an absent item changes nothing), so it is retried like a read.
 */
export async function removeAlbumContent(http: Http, albumId: string, ids: string[], call?: CallOptions): Promise<void> {
  const path = apiPath(albumId, 'batchDelete');
  check(ids.length > 0 && ids.length <= Limits.removeAlbumContentMax, 'DELETE', path, 'remove 1-1000 ids per request');
  await http.send({ method: 'DELETE', path, idempotent: true, body: { ids } }, call);
}
