/**
 * Supporting endpoints of §5: GetUser (§5.1) and GetUserInfo (§5.3). GetSpace is in spaces.ts.
 */
import { API_BASE_PATH } from '../../../src/api/types';
import { missing, notFound } from '../errors';
import { maskMobile } from '../ids';
import type { User } from '../model';
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

const base = { method: 'GET', body: false, success: 'default' } as const;

export const userRoutes: Route[] = [
  { ...base, name: 'GetUser', path: `${API_BASE_PATH}/users/:userId`, auth: 'standard', handle: getUser },
  // The GetUserInfo page lists only Authorization (`AT+<token>`) and X-Traceid.
  { ...base, name: 'GetUserInfo', path: `${API_BASE_PATH}/user/info`, auth: 'userInfo', handle: getUserInfo },
];
