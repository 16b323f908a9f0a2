/** User endpoints (§5.1, §5.3). Each throws KooDriveError; see {@link Http.send}. */
import { objectField } from './envelope';
import type { CallOptions, Http } from './http';
import type { UserInfo, UserProfile } from './types';
import { check, isUsableId, pathFor } from './validate';

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
