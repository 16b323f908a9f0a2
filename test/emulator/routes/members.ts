/**
 * Member endpoints: ShareFolderDeleteMember (§4.6: removal by the owner, or leaving when
 * `ownerId` equals `deleteUserId`) and GetUserGroupMemberList (§4.7).
 */
import { API_BASE_PATH, Limits, type MemberInfo } from '../../../src/api/types';
import { invalid, noPermission, notFound, paramError } from '../errors';
import { maskMobile } from '../ids';
import { intParam, requiredParam, type Query } from '../params';
import type { Route, RouteContext } from '../router';

/** A Long query parameter: digits only. */
function longQuery(query: Query, name: string): string {
  const value = requiredParam(query, name);
  if (!/^\d{1,20}$/.test(value)) {
    throw invalid(name, 'a numeric id');
  }
  return value;
}

function deleteMember({ store, caller, query }: RouteContext): Record<string, unknown> {
  const ownerId = longQuery(query, 'ownerId');
  const groupId = longQuery(query, 'groupId');
  const deleteUserId = requiredParam(query, 'deleteUserId');
  const group = store.requireGroup(groupId);
  const folder = store.folderOfGroup(group);
  if (ownerId === deleteUserId) {
    // Leaving: only the user themself, and never the folder's owner (who deletes it instead).
    if (caller.userId !== deleteUserId || !group.members.has(caller.userId)) {
      throw noPermission(`Only user ${deleteUserId} can leave group ${groupId}, as a member.`, `只有成员 ${deleteUserId} 本人可以退出群组 ${groupId}。`);
    }
    if (folder.ownerId === caller.userId) {
      throw paramError('The owner cannot leave the shared folder; delete it instead.', '所有者不能退出共享文件夹，请删除该文件夹。');
    }
  } else {
    if (folder.ownerId !== caller.userId) {
      throw noPermission(`Only the owner of group ${groupId} may remove members.`, `只有群组 ${groupId} 的所有者可以移除成员。`);
    }
    if (ownerId !== folder.ownerId) {
      throw paramError(`ownerId ${ownerId} is not the owner of group ${groupId}.`, `ownerId ${ownerId} 不是群组 ${groupId} 的所有者。`);
    }
    if (!group.members.has(deleteUserId)) {
      throw notFound('member', deleteUserId);
    }
  }
  group.members.delete(deleteUserId);
  return {};
}

function memberList({ store, caller, params, query }: RouteContext): Record<string, unknown> {
  const groupId = params.group_id;
  const offset = intParam(query, 'offset', { min: 0 });
  const limit = intParam(query, 'limit', { min: 1, max: Limits.groupMemberLimitMax });
  const group = store.requireMembership(groupId, caller.userId);
  const needle = (query.keyWord ?? '').toLowerCase();
  const infos: MemberInfo[] = [];
  for (const membership of group.members.values()) {
    const user = store.users.get(membership.userId);
    if (!user || !user.name.toLowerCase().includes(needle)) {
      continue;
    }
    const joined = new Date(membership.joinTime).toISOString();
    infos.push({ userId: user.userId, userName: user.name, mobile: maskMobile(user.mobile), createdTime: joined, updatedTime: joined, role: membership.role, top: 0 });
  }
  return { total: infos.length, userGroupMemberInfos: infos.slice(offset, offset + limit) };
}

export const memberRoutes: Route[] = [
  {
    name: 'ShareFolderDeleteMember',
    method: 'POST',
    path: `${API_BASE_PATH}/usergroupsInvite/deleteMember`,
    auth: 'standard',
    body: false,
    success: 'default',
    handle: deleteMember,
  },
  {
    // The carrier page lists no X-User-Id / X-Date for this endpoint.
    name: 'GetUserGroupMemberList',
    method: 'GET',
    path: `${API_BASE_PATH}/usergroups/:group_id/members`,
    auth: 'relaxed',
    body: false,
    success: 'default',
    handle: memberList,
  },
];
