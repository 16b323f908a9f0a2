/**
 * Shared-folder endpoints of §3: CreateShareFolder, DeleteShareFolder, ListShareFolder,
 * RenameShareFolder, GetShareFolderMetadata. Only a folder's owner may rename or delete it; a
 * deleted folder vanishes for every member.
 */
import { API_BASE_PATH, Limits } from '../../../src/api/types';
import { invalid, missing, noPermission, notFound, outOfRange, paramError } from '../errors';
import { fileId } from '../ids';
import { JsonInteger } from '../json';
import type { ShareFolderRecord } from '../model';
import { enumParam, intParam, stringField, type Body } from '../params';
import type { Route, RouteContext } from '../router';
import { addFolder } from '../seedPeople';
import type { Store } from '../store';
import { shareFolder } from '../wire';

/** §3.1 name rules: shorter than 32 characters, no emoji, not `.`/`..`, none of `<>|:*?"/` or \n \r \b \t. */
export function checkFolderName(name: string, field: string): void {
  if ([...name].length >= Limits.sharedFolderNameMaxExclusive) {
    throw outOfRange(`the length of ${field}`, `shorter than ${Limits.sharedFolderNameMaxExclusive} characters`);
  }
  if (name === '.' || name === '..' || /[<>|:*?"/\n\r\b\t]/.test(name) || /\p{Extended_Pictographic}/u.test(name)) {
    throw paramError(
      `${field} must not be "." or "..", nor contain emoji, < > | : * ? " / or control characters.`,
      `${field} 不能为 "." 或 ".."，不能包含表情符号、< > | : * ? " / 或控制字符。`,
    );
  }
}

function createShareFolder({ store, caller, body, now }: RouteContext): Record<string, unknown> {
  if (body.shareType === undefined || body.shareType === null) {
    throw missing('shareType');
  }
  if (body.shareType !== 0) {
    throw invalid('shareType', 'the integer 0 (family shared folder)');
  }
  const containerId = stringField(body, 'containerId', true);
  const name = stringField(body, 'name', true);
  checkFolderName(name, 'name');
  if (containerId !== caller.containerId) {
    if ([...store.users.values()].some((user) => user.containerId === containerId)) {
      throw noPermission(`Space ${containerId} is not your personal space.`, `空间 ${containerId} 不是您的个人空间。`);
    }
    throw notFound('space', containerId);
  }
  const id = store.newId();
  const groupId = store.newId();
  addFolder(store, id, groupId, name, caller.userId, now);
  const folder = store.requireFolder(id);
  return {
    id,
    data: {
      tenantId: folder.tenantId,
      creator: caller.userId,
      createTime: new Date(now).toISOString(),
      groupId: new JsonInteger(groupId),
      id,
      shareFolderId: fileId(`sharefolder/${id}`),
    },
  };
}

function deleteShareFolder({ store, caller, body }: RouteContext): Record<string, unknown> {
  const folder = ownFolder(store, folderIdOf(body), caller.userId, 'delete');
  folder.status = 1;
  return {};
}

/** D9: `id` is a string, or an array of exactly one string (the page's example). */
function folderIdOf(body: Body): string {
  const id = body.id;
  if (id === undefined || id === null || id === '') {
    throw missing('id');
  }
  if (typeof id === 'string') {
    return id;
  }
  if (Array.isArray(id) && id.length === 1 && typeof id[0] === 'string' && id[0] !== '') {
    return id[0];
  }
  throw invalid('id', 'a shared-folder id string (or an array of exactly one)');
}

function listShareFolder({ store, caller, query }: RouteContext): Record<string, unknown> {
  const offset = intParam(query, 'offset', { min: 0 });
  const limit = intParam(query, 'limit', { min: 1, max: Limits.sharedFolderLimitMax });
  const keyWord = query.keyWord ?? '';
  if ([...keyWord].length > Limits.keyWordMax) {
    throw outOfRange('the length of keyWord', `at most ${Limits.keyWordMax}`);
  }
  const status = Number(enumParam(query, 'status', ['0', '1'], '0'));
  const queryType = enumParam(query, 'queryType', ['0', '1', '2'], '0');
  const needle = keyWord.toLowerCase();
  const matches: ShareFolderRecord[] = [];
  for (const folder of store.folders.values()) {
    const isMember = store.groups.get(folder.groupId)?.members.has(caller.userId) ?? false;
    const isOwner = folder.ownerId === caller.userId;
    const wanted = queryType === '0' ? isMember : queryType === '1' ? isOwner : isMember && !isOwner;
    if (folder.status === status && wanted && folder.name.toLowerCase().includes(needle)) {
      matches.push(folder);
    }
  }
  // No `total` (§3.3): the client ends on a short page.
  return { folders: matches.slice(offset, offset + limit).map(shareFolder) };
}

function renameShareFolder({ store, caller, body }: RouteContext): Record<string, unknown> {
  const id = stringField(body, 'id', true);
  const fileName = stringField(body, 'fileName', true);
  const folder = ownFolder(store, id, caller.userId, 'rename');
  checkFolderName(fileName, 'fileName');
  folder.name = fileName;
  return { id };
}

function getShareFolderMetadata({ store, caller, params }: RouteContext): Record<string, unknown> {
  const id = params.shareFolderId;
  if (id.length > 100) {
    throw outOfRange('the length of shareFolderId', 'at most 100');
  }
  const folder = store.requireFolder(id);
  store.requireMembership(folder.groupId, caller.userId);
  return { sharefolder: shareFolder(folder) };
}

function ownFolder(store: Store, id: string, userId: string, verb: string): ShareFolderRecord {
  const folder = store.requireFolder(id);
  if (folder.ownerId !== userId) {
    throw noPermission(`Only the owner of shared folder ${id} may ${verb} it.`, `只有共享文件夹 ${id} 的所有者可以执行此操作。`);
  }
  return folder;
}

const base = { auth: 'standard', success: 'default' } as const;
const path = `${API_BASE_PATH}/sharefolder`;

export const sharedFolderRoutes: Route[] = [
  { ...base, name: 'CreateShareFolder', method: 'POST', path: `${path}/create`, body: true, handle: createShareFolder },
  { ...base, name: 'DeleteShareFolder', method: 'POST', path: `${path}/delete`, body: true, handle: deleteShareFolder },
  { ...base, name: 'ListShareFolder', method: 'GET', path: `${path}/list`, body: false, handle: listShareFolder },
  { ...base, name: 'RenameShareFolder', method: 'POST', path: `${path}/rename`, body: true, handle: renameShareFolder },
  { ...base, name: 'GetShareFolderMetadata', method: 'GET', path: `${path}/metadata/:shareFolderId`, body: false, handle: getShareFolderMetadata },
];
