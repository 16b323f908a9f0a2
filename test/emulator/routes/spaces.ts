/**
 * Space endpoints of §5.4 and §5.6: GetSpace (the source of `containerId`) and
 * GetSpaceUsageByUser. A caller may see their own space and that of anyone they share a family
 * group with (D14: family album items are asked with their owner's container); anyone else is
 * 13000410. Units the reference leaves open are the emulator's choice: `capacity` and `quota` in
 * GB (strings), `capacityKb` and `spaceUsed` in KB (strings), `used` in KB (a number).
 */
import { API_BASE_PATH, Limits, type SpaceInfo, type UserSpaceQuota } from '../../../src/api/types';
import { invalid, missing, noPermission, notFound, outOfRange } from '../errors';
import type { User } from '../model';
import { enumParam } from '../params';
import type { Route, RouteContext } from '../router';
import type { Store } from '../store';

const KB_PER_GB = 1024 * 1024;
const YEAR_MS = 365 * 86_400_000;

/** The user `userId`, if `caller` may see their space. @throws ApiError 13000309 / 13000410. */
function visibleUser(store: Store, caller: User, userId: string): User {
  const user = store.requireUser(userId);
  if (!store.mayReadSpaceOf(caller.userId, user.userId)) {
    throw noPermission(`User ${userId} shares no family group with you.`, `用户 ${userId} 与您不在同一家庭群组。`);
  }
  return user;
}

function getSpace({ store, caller, params, query }: RouteContext): Record<string, unknown> {
  enumParam(query, 'type', ['1']);
  const owner = visibleUser(store, caller, params.ownerId);
  if (query.containerId && query.containerId !== owner.containerId) {
    throw notFound('space', query.containerId);
  }
  const data: SpaceInfo = {
    type: '1',
    status: '0',
    ownerId: owner.userId,
    containerId: owner.containerId,
    bizRootFileId: owner.bizRootFileId,
    bizSboxFileId: owner.bizSboxFileId,
    capacity: String(owner.space.quotaGb),
    capacityKb: String(owner.space.quotaGb * KB_PER_GB),
    spaceUsed: String(owner.space.usedKb),
  };
  return { data };
}

function spaceUsageByUser({ store, caller, body }: RouteContext): Record<string, unknown> {
  const userIds = body.userIds;
  if (userIds === undefined || userIds === null) {
    throw missing('userIds');
  }
  if (!Array.isArray(userIds) || !userIds.every((id) => typeof id === 'string' && id !== '')) {
    throw invalid('userIds', 'an array of user id strings');
  }
  if (userIds.length === 0 || userIds.length > Limits.spaceUsageUserIdsMax) {
    throw outOfRange('the length of userIds', `1-${Limits.spaceUsageUserIdsMax}`);
  }
  // `limit` and `offset` appear in the page's example and the enterprise table: accepted, applied.
  const offset = optionalInt(body, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const limit = optionalInt(body, 'limit', 1, Limits.spaceUsageUserIdsMax) ?? Limits.spaceUsageUserIdsMax;
  const entries = [...new Set(userIds as string[])].map((userId) => quotaOf(visibleUser(store, caller, userId)));
  return { data: entries.slice(offset, offset + limit), total: entries.length };
}

function quotaOf(user: User): UserSpaceQuota {
  const since = new Date(user.space.since).toISOString();
  return {
    userId: user.userId,
    quota: String(user.space.quotaGb),
    used: user.space.usedKb,
    createTime: since,
    effectiveTime: since,
    expirationTime: new Date(user.space.since + 10 * YEAR_MS).toISOString(),
  };
}

function optionalInt(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw outOfRange(name, `an integer from ${min} to ${max}`);
  }
  return value;
}

const base = { auth: 'standard', success: 'default' } as const;

export const spaceRoutes: Route[] = [
  { ...base, name: 'GetSpace', method: 'GET', path: `${API_BASE_PATH}/space/:ownerId`, body: false, handle: getSpace },
  { ...base, name: 'GetSpaceUsageByUser', method: 'POST', path: `${API_BASE_PATH}/space/usage/user`, body: true, handle: spaceUsageByUser },
];
