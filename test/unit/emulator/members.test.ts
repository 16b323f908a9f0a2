import * as assert from 'node:assert/strict';
import type { GroupMemberListResponse, InviteConfirmListResponse, InviteDetailResponse, InviteListResponse, ListShareFolderResponse } from '../../../src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, outsider, type Query } from './helpers';

const { users, groups, folders, invites } = SeedIds;

describe('emulator: members and invitations (§4)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const memberList = async (groupId: string, query: Query, user = emulator.users[0]) => {
    const result = await call(emulator, `/usergroups/${groupId}/members`, { query, user });
    return { ...result, body: result.json as GroupMemberListResponse };
  };
  const folderIds = async (user = emulator.users[0]) =>
    ((await call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 100 }, user })).json as ListShareFolderResponse).folders?.map((folder) => folder.id) ?? [];
  const pending = async (user = emulator.users[0]) => ((await call(emulator, '/usergroupsInvite/inviteConfrimList', { user })).json as InviteConfirmListResponse).details ?? [];
  const inviteList = (groupId: string, user = emulator.users[0]) => call(emulator, `/usergroupsInvite/inviteList/${groupId}`, { user });
  const invite = (groupId: string, mobile: string | undefined, user = emulator.users[0]) =>
    call(emulator, `/usergroupsInvite/invite/${groupId}`, { method: 'POST', query: mobile === undefined ? {} : { mobile }, user });
  const confirm = (groupId: string, body: unknown, user = emulator.users[0]) => call(emulator, `/usergroupsInvite/inviteConfirm/${groupId}`, { method: 'POST', body, user });
  const deleteMember = (query: Record<string, string>, user = emulator.users[0]) => call(emulator, '/usergroupsInvite/deleteMember', { method: 'POST', query, user });

  describe('GetUserGroupMemberList', () => {
    it('lists the group with total and userGroupMemberInfos', async () => {
      const { body } = await memberList(groups.family, { offset: 0, limit: 10 });
      assert.equal(body.total, 3);
      assert.deepEqual(body.userGroupMemberInfos?.map((info) => [info.userId, info.role]), [[users.owner, 1], [users.member, 2], [users.relative, 2]]);
      assert.equal(body.userGroupMemberInfos?.[1].userName, 'Zhang Min 张敏');
      assert.deepEqual((await memberList(groups.family, { offset: 1, limit: 1 })).body.userGroupMemberInfos?.map((info) => info.userId), [users.member]);
      assert.deepEqual((await memberList(groups.family, { offset: 0, limit: 10, keyWord: '张' })).body.userGroupMemberInfos?.map((info) => info.userId), [users.member]);
    });

    it('enforces offset and limit, membership and existence', async () => {
      for (const query of [{ offset: 0, limit: 0 }, { offset: 0, limit: 101 }, { offset: -1, limit: 10 }, { limit: 10 }, { offset: 0 }]) {
        assert.deepEqual(outcome(await memberList(groups.family, query)), [400, 13000102], JSON.stringify(query));
      }
      assert.deepEqual(outcome(await memberList(groups.family, { offset: 0, limit: 100 })), [200, 0]);
      assert.deepEqual(outcome(await memberList(groups.family, { offset: 0, limit: 10 }, outsider(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await memberList('123', { offset: 0, limit: 10 })), [400, 13000309]);
    });
  });

  describe('invitation lists', () => {
    it('InviteConfrimList returns `details` of pending invitations for the caller', async () => {
      const details = await pending();
      assert.deepEqual(details.map((detail) => detail.inviteId), [invites.toOwnerPending]);
      assert.equal(details[0].shareFolderName, 'Book Club 读书会');
      assert.equal(details[0].groupId, groups.outsider);
      assert.match(details[0].expireTime ?? '', /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
      assert.match(details[0].inviterPhone ?? '', /\*{4}/);
      assert.deepEqual((await pending(outsider(emulator))).map((detail) => detail.inviteId), [invites.toOutsiderPending]);
      assert.deepEqual(await pending(member(emulator)), []);
    });

    it('InviteList shows every invitation of a folder to its owner only', async () => {
      const result = await inviteList(groups.family);
      assert.deepEqual((result.json as InviteListResponse).details?.map((detail) => [detail.inviteId, detail.status]), [
        [invites.memberAccepted, 1],
        [invites.relativeAccepted, 1],
        [invites.strangerPending, 0],
        [invites.strangerRejected, 2],
      ]);
      assert.deepEqual(outcome(await inviteList(groups.family, member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await inviteList('123')), [400, 13000309]);
      assert.deepEqual(outcome(await inviteList('abc')), [400, 13000102]);
    });

    it('InviteDetail shows an invitation to its inviter and its invitee only', async () => {
      const path = `/usergroupsInvite/detail/${invites.toOutsiderPending}`;
      const result = await call(emulator, path);
      assert.equal((result.json as InviteDetailResponse).detail?.shareFolderName, 'Work Drafts 工作草稿');
      assert.deepEqual(outcome(await call(emulator, path, { user: outsider(emulator) })), [200, 0]);
      assert.deepEqual(outcome(await call(emulator, path, { user: member(emulator) })), [400, 13000410]);
      assert.deepEqual(outcome(await call(emulator, '/usergroupsInvite/detail/42')), [400, 13000309]);
    });
  });

  describe('UserGroupInvite and InviteConfirm', () => {
    it('invites by mobile; the invitee accepts and joins', async () => {
      const result = await invite(groups.family, '0027188460911');
      assert.deepEqual(outcome(result), [200, 0]);
      const inviteId = String(result.json.inviteId);
      assert.equal((await invite(groups.family, '0027188460911')).json.inviteId, inviteId, 'a pending invitation is reused');
      assert.ok((await pending(outsider(emulator))).some((detail) => detail.inviteId === inviteId));
      assert.deepEqual(outcome(await confirm(groups.family, { inviteId, confirm: 1 }, outsider(emulator))), [200, 0]);
      assert.ok((await folderIds(outsider(emulator))).includes(folders.family));
      assert.equal((await memberList(groups.family, { offset: 0, limit: 10 })).body.total, 4);
      assert.deepEqual(outcome(await confirm(groups.family, { inviteId, confirm: 1 }, outsider(emulator))), [400, 13000102], 'answered already');
    });

    it('records a rejection', async () => {
      const inviteId = invites.toOwnerPending;
      assert.deepEqual(outcome(await confirm(groups.outsider, { inviteId, confirm: 0 })), [200, 0]);
      assert.deepEqual(await pending(), []);
      assert.ok(!(await folderIds()).includes(folders.outsider));
    });

    it('rejects bad invitations', async () => {
      assert.deepEqual(outcome(await invite(groups.family, undefined)), [400, 13000102]);
      assert.deepEqual(outcome(await invite(groups.family, '12345')), [400, 13000102]);
      assert.deepEqual(outcome(await invite(groups.family, '0027829876543')), [400, 13000102], 'already a member');
      assert.deepEqual(outcome(await invite(groups.family, '0027188460911', member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await invite('77', '0027188460911')), [400, 13000309]);
    });

    it('refuses a well-formed number of no registered user with 13000309 (D20)', async () => {
      assert.deepEqual(outcome(await invite(groups.solo, '0027761234599')), [400, 13000309]);
      assert.deepEqual(outcome(await invite(groups.solo, '0086 138 0013')), [400, 13000102], 'malformed');
      assert.ok(!((await inviteList(groups.solo)).json as InviteListResponse).details?.some((detail) => detail.inviteePhone?.startsWith('002776')));
    });

    it('lets the owner invite the member by number to a folder they are not in yet; accepting joins, InviteList shows the state (D20)', async () => {
      assert.ok(!(await folderIds(member(emulator))).includes(folders.solo), 'the seed leaves the member out of Work Drafts');
      const inviteId = String((await invite(groups.solo, member(emulator).mobile)).json.inviteId);
      const mine = await pending(member(emulator));
      assert.deepEqual(mine.map((detail) => [detail.inviteId, detail.shareFolderName]), [[inviteId, 'Work Drafts 工作草稿']]);
      const statusOf = async () => ((await inviteList(groups.solo)).json as InviteListResponse).details?.find((detail) => detail.inviteId === inviteId)?.status;
      assert.equal(await statusOf(), 0);
      assert.deepEqual(outcome(await confirm(groups.solo, { inviteId, confirm: 1 }, member(emulator))), [200, 0]);
      assert.equal(await statusOf(), 1);
      assert.ok((await folderIds(member(emulator))).includes(folders.solo));
      assert.deepEqual(await pending(member(emulator)), []);
    });

    it('records a rejection in InviteList and leaves the group as it was', async () => {
      const inviteId = String((await invite(groups.solo, member(emulator).mobile)).json.inviteId);
      assert.deepEqual(outcome(await confirm(groups.solo, { inviteId, confirm: 0 }, member(emulator))), [200, 0]);
      const details = ((await inviteList(groups.solo)).json as InviteListResponse).details ?? [];
      assert.equal(details.find((detail) => detail.inviteId === inviteId)?.status, 2);
      assert.equal((await memberList(groups.solo, { offset: 0, limit: 10 })).body.total, 1);
    });

    it('rejects bad confirmations', async () => {
      const inviteId = invites.toOwnerPending;
      for (const body of [{ inviteId, confirm: 2 }, { inviteId, confirm: '1' }, { inviteId }, { confirm: 1 }]) {
        assert.deepEqual(outcome(await confirm(groups.outsider, body)), [400, 13000102], JSON.stringify(body));
      }
      assert.deepEqual(outcome(await confirm(groups.outsider, { inviteId, confirm: 1 }, member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await confirm(groups.family, { inviteId, confirm: 1 })), [400, 13000309], 'wrong group');
      assert.deepEqual(outcome(await confirm(groups.outsider, { inviteId: '5', confirm: 1 })), [400, 13000309]);
    });
  });

  describe('ShareFolderDeleteMember', () => {
    it('lets the owner remove a member, who then loses the folder and its albums', async () => {
      const result = await deleteMember({ ownerId: users.owner, groupId: groups.family, deleteUserId: users.member });
      assert.deepEqual(outcome(result), [200, 0]);
      assert.ok(!(await folderIds(member(emulator))).includes(folders.family));
      const albums = await call(emulator, '/album/list', { query: { albumKind: 2, albumType: 2, groupId: groups.family }, user: member(emulator) });
      assert.deepEqual(outcome(albums), [400, 13000410]);
      assert.deepEqual(outcome(await deleteMember({ ownerId: users.owner, groupId: groups.family, deleteUserId: users.member })), [400, 13000309]);
    });

    it('treats ownerId == deleteUserId as leaving', async () => {
      assert.deepEqual(outcome(await deleteMember({ ownerId: users.owner, groupId: groups.joined, deleteUserId: users.owner })), [200, 0]);
      assert.ok(!(await folderIds()).includes(folders.joined));
      assert.deepEqual(outcome(await deleteMember({ ownerId: users.owner, groupId: groups.family, deleteUserId: users.owner })), [400, 13000102], 'the owner cannot leave');
      assert.deepEqual(outcome(await deleteMember({ ownerId: users.member, groupId: groups.family, deleteUserId: users.member })), [400, 13000410], 'nobody leaves for someone else');
    });

    it("refuses a member who sends another user's id as ownerId, even to leave (D19)", async () => {
      const asMember = (query: Record<string, string>) => deleteMember(query, member(emulator));
      assert.deepEqual(outcome(await asMember({ ownerId: users.owner, groupId: groups.family, deleteUserId: users.member })), [400, 13000410]);
      assert.deepEqual(outcome(await asMember({ ownerId: users.owner, groupId: groups.family, deleteUserId: users.relative })), [400, 13000410]);
      assert.deepEqual(outcome(await asMember({ ownerId: users.relative, groupId: groups.family, deleteUserId: users.relative })), [400, 13000410]);
      assert.equal((await memberList(groups.family, { offset: 0, limit: 10 })).body.total, 3, 'nobody left');
      assert.deepEqual(outcome(await asMember({ ownerId: users.member, groupId: groups.family, deleteUserId: users.member })), [200, 0], 'leaving is ownerId = deleteUserId = self');
    });

    it('refuses non-owners and bad parameters', async () => {
      assert.deepEqual(outcome(await deleteMember({ ownerId: users.owner, groupId: groups.family, deleteUserId: users.relative }, member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await deleteMember({ groupId: groups.family, deleteUserId: users.member })), [400, 13000102]);
      assert.deepEqual(outcome(await deleteMember({ ownerId: users.owner, groupId: 'family', deleteUserId: users.member })), [400, 13000102]);
      assert.deepEqual(outcome(await deleteMember({ ownerId: users.owner, groupId: '99', deleteUserId: users.member })), [400, 13000309]);
    });
  });
});
