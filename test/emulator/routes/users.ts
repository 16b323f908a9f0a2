/**
 * Supporting endpoints of §5: GetUser (§5.1), GetUserInfo (§5.3) and GetSpace (§5.4, the source
 * of `containerId`).
 */
import { API_BASE_PATH, type SpaceInfo } from '../../../src/api/types';
import { missing, noPermission, notFound } from '../errors';
import { maskMobile } from '../ids';
import type { User } from '../model';
import { enumParam } from '../params';
import type { Route, RouteContext } from '../router';

function getUser({ store, params }: RouteContext): Record<string, unknown> {
  const user = store.requireUser(params.userId);
  return { data: { name: user.name, userId: user.userId, mobile: maskMobile(user.mobile), role: 1, status: 0, id: user.thirdPartyId } };
}

function getUserInfo({ store, query }: RouteContext): Record<string, unknown> {
  let user: User | undefined;
  // §5.3: when userId is given, phone is ignored.
  if (query.userId) {
    user = store.requireUser(query.userId);
  } else if (query.phone) {
    user = store.userByMobile(query.phone);
    if (!user) {
      throw notFound('user with phone', query.phone);
    }
  } else {
    throw missing('userId or phone');
  }
  return { data: { userId: user.userId, firstname: user.firstname, surname: user.surname, phone: user.mobile, email: user.email } };
}

function getSpace({ store, caller, params, query }: RouteContext): Record<string, unknown> {
  enumParam(query, 'type', ['1']);
  const owner = store.requireUser(params.ownerId);
  if (owner.userId !== caller.userId) {
    throw noPermission('You can only query your own space.', '只能查询自己的空间。');
  }
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
    capacity: '200',
  };
  return { data };
}

const base = { method: 'GET', body: false, success: 'default' } as const;

export const userRoutes: Route[] = [
  { ...base, name: 'GetUser', path: `${API_BASE_PATH}/users/:userId`, auth: 'standard', handle: getUser },
  // The GetUserInfo page lists only Authorization (`AT+<token>`) and X-Traceid.
  { ...base, name: 'GetUserInfo', path: `${API_BASE_PATH}/user/info`, auth: 'userInfo', handle: getUserInfo },
  { ...base, name: 'GetSpace', path: `${API_BASE_PATH}/space/:ownerId`, auth: 'standard', handle: getSpace },
];
