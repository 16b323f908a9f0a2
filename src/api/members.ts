import { apiPath, type CallOptions, type Http } from './http';
import type {
  Envelope, GroupMemberListResponse, InviteConfirmListResponse, InviteDetailResponse, InviteeConfirmDetail, InviteeDetail, InviteListResponse, InviteMemberResponse, MemberInfo,
} from './types';
import { Limits } from './types';
import { check, inRange } from './validate';

/** UserGroupInvite (§4.1): invites a mobile number; returns the invitation id. */
export async function inviteMember(http: Http, groupId: string, mobile: string, call?: CallOptions): Promise<string | undefined> {
  const body = await http.send<InviteMemberResponse>({ method: 'POST', path: apiPath('usergroupsInvite', 'invite', groupId), idempotent: false, query: { mobile } }, call);
  return body.inviteId;
}

/** InviteConfirm (§4.2): accept (1) or reject (0). */
export async function confirmInvite(http: Http, groupId: string, inviteId: string, accept: boolean, call?: CallOptions): Promise<void> {
  await http.send({ method: 'POST', path: apiPath('usergroupsInvite', 'inviteConfirm', groupId), idempotent: false, body: { inviteId, confirm: accept ? 1 : 0 } }, call);
}

/** InviteConfrimList (§4.3, sic): accepts the table's `details` array or the example's `detail` object. */
export async function listPendingInvites(http: Http, call?: CallOptions): Promise<InviteeConfirmDetail[]> {
  const body = await http.send<InviteConfirmListResponse>({ method: 'GET', path: apiPath('usergroupsInvite', 'inviteConfrimList'), idempotent: true }, call);
  return body.details ?? (body.detail ? [body.detail] : []);
}

/** InviteList (§4.4): every invitation of a group, with status. */
export async function listInvitees(http: Http, groupId: string, call?: CallOptions): Promise<InviteeDetail[]> {
  const body = await http.send<InviteListResponse>({ method: 'GET', path: apiPath('usergroupsInvite', 'inviteList', groupId), idempotent: true }, call);
  return body.details ?? [];
}

/** InviteDetail (§4.5). */
export async function getInvite(http: Http, inviteId: string, call?: CallOptions): Promise<InviteeConfirmDetail | undefined> {
  const body = await http.send<InviteDetailResponse>({ method: 'GET', path: apiPath('usergroupsInvite', 'detail', inviteId), idempotent: true }, call);
  return body.detail;
}

/** ShareFolderDeleteMember (§4.6): query parameters on a POST; ownerId = deleteUserId means leaving. */
export async function removeMember(http: Http, query: { ownerId: string; groupId: string; deleteUserId: string }, call?: CallOptions): Promise<void> {
  await http.send<Envelope>({ method: 'POST', path: apiPath('usergroupsInvite', 'deleteMember'), idempotent: false, query: { ...query } }, call);
}

/** GetUserGroupMemberList (§4.7): offset/limit (≤ 100). */
export async function listGroupMembers(http: Http, groupId: string, query: { offset: number; limit: number; keyWord?: string }, call?: CallOptions): Promise<{ members: MemberInfo[]; total?: number }> {
  const path = apiPath('usergroups', groupId, 'members');
  check(inRange(query.offset, 0, Number.MAX_SAFE_INTEGER) && inRange(query.limit, 1, Limits.groupMemberLimitMax), 'GET', path, 'offset must be 0 or more and limit 1-100');
  const body = await http.send<GroupMemberListResponse>({ method: 'GET', path, idempotent: true, query: { ...query } }, call);
  return { members: body.userGroupMemberInfos ?? [], total: body.total };
}
