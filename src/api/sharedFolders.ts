import { apiPath, type CallOptions, type Http } from './http';
import type {
  CreateShareFolderInfo, CreateShareFolderResponse, GetShareFolderMetadataResponse, ListShareFolderResponse, RenameShareFolderResponse, ShareFolder, ShareFolderQueryType,
} from './types';
import { Limits } from './types';
import { check, inRange, sharedFolderNameProblem } from './validate';

export interface ListSharedFoldersQuery {
  offset: number;
  limit: number;
  keyWord?: string;
  status?: '0' | '1';
  queryType?: ShareFolderQueryType;
}

/** ListShareFolder (§3.3): offset/limit (≤ 1000); the answer has no total. */
export async function listSharedFolders(http: Http, query: ListSharedFoldersQuery, call?: CallOptions): Promise<ShareFolder[]> {
  const path = apiPath('sharefolder', 'list');
  check(inRange(query.offset, 0, Number.MAX_SAFE_INTEGER) && inRange(query.limit, 1, Limits.sharedFolderLimitMax), 'GET', path, 'offset must be 0 or more and limit 1-1000');
  check((query.keyWord ?? '').length <= Limits.keyWordMax, 'GET', path, 'keyWord has at most 32 characters');
  const body = await http.send<ListShareFolderResponse>({ method: 'GET', path, idempotent: true, query: { ...query } }, call);
  return body.folders ?? [];
}

/** CreateShareFolder (§3.1): a family shared folder in the owner's personal space. */
export async function createSharedFolder(http: Http, request: { containerId: string; name: string }, call?: CallOptions): Promise<CreateShareFolderInfo> {
  const path = apiPath('sharefolder', 'create');
  const problem = sharedFolderNameProblem(request.name);
  check(problem === undefined, 'POST', path, problem ?? '');
  const body = await http.send<CreateShareFolderResponse>({ method: 'POST', path, idempotent: false, body: { shareType: 0, containerId: request.containerId, name: request.name } }, call);
  return body.data ?? { id: body.id ?? '' };
}

/** DeleteShareFolder (§3.2, D9): `{"id": "<id>"}`; only the owner may delete. */
export async function deleteSharedFolder(http: Http, id: string, call?: CallOptions): Promise<void> {
  await http.send({ method: 'POST', path: apiPath('sharefolder', 'delete'), idempotent: false, body: { id } }, call);
}

/** RenameShareFolder (§3.4). */
export async function renameSharedFolder(http: Http, id: string, fileName: string, call?: CallOptions): Promise<void> {
  const path = apiPath('sharefolder', 'rename');
  const problem = sharedFolderNameProblem(fileName);
  check(problem === undefined, 'POST', path, problem ?? '');
  await http.send<RenameShareFolderResponse>({ method: 'POST', path, idempotent: false, body: { id, fileName } }, call);
}

/** GetShareFolderMetadata (§3.5): by primary key; the field is `sharefolder` (lower-case f). */
export async function getSharedFolder(http: Http, id: string, call?: CallOptions): Promise<ShareFolder | undefined> {
  const body = await http.send<GetShareFolderMetadataResponse>({ method: 'GET', path: apiPath('sharefolder', 'metadata', id), idempotent: true }, call);
  return body.sharefolder;
}
