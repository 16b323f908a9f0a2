/** Supporting endpoints (reference §5.1, §5.3, §5.4, §5.6). Each throws KooDriveError; see {@link Http.send}. */
import { listField, objectField } from './envelope';
import type { CallOptions, Http } from './http';
import { Limits, type SpaceInfo, type UserInfo, type UserProfile, type UserSpaceQuota } from './types';
import { check, isUsableId, pathFor } from './validate';

/**
 * GetSpace (§5.4): the personal space (`type=1`) of `ownerId`, whose `containerId` creating a
 * shared folder needs. Pass `containerId` when the user has several personal spaces.
 * @throws KooDriveError (`badResponse` when the answer has no `data`).
 */
export async function getSpace(http: Http, ownerId: string, query: { containerId?: string } = {}, call?: CallOptions): Promise<SpaceInfo> {
  const path = pathFor('GET', '/space/{ownerId}', { ownerId });
  return http.send({ method: 'GET', path, idempotent: true, query: { type: '1', containerId: query.containerId || undefined } }, (body) => objectField<SpaceInfo>(body, 'data'), call);
}

/**
 * GetUser (§5.1): a user's profile.
 * @throws KooDriveError (`badResponse` when the answer has no `data`).
 */
export async function getUser(http: Http, userId: string, call?: CallOptions): Promise<UserProfile> {
  const path = pathFor('GET', '/users/{userId}', { userId });
  return http.send({ method: 'GET', path, idempotent: true }, (body) => objectField<UserProfile>(body, 'data'), call);
}

/**
 * GetUserInfo (§5.3): a user by id or by phone (the server ignores `phone` when `userId` is
 * given). Sent with `Authorization: Bearer`, like every call (D3), though the page shows `AT+`.
 * @throws KooDriveError (`invalidInput` locally when neither is given; `badResponse` without `data`).
 */
export async function getUserInfo(http: Http, query: { userId?: string; phone?: string }, call?: CallOptions): Promise<UserInfo> {
  const path = pathFor('GET', '/user/info');
  check(isUsableId(query.userId) || isUsableId(query.phone), 'GET', path, 'give a userId or a phone');
  const userId = query.userId || undefined;
  return http.send({ method: 'GET', path, idempotent: true, query: { userId, phone: userId ? undefined : query.phone } }, (body) => objectField<UserInfo>(body, 'data'), call);
}

/**
 * GetSpaceUsageByUser (§5.6): quota and use of 1-50 users' spaces, one entry per user. A POST
 * that only reads, so it is retried like a read. Units are not documented: the emulator sends
 * `quota` in GB and `used` in KB.
 * @throws KooDriveError (`invalidInput` locally for no ids, more than 50, or an empty one).
 */
export async function getSpaceUsageByUser(http: Http, userIds: string[], call?: CallOptions): Promise<UserSpaceQuota[]> {
  const path = pathFor('POST', '/space/usage/user');
  check(Array.isArray(userIds) && userIds.length >= 1 && userIds.length <= Limits.spaceUsageUserIdsMax, 'POST', path, `give 1-${Limits.spaceUsageUserIdsMax} user ids`);
  check(userIds.every(isUsableId), 'POST', path, 'every user id must be a non-empty id');
  return http.send({ method: 'POST', path, idempotent: true, body: { userIds } }, (body) => listField<UserSpaceQuota>(body, 'data'), call);
}
