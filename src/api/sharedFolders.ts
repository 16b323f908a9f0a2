/** Shared-folder endpoints (reference §3.1-3.5). Each throws KooDriveError; see {@link Http.send}. */
import { listField, objectField, optionalString, ShapeError } from './envelope';
import type { CallOptions, Http } from './http';
import { type CreateShareFolderInfo, Limits, type ShareFolder, type ShareFolderQueryType } from './types';
import { check, inRange, isUsableId, oneOf, pathFor, sharedFolderNameProblem } from './validate';

/** Query of ListShareFolder (§3.3): offset paging, no total. */
export interface ListSharedFoldersQuery {
  /** From 0. */
  offset: number;
  /** 1-1000. */
  limit: number;
  /** At most 32 characters. */
  keyWord?: string;
  /** '0' normal (default), '1' deleted. */
  status?: '0' | '1';
  /** 0 all, 1 created by me, 2 joined. */
  queryType?: ShareFolderQueryType;
}

/**
 * ListShareFolder (§3.3): one page by offset/limit. The answer has no total: a page shorter
 * than `limit` is the last.
 * @throws KooDriveError `invalidInput` locally for offset below 0, limit outside 1-1000, a
 * keyWord over 32 characters, or an unknown status / queryType.
 */
export async function listSharedFolders(http: Http, query: ListSharedFoldersQuery, call?: CallOptions): Promise<ShareFolder[]> {
  const path = pathFor('GET', '/sharefolder/list');
  check(inRange(query.offset, 0, Number.MAX_SAFE_INTEGER) && query.offset !== undefined, 'GET', path, 'offset must be 0 or more');
  check(inRange(query.limit, 1, Limits.sharedFolderLimitMax) && query.limit !== undefined, 'GET', path, `limit must be 1-${Limits.sharedFolderLimitMax}`);
  check([...(query.keyWord ?? '')].length <= Limits.keyWordMax, 'GET', path, `keyWord has at most ${Limits.keyWordMax} characters`);
  check(oneOf(query.status, ['0', '1']) && oneOf(query.queryType, [0, 1, 2]), 'GET', path, 'status must be "0" or "1" and queryType 0, 1 or 2');
  const { offset, limit, keyWord, status, queryType } = query;
  return http.send(
    { method: 'GET', path, idempotent: true, query: { offset, limit, keyWord: keyWord || undefined, status, queryType } },
    (body) => listField<ShareFolder>(body, 'folders'),
    call,
  );
}

/**
 * CreateShareFolder (§3.1): a family shared folder (shareType 0) in the owner's personal space
 * (`containerId`, from getSpace). Returns `data`, whose `groupId` keeps every digit (D8).
 * Never retried.
 * @throws KooDriveError `invalidInput` locally for an empty containerId or a name the
 * reference forbids; `badResponse` when the answer carries no folder id.
 */
export async function createSharedFolder(http: Http, request: { containerId: string; name: string }, call?: CallOptions): Promise<CreateShareFolderInfo> {
  const path = pathFor('POST', '/sharefolder/create');
  check(isUsableId(request.containerId), 'POST', path, 'containerId must be a non-empty id');
  const problem = sharedFolderNameProblem(request.name);
  check(problem === undefined, 'POST', path, problem ?? '');
  return http.send(
    { method: 'POST', path, idempotent: false, body: { shareType: 0, containerId: request.containerId, name: request.name } },
    (body) => {
      const data = body.data !== null && typeof body.data === 'object' && !Array.isArray(body.data) ? (body.data as Partial<CreateShareFolderInfo>) : {};
      const id = optionalString(body, 'id'); // top level, else data.id
      if (!id) {
        throw new ShapeError('the answer has no shared-folder id');
      }
      return { ...data, id };
    },
    call,
  );
}

/**
 * DeleteShareFolder (§3.2, D9): POST `{"id": "<id>"}`. Only the owner may delete; a member
 * gets `notPermitted`. Never retried.
 * @throws KooDriveError (`invalidInput` locally for an empty id).
 */
export async function deleteSharedFolder(http: Http, id: string, call?: CallOptions): Promise<void> {
  const path = pathFor('POST', '/sharefolder/delete');
  check(isUsableId(id), 'POST', path, 'id must be a non-empty id');
  await http.send({ method: 'POST', path, idempotent: false, body: { id } }, () => undefined, call);
}

/**
 * RenameShareFolder (§3.4). Only the owner may rename. Never retried.
 * @throws KooDriveError `invalidInput` locally for an empty id or a name the reference forbids.
 */
export async function renameSharedFolder(http: Http, id: string, fileName: string, call?: CallOptions): Promise<void> {
  const path = pathFor('POST', '/sharefolder/rename');
  check(isUsableId(id), 'POST', path, 'id must be a non-empty id');
  const problem = sharedFolderNameProblem(fileName);
  check(problem === undefined, 'POST', path, problem ?? '');
  await http.send({ method: 'POST', path, idempotent: false, body: { id, fileName } }, () => undefined, call);
}

/**
 * GetShareFolderMetadata (§3.5): one folder by its primary key (`ShareFolder.id`, not the file
 * id). The answer's field is `sharefolder`, lower-case f.
 * @throws KooDriveError (`invalidInput` locally for an empty id or one over 100 characters;
 * `badResponse` when the answer has no `sharefolder`).
 */
export async function getSharedFolder(http: Http, id: string, call?: CallOptions): Promise<ShareFolder> {
  const path = pathFor('GET', '/sharefolder/metadata/{shareFolderId}', { shareFolderId: id });
  check(id.length <= Limits.shareFolderIdMax, 'GET', path, `the id has at most ${Limits.shareFolderIdMax} characters`);
  return http.send({ method: 'GET', path, idempotent: true }, (body) => objectField<ShareFolder>(body, 'sharefolder'), call);
}
