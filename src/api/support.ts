import { apiPath, type CallOptions, type Http } from './http';
import type { Envelope, GetSpaceResponse, SpaceInfo } from './types';

/** GetSpace (§5.4): the personal space, whose `containerId` creating a shared folder needs. */
export async function getSpace(http: Http, ownerId: string, query: { containerId?: string } = {}, call?: CallOptions): Promise<SpaceInfo | undefined> {
  const body = await http.send<GetSpaceResponse>({ method: 'GET', path: apiPath('space', ownerId), idempotent: true, query: { type: '1', ...query } }, call);
  return body.data;
}

/** GetUser (§5.1). */
export async function getUser(http: Http, userId: string, call?: CallOptions): Promise<Record<string, unknown> | undefined> {
  const body = await http.send<Envelope & { data?: Record<string, unknown> }>({ method: 'GET', path: apiPath('users', userId), idempotent: true }, call);
  return body.data;
}

/** GetUserInfo (§5.3): by user id or phone. */
export async function getUserInfo(http: Http, query: { userId?: string; phone?: string }, call?: CallOptions): Promise<Record<string, unknown> | undefined> {
  const body = await http.send<Envelope & { data?: Record<string, unknown> }>({ method: 'GET', path: apiPath('user', 'info'), idempotent: true, query: { ...query } }, call);
  return body.data;
}
