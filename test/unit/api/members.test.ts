import * as assert from 'node:assert/strict';
import { matching, rejectsWith, SeedIds, useEmulator } from './helpers';

const { groups, invites, users } = SeedIds;
const MEMBER_MOBILE = '0027829876543';

describe('api/members over the emulator', () => {
  const h = useEmulator();

  describe('invitations', () => {
    it('invites a mobile number and returns the invitation id', async () => {
      const inviteId = await h.client().inviteMember(groups.solo, MEMBER_MOBILE);
      assert.match(inviteId, /^\d+$/);
      const [request] = await h.requests();
      assert.equal(request.method, 'POST');
      assert.equal(request.path, `/koodrive/ose/v1/usergroupsInvite/invite/${groups.solo}`);
      assert.deepEqual(request.query, { mobile: MEMBER_MOBILE });
      assert.equal(request.body, undefined);
      assert.equal(request.headers['content-type'], undefined);
      const listed = await h.client().listInvitees(groups.solo);
      assert.ok(listed.some((invite) => invite.inviteId === inviteId && invite.status === 0));
    });

    it('refuses a malformed mobile number locally, and a non-owner remotely', async () => {
      await rejectsWith(h.client().inviteMember(groups.solo, '+27 82 987'), 'invalidInput');
      await rejectsWith(h.client().inviteMember(groups.solo, ''), 'invalidInput');
      assert.equal((await h.requests()).length, 0);
      await rejectsWith(h.client(h.member).inviteMember(groups.family, '0027761234599'), 'notPermitted');
    });

    it('lists invitees with their status', async () => {
      const details = await h.client().listInvitees(groups.family);
      const status = new Map(details.map((invite) => [invite.inviteId, invite.status]));
      assert.equal(status.get(invites.memberAccepted), 1);
      assert.equal(status.get(invites.strangerPending), 0);
      assert.equal(status.get(invites.strangerRejected), 2);
      await rejectsWith(h.client(h.member).listInvitees(groups.family), 'notPermitted');
    });

    it('shows pending invitations and one invitation in detail', async () => {
      const pending = await h.client().listPendingInvites();
      assert.deepEqual(pending.map((invite) => [invite.inviteId, invite.groupId]), [[invites.toOwnerPending, groups.outsider]]);
      const detail = await h.client().getInvite(invites.toOwnerPending);
      assert.equal(detail.shareFolderName, 'Book Club 读书会');
      assert.equal(detail.groupId, groups.outsider);
      assert.match(detail.expireTime ?? '', /UTC \d{4}$/);
      await rejectsWith(h.client().getInvite('1765143911223349999'), 'notFound');
    });

    it('accepts the example\'s single "detail" object instead of "details" (§7.19)', async () => {
      await h.emulator.control.addFault({
        pathPattern: '/inviteConfrimList$',
        fault: { type: 'status', status: 200, body: { code: 0, msg: 'success', detail: { inviteId: '1765143911223344005', groupId: '1769001122334455041', shareFolderName: '2025' } } },
      });
      const pending = await h.client().listPendingInvites();
      assert.deepEqual(pending.map((invite) => [invite.inviteId, invite.groupId, invite.shareFolderName]), [['1765143911223344005', '1769001122334455041', '2025']]);
    });

    it('accepts an invitation, after which the invitee is a member', async () => {
      const outsider = h.client(h.outsider);
      await outsider.confirmInvite(groups.solo, invites.toOutsiderPending, true);
      assert.deepEqual(await outsider.listPendingInvites(), []);
      const { members } = await h.client().listGroupMembers(groups.solo, { offset: 0, limit: 100 });
      assert.ok(members.some((member) => member.userId === users.outsider));
      const [confirm] = matching(await h.requests(), `/inviteConfirm/${groups.solo}`);
      assert.deepEqual(confirm.body, { inviteId: invites.toOutsiderPending, confirm: 1 });
    });

    it('rejects an invitation', async () => {
      await h.client().confirmInvite(groups.outsider, invites.toOwnerPending, false);
      assert.deepEqual(await h.client().listPendingInvites(), []);
      assert.deepEqual(matching(await h.requests(), '/inviteConfirm/' + groups.outsider)[0].body, { inviteId: invites.toOwnerPending, confirm: 0 });
      await rejectsWith(h.client().confirmInvite(groups.outsider, '', true), 'invalidInput');
    });
  });

  describe('members', () => {
    it('lists a group\'s members by offset and limit, with a total', async () => {
      const client = h.client();
      const all = await client.listGroupMembers(groups.family, { offset: 0, limit: 100 });
      assert.equal(all.total, 3);
      assert.deepEqual(all.members.map((member) => member.userId), [users.owner, users.member, users.relative]);
      const second = await client.listGroupMembers(groups.family, { offset: 1, limit: 1 });
      assert.deepEqual(second.members.map((member) => member.userId), [users.member]);
      await rejectsWith(client.listGroupMembers(groups.family, { offset: 0, limit: 101 }), 'invalidInput');
      await rejectsWith(client.listGroupMembers(groups.family, { offset: -1, limit: 10 }), 'invalidInput');
      assert.equal((await h.requests()).length, 2);
    });

    it('lets the owner remove a member with query parameters on a POST', async () => {
      const client = h.client();
      await client.removeMember({ ownerId: users.owner, groupId: groups.family, deleteUserId: users.member });
      const { members } = await client.listGroupMembers(groups.family, { offset: 0, limit: 100 });
      assert.ok(!members.some((member) => member.userId === users.member));
      const [request] = matching(await h.requests(), '/deleteMember');
      assert.equal(request.method, 'POST');
      assert.deepEqual(request.query, { ownerId: users.owner, groupId: groups.family, deleteUserId: users.member });
      assert.equal(request.body, undefined);
    });

    it('lets a member leave (ownerId equal to deleteUserId), but not remove others', async () => {
      await h.client().removeMember({ ownerId: users.owner, groupId: groups.joined, deleteUserId: users.owner });
      assert.ok(!(await h.client().listSharedFolders({ offset: 0, limit: 100 })).some((folder) => folder.groupId === groups.joined));
      await rejectsWith(h.client(h.member).removeMember({ ownerId: users.member, groupId: groups.family, deleteUserId: users.relative }), 'notPermitted');
      await rejectsWith(h.client().removeMember({ ownerId: users.owner, groupId: '', deleteUserId: users.member }), 'invalidInput');
    });
  });
});
