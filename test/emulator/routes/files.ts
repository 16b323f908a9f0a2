/**
 * File endpoints of §5.7-5.8 (D14): getFile (a POST that reads, with the space id in the body)
 * and GetFullPath. A file is found only in its owner's personal space; the caller may read their
 * own files and those of anyone they share a family group with. The optional
 * `x-hw-share-folder-id` header is accepted and has no effect here.
 */
import { API_BASE_PATH } from '../../../src/api/types';
import { noPermission, notFound } from '../errors';
import type { FileRecord } from '../files';
import type { User } from '../model';
import { requiredParam, stringField } from '../params';
import type { Route, RouteContext } from '../router';
import type { Store } from '../store';
import { fileDetails, fullPath } from '../wire';

/**
 * The file `fileId` in the space `containerId`, if `caller` may read it.
 * @throws ApiError 13000309 for an unknown file or a space that does not hold it, 13000410 when
 * the file is in the space of someone who shares no group with the caller.
 */
function readableFile(store: Store, caller: User, fileId: string, containerId: string): FileRecord {
  const record = store.files.get(fileId);
  if (!record || store.users.get(record.ownerId)?.containerId !== containerId) {
    throw notFound('file', `${fileId} in space ${containerId}`);
  }
  if (!store.mayReadSpaceOf(caller.userId, record.ownerId)) {
    throw noPermission(`File ${fileId} is in the space of a user who shares no family group with you.`, `文件 ${fileId} 所在空间的用户与您不在同一家庭群组。`);
  }
  return record;
}

async function getFile({ store, caller, params, body, links }: RouteContext): Promise<Record<string, unknown>> {
  const containerId = stringField(body, 'containerId', true);
  const record = readableFile(store, caller, params.fileId, containerId);
  const sha256 = await store.digests.sha256(record);
  // The reference does not say where the file object sits (D14); the emulator answers `data`.
  return { data: fileDetails(record, containerId, links, sha256) };
}

function getFullPath({ store, caller, query }: RouteContext): Record<string, unknown> {
  const fileId = requiredParam(query, 'fileId');
  const containerId = requiredParam(query, 'containerId');
  return fullPath(readableFile(store, caller, fileId, containerId));
}

const base = { auth: 'standard', success: 'default' } as const;

export const fileRoutes: Route[] = [
  { ...base, name: 'getFile', method: 'POST', path: `${API_BASE_PATH}/files/:fileId/detail`, body: true, handle: getFile },
  // §7.29: this page types `code` as a String, so the emulator sends "0" here (the one exception
  // to D6's "always a number"), which keeps the client's `Number(code) === 0` rule honest.
  { ...base, name: 'GetFullPath', method: 'GET', path: `${API_BASE_PATH}/files/path`, body: false, stringCode: true, handle: getFullPath },
];
