/** Space endpoints (§5.4, §5.6). Each throws KooDriveError; see {@link Http.send}. */
import { listField, objectField } from './envelope';
import { KooDriveError } from './errors';
import type { CallOptions, Http } from './http';
import { Limits, type SpaceInfo, type UserSpaceQuota } from './types';
import { check, isUsableId, pathFor, segmentForMessage } from './validate';
import { API_BASE_PATH } from './types';

/**
 * GetSpace (§5.4): the personal space (`type=1`) of `ownerId`, whose `containerId` creating a
 * shared folder and reading file details need. Pass `containerId` when the user has several
 * personal spaces.
 * @throws KooDriveError (`badResponse` when the answer has no `data`).
 */
export async function getSpace(http: Http, ownerId: string, query: { containerId?: string } = {}, call?: CallOptions): Promise<SpaceInfo> {
  const path = pathFor('GET', '/space/{ownerId}', { ownerId });
  return http.send({ method: 'GET', path, idempotent: true, query: { type: '1', containerId: query.containerId || undefined } }, (body) => objectField<SpaceInfo>(body, 'data'), call);
}

/**
 * The `containerId` of a space GetSpace answered for `ownerId`.
 * @throws KooDriveError `badResponse` when the answer names none (nothing can be asked in that space).
 */
export function requireContainer(space: SpaceInfo, ownerId: string): string {
  if (!isUsableId(space.containerId)) {
    throw new KooDriveError({ kind: 'badResponse', method: 'GET', path: `${API_BASE_PATH}/space/${segmentForMessage(ownerId)}`, detail: 'GetSpace named no containerId' });
  }
  return space.containerId;
}

/**
 * GetSpaceUsageByUser (§5.6): quota and use of 1-50 users' spaces, one entry per user. A POST
 * that only reads, so it is retried like a read. Units are not documented (D21).
 * @throws KooDriveError (`invalidInput` locally for no ids, more than 50, or an empty one).
 */
export async function getSpaceUsageByUser(http: Http, userIds: string[], call?: CallOptions): Promise<UserSpaceQuota[]> {
  const path = pathFor('POST', '/space/usage/user');
  check(Array.isArray(userIds) && userIds.length >= 1 && userIds.length <= Limits.spaceUsageUserIdsMax, 'POST', path, `give 1-${Limits.spaceUsageUserIdsMax} user ids`);
  check(userIds.every(isUsableId), 'POST', path, 'every user id must be a non-empty id');
  return http.send({ method: 'POST', path, idempotent: true, body: { userIds } }, (body) => listField<UserSpaceQuota>(body, 'data'), call);
}
