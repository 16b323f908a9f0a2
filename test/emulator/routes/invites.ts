/**
 * Invitation endpoints of §4.1-4.5: UserGroupInvite, InviteConfirm, InviteConfrimList (sic),
 * InviteList, InviteDetail. Invitations address a mobile number; the invitee is whichever user
 * has that number. Only a folder's owner invites and sees the invitation list.
 */
import { API_BASE_PATH } from '../../../src/api/types';
import { invalid, missing, noPermission, notFound, paramError } from '../errors';
import type { Group, Invite } from '../model';
import { requiredParam, stringField } from '../params';
import type { Route, RouteContext } from '../router';
import type { Store } from '../store';
import { inviteeConfirmDetail, inviteeDetail } from '../wire';

const INVITE_VALIDITY_MS = 24 * 3_600_000;

/** A Long path parameter (groupId, inviteId): digits only. */
function longParam(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (!/^\d{1,20}$/.test(value)) {
    throw invalid(name, 'a numeric id');
  }
  return value;
}

/** The group of a live folder the caller owns. @throws ApiError 13000309 / 13000410. */
function ownedGroup(store: Store, groupId: string, userId: string): Group {
  const group = store.requireGroup(groupId);
  if (store.folderOfGroup(group).ownerId !== userId) {
    throw noPermission(`Only the owner of group ${groupId} may manage its invitations.`, `只有群组 ${groupId} 的所有者可以管理邀请。`);
  }
  return group;
}

function invite({ store, caller, params, query, now }: RouteContext): Record<string, unknown> {
  const groupId = longParam(params, 'groupId');
  const mobile = requiredParam(query, 'mobile');
  // §4.1: a 4-digit international prefix, then the subscriber number.
  if (!/^00\d{2}\d{6,13}$/.test(mobile)) {
    throw invalid('mobile', 'a 4-digit international prefix followed by the subscriber number, e.g. 0027821234567');
  }
  const group = ownedGroup(store, groupId, caller.userId);
  const invitee = store.userByMobile(mobile);
  if (!invitee) {
    // D20: a well-formed number of no registered user. 13000309, the emulator's choice: like
    // GetUserInfo by an unknown phone, the resource (a user with that number) does not exist.
    throw notFound('user with mobile', mobile);
  }
  if (group.members.has(invitee.userId)) {
    throw paramError(`${mobile} is already a member of group ${groupId}.`, `${mobile} 已是群组 ${groupId} 的成员。`);
  }
  checkRoom(store, group);
  const pending = [...store.invites.values()].find((item) => item.groupId === groupId && item.inviteeMobile === mobile && item.status === 0 && item.expireTime >= now);
  if (pending) {
    return { inviteId: pending.inviteId };
  }
  const created: Invite = { inviteId: store.newId(), groupId, inviterId: caller.userId, inviteeMobile: mobile, createTime: now, expireTime: now + INVITE_VALIDITY_MS, status: 0 };
  store.invites.set(created.inviteId, created);
  return { inviteId: created.inviteId };
}

function checkRoom(store: Store, group: Group): void {
  const folder = store.folderOfGroup(group);
  if (group.members.size >= folder.maxMember) {
    throw paramError(`Shared folder ${folder.id} already has ${folder.maxMember} members.`, `共享文件夹 ${folder.id} 成员已满（${folder.maxMember} 人）。`);
  }
}

function inviteConfirm({ store, caller, params, body, now }: RouteContext): Record<string, unknown> {
  const groupId = longParam(params, 'groupId');
  const inviteId = stringField(body, 'inviteId', true);
  const confirm = body.confirm;
  if (confirm === undefined || confirm === null) {
    throw missing('confirm');
  }
  if (confirm !== 0 && confirm !== 1) {
    throw invalid('confirm', 'the integer 0 (reject) or 1 (accept)');
  }
  const found = store.invites.get(inviteId);
  if (!found || found.groupId !== groupId) {
    throw notFound('invitation', inviteId);
  }
  const group = store.requireGroup(groupId);
  if (found.inviteeMobile !== caller.mobile) {
    throw noPermission(`Invitation ${inviteId} is addressed to someone else.`, `邀请 ${inviteId} 不是发给您的。`);
  }
  if (found.status !== 0) {
    throw paramError(`Invitation ${inviteId} has already been answered.`, `邀请 ${inviteId} 已处理。`);
  }
  if (found.expireTime < now) {
    throw paramError(`Invitation ${inviteId} has expired.`, `邀请 ${inviteId} 已过期。`);
  }
  if (confirm === 1) {
    checkRoom(store, group);
    group.members.set(caller.userId, { userId: caller.userId, role: 2, joinTime: now });
  }
  found.status = confirm === 1 ? 1 : 2;
  return {};
}

function inviteConfirmList({ store, caller, now }: RouteContext): Record<string, unknown> {
  const details = [...store.invites.values()]
    .filter((item) => item.inviteeMobile === caller.mobile && item.status === 0 && item.expireTime >= now)
    .filter((item) => store.folders.get(store.groups.get(item.groupId)?.folderId ?? '')?.status === 0)
    .map((item) => inviteeConfirmDetail(item, store.folderOfGroup(store.requireGroup(item.groupId)), store.users.get(item.inviterId)));
  return { details };
}

function inviteList({ store, caller, params }: RouteContext): Record<string, unknown> {
  const groupId = longParam(params, 'groupId');
  ownedGroup(store, groupId, caller.userId);
  const details = [...store.invites.values()].filter((item) => item.groupId === groupId).map(inviteeDetail);
  return { details };
}

function inviteDetail({ store, caller, params }: RouteContext): Record<string, unknown> {
  const inviteId = longParam(params, 'inviteId');
  const found = store.invites.get(inviteId);
  if (!found) {
    throw notFound('invitation', inviteId);
  }
  const folder = store.folderOfGroup(store.requireGroup(found.groupId));
  if (folder.ownerId !== caller.userId && found.inviteeMobile !== caller.mobile) {
    throw noPermission(`Invitation ${inviteId} is neither from nor to you.`, `邀请 ${inviteId} 与您无关。`);
  }
  return { detail: inviteeConfirmDetail(found, folder, store.users.get(found.inviterId)) };
}

const base = { auth: 'standard', success: 'default' } as const;
const path = `${API_BASE_PATH}/usergroupsInvite`;

export const inviteRoutes: Route[] = [
  { ...base, name: 'UserGroupInvite', method: 'POST', path: `${path}/invite/:groupId`, body: false, handle: invite },
  { ...base, name: 'InviteConfirm', method: 'POST', path: `${path}/inviteConfirm/:groupId`, body: true, handle: inviteConfirm },
  { ...base, name: 'InviteConfrimList', method: 'GET', path: `${path}/inviteConfrimList`, body: false, handle: inviteConfirmList },
  { ...base, name: 'InviteList', method: 'GET', path: `${path}/inviteList/:groupId`, body: false, handle: inviteList },
  { ...base, name: 'InviteDetail', method: 'GET', path: `${path}/detail/:inviteId`, body: false, handle: inviteDetail },
];
