/** Member and invitation endpoints (reference §4.1-4.7). Each throws KooDriveError; see {@link Http.send}. */
import { field, listField, objectField, optionalNumber, stringField } from './envelope';
import type { CallOptions, Http } from './http';
import { type InviteeConfirmDetail, type InviteeDetail, Limits, type MemberInfo } from './types';
import { check, inRange, isUsableId, pathFor } from './validate';

/** A 4-digit international prefix, then the subscriber number (§4.1), digits only. */
const MOBILE = /^\d{4}\d{4,16}$/;

/**
 * UserGroupInvite (§4.1): the owner invites a mobile number (`0027821234567` style) into the
 * shared folder's group. Returns the invitation id. Never retried.
 * @throws KooDriveError (`invalidInput` locally for an empty groupId or a malformed number;
 * `badResponse` when the answer has no inviteId).
 */
export async function inviteMember(http: Http, groupId: string, mobile: string, call?: CallOptions): Promise<string> {
  const path = pathFor('POST', '/usergroupsInvite/invite/{groupId}', { groupId });
  check(typeof mobile === 'string' && MOBILE.test(mobile), 'POST', path, 'mobile must be digits: a 4-digit international prefix, then the number');
  return http.send({ method: 'POST', path, idempotent: false, query: { mobile } }, (body) => stringField(body, 'inviteId'), call);
}

/**
 * InviteConfirm (§4.2): the invitee accepts (`confirm: 1`) or rejects (`confirm: 0`). Never retried.
 * @throws KooDriveError (`invalidInput` locally for an empty groupId or inviteId).
 */
export async function confirmInvite(http: Http, groupId: string, inviteId: string, accept: boolean, call?: CallOptions): Promise<void> {
  const path = pathFor('POST', '/usergroupsInvite/inviteConfirm/{groupId}', { groupId });
  check(isUsableId(inviteId), 'POST', path, 'inviteId must be a non-empty id');
  await http.send({ method: 'POST', path, idempotent: false, body: { inviteId, confirm: accept ? 1 : 0 } }, () => undefined, call);
}

/**
 * InviteConfrimList (§4.3, sic): the caller's pending invitations. Accepts the table's `details`
 * array and the example's single `detail` object (§7.19).
 * @throws KooDriveError.
 */
export async function listPendingInvites(http: Http, call?: CallOptions): Promise<InviteeConfirmDetail[]> {
  return http.send(
    { method: 'GET', path: pathFor('GET', '/usergroupsInvite/inviteConfrimList'), idempotent: true },
    (body) => (field(body, 'details') === undefined && field(body, 'detail') !== undefined ? [objectField<InviteeConfirmDetail>(body, 'detail')] : listField<InviteeConfirmDetail>(body, 'details')),
    call,
  );
}

/** InviteList (§4.4): every invitation of a group, with its status. Owner only. @throws KooDriveError. */
export async function listInvitees(http: Http, groupId: string, call?: CallOptions): Promise<InviteeDetail[]> {
  const path = pathFor('GET', '/usergroupsInvite/inviteList/{groupId}', { groupId });
  return http.send({ method: 'GET', path, idempotent: true }, (body) => listField<InviteeDetail>(body, 'details'), call);
}

/**
 * InviteDetail (§4.5): one invitation.
 * @throws KooDriveError (`badResponse` when the answer has no `detail`).
 */
export async function getInvite(http: Http, inviteId: string, call?: CallOptions): Promise<InviteeConfirmDetail> {
  const path = pathFor('GET', '/usergroupsInvite/detail/{inviteId}', { inviteId });
  return http.send({ method: 'GET', path, idempotent: true }, (body) => objectField<InviteeConfirmDetail>(body, 'detail'), call);
}

/**
 * ShareFolderDeleteMember (§4.6): query parameters on a POST, no body. `ownerId` equal to
 * `deleteUserId` means the caller leaves; otherwise the owner removes the member. Never retried.
 * @throws KooDriveError (`invalidInput` locally for an empty id).
 */
export async function removeMember(http: Http, query: { ownerId: string; groupId: string; deleteUserId: string }, call?: CallOptions): Promise<void> {
  const path = pathFor('POST', '/usergroupsInvite/deleteMember');
  check(isUsableId(query.ownerId) && isUsableId(query.groupId) && isUsableId(query.deleteUserId), 'POST', path, 'ownerId, groupId and deleteUserId must be non-empty ids');
  const { ownerId, groupId, deleteUserId } = query;
  await http.send({ method: 'POST', path, idempotent: false, query: { ownerId, groupId, deleteUserId } }, () => undefined, call);
}

/**
 * GetUserGroupMemberList (§4.7): one page of a group's members by offset/limit (limit 1-100).
 * @throws KooDriveError (`invalidInput` locally for an empty groupId, offset below 0 or limit outside 1-100).
 */
export async function listGroupMembers(http: Http, groupId: string, query: { offset: number; limit: number; keyWord?: string }, call?: CallOptions): Promise<{ members: MemberInfo[]; total?: number }> {
  const path = pathFor('GET', '/usergroups/{groupId}/members', { groupId });
  check(inRange(query.offset, 0, Number.MAX_SAFE_INTEGER) && query.offset !== undefined, 'GET', path, 'offset must be 0 or more');
  check(inRange(query.limit, 1, Limits.groupMemberLimitMax) && query.limit !== undefined, 'GET', path, `limit must be 1-${Limits.groupMemberLimitMax}`);
  const { offset, limit, keyWord } = query;
  return http.send(
    { method: 'GET', path, idempotent: true, query: { offset, limit, keyWord: keyWord || undefined } },
    (body) => ({ members: listField<MemberInfo>(body, 'userGroupMemberInfos'), total: optionalNumber(body, 'total') }),
    call,
  );
}
