import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { SeedIds } from '../emulator/server';
import { type Fixture, fixture, folderRow, labelOf, row, rows, signIn } from './fixture';

const EXPIRED = { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } as const;
const NO_PERMISSION = { type: 'status', status: 400, body: { code: 13000410, msg: 'No permission.' } } as const;

describe('Members and invitations of a shared folder', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });


  /** Everything the user was shown: messages, questions and input prompts. */
  function shown(): string {
    return [...fx.prompter.notifications.map((n) => n.message), ...fx.prompter.asked, ...fx.prompter.progressMessages].join('\n');
  }

  describe('Invite Member', () => {
    it('looks the number up, names the person with the number masked, invites, and lists the invitation', async () => {
      await signIn(fx, fx.owner);
      const drafts = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
      assert.match(drafts.treeItem().contextValue ?? '', /(^|;)canInvite(;|$)/);
      fx.prompter.script(
        { input: '+27 82-987 6543', prompt: /in the documented form: a 4-digit international prefix/ },
        { confirm: true, message: /^Invite Min Zhang \(0027\*\*\*\*543\) to the shared folder “Work Drafts 工作草稿”\?/ },
      );
      await vscode.commands.executeCommand(CommandId.inviteMember, drafts);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Invited Min Zhang \(0027\*\*\*\*543\) to “Work Drafts 工作草稿”/);
      const requests = await fx.emulator.control.requests();
      assert.deepEqual(requests.find((r) => r.path.endsWith('/user/info'))?.query, { phone: '0027829876543' });
      const invite = requests.find((r) => r.path.includes('/usergroupsInvite/invite/'));
      assert.equal(invite?.path, `/koodrive/ose/v1/usergroupsInvite/invite/${SeedIds.groups.solo}`);
      assert.deepEqual(invite?.query, { mobile: '0027829876543' });
      assert.ok(!shown().includes('829876543'), 'the number is masked everywhere after it was typed');
      const invitations = await rows(fx.ctx.sharedFolders, 'Created by me', 'Work Drafts 工作草稿', 'Invitations');
      assert.ok(invitations.some((node) => /\*\*\*\*543$/.test(labelOf(node)) && /^pending · expires /.test(String(node.treeItem().description))), JSON.stringify(invitations.map(labelOf)));
      const asMember = fx.ctx.makeClient({ userId: () => fx.member.userId, getToken: () => Promise.resolve(fx.member.token) });
      assert.ok((await asMember.listPendingInvites()).some((each) => each.groupId === SeedIds.groups.solo), 'the member sees it');
    });

    it('invites nobody when KooDrive knows no user with the number, and refuses a malformed one as it is typed', async () => {
      await signIn(fx, fx.owner);
      const drafts = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
      fx.prompter.script({ input: '0086 139 0000 0000' }, { input: '138 0013 8000' });
      await vscode.commands.executeCommand(CommandId.inviteMember, drafts);
      await fx.prompter.waitForNotification(/^No KooDrive user has the number 0086\*\*\*\*000, so nobody was invited\./);
      await vscode.commands.executeCommand(CommandId.inviteMember, drafts);
      assert.match(fx.prompter.unexpected.join('\n'), /Enter the number with its international prefix, for example 0086 138 0013 8000 or \+86 13800138000\./);
      assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.includes('/invite/')).length, 0);
    });

    it('from the palette offers only folders the user created; a declined confirmation sends nothing', async () => {
      await signIn(fx, fx.owner);
      let offered: string[] = [];
      fx.prompter.script({ pick: (labels) => { offered = labels; return ['Family Photos 家庭相册']; } }, { input: '0027188460911' }, { confirm: false, message: /Invite Jie Chen/ });
      await vscode.commands.executeCommand(CommandId.inviteMember);
      assert.deepEqual(fx.prompter.unexpected, []);
      assert.deepEqual(offered.sort(), ['Family Photos 家庭相册', 'Work Drafts 工作草稿']);
      assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.includes('/invite/')).length, 0);
    });

    it('words a refusal with its trace id; resumes after a 401 and invites once', async () => {
      await signIn(fx, fx.owner);
      const drafts = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
      await fx.emulator.control.addFault({ pathPattern: 'usergroupsInvite/invite/', fault: NO_PERMISSION });
      fx.prompter.script({ input: '0027829876543' }, { confirm: true });
      await vscode.commands.executeCommand(CommandId.inviteMember, drafts);
      await fx.prompter.waitForNotification(/^Invite Member failed: KooDrive says you are not allowed to do this: 13000410 No permission\. Trace id: \S{58}$/);
      await fx.emulator.control.addFault({ pathPattern: 'usergroupsInvite/invite/', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: '0027829876543' }, { confirm: true }, { input: fx.owner.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.inviteMember, drafts);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Invited Min Zhang/);
    });

    it('is not offered to a member, and explains why when forced', async () => {
      await signIn(fx, fx.member);
      const family = await folderRow(fx, 'Joined', 'Family Photos 家庭相册');
      assert.doesNotMatch(family.treeItem().contextValue ?? '', /canInvite/);
      assert.ok(!(await fx.ctx.sharedFolders.getChildren(family)).map(labelOf).includes('Invitations'), 'members see no Invitations row');
      await vscode.commands.executeCommand(CommandId.inviteMember, family);
      await fx.prompter.waitForNotification(/^Only the owner of “Family Photos 家庭相册” can invite members/);
    });
  });

  it('lists an owned folder’s invitees with their state, numbers masked', async () => {
    await signIn(fx, fx.owner);
    const invitations = await rows(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册', 'Invitations');
    const shownRows = invitations.map((node) => `${labelOf(node)} | ${String(node.treeItem().description)}`).sort();
    assert.equal(shownRows.length, 4);
    assert.match(shownRows.join('\n'), /\*\*\*\*543 \| accepted · sent 2025-09-01 02:40/);
    assert.match(shownRows.join('\n'), /\*\*\*\*500 \| pending · expires /);
    assert.match(shownRows.join('\n'), /\*\*\*\*111 \| rejected · sent 2025-09-03 08:00/);
    assert.ok(!shownRows.join('\n').includes('761234500'));
  });

  describe('Remove Member', () => {
    it('removes a member named in the confirmation; the members list is re-read', async () => {
      await signIn(fx, fx.owner);
      const zhang = await row(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册', 'Zhang Min 张敏');
      assert.match(zhang.treeItem().contextValue ?? '', /(^|;)removableMember(;|$)/);
      fx.prompter.script({ confirm: true, message: /^Remove Zhang Min 张敏 from the shared folder “Family Photos 家庭相册”\?/ });
      await vscode.commands.executeCommand(CommandId.removeMember, zhang);
      await fx.prompter.waitForNotification(/^Removed Zhang Min 张敏 from the shared folder “Family Photos 家庭相册”\.$/);
      const request = (await fx.emulator.control.requests()).find((r) => r.path.endsWith('/deleteMember'));
      assert.deepEqual(request?.query, { ownerId: fx.owner.userId, groupId: SeedIds.groups.family, deleteUserId: fx.member.userId }, 'D19: ownerId is the caller');
      assert.ok(!(await rows(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册')).map(labelOf).includes('Zhang Min 张敏'));
    });

    it('from the palette: a folder, then a member (never the owner); declining removes nobody', async () => {
      await signIn(fx, fx.owner);
      let members: string[] = [];
      fx.prompter.script(
        { pick: (labels) => labels.filter((label) => label === 'Family Photos 家庭相册') },
        { pick: (labels) => { members = labels; return ['Zhao Lei 赵磊']; } },
        { confirm: false, message: /Remove Zhao Lei 赵磊/ },
      );
      await vscode.commands.executeCommand(CommandId.removeMember);
      assert.deepEqual(fx.prompter.unexpected, []);
      assert.deepEqual(members.sort(), ['Zhang Min 张敏', 'Zhao Lei 赵磊']);
      assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/deleteMember')).length, 0);
    });

    it('words a refusal with its trace id and re-reads the folder; resumes after a 401', async () => {
      await signIn(fx, fx.owner);
      await fx.emulator.control.addFault({ pathPattern: 'deleteMember', fault: NO_PERMISSION });
      fx.prompter.script({ confirm: true });
      await vscode.commands.executeCommand(CommandId.removeMember, await row(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册', 'Zhang Min 张敏'));
      await fx.prompter.waitForNotification(/^Remove Member failed: KooDrive says you are not allowed to do this: 13000410 No permission\. Trace id: \S{58}$/);
      assert.ok((await rows(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册')).map(labelOf).includes('Zhang Min 张敏'));
      await fx.emulator.control.addFault({ pathPattern: 'deleteMember', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ confirm: true }, { input: fx.owner.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.removeMember, await row(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册', 'Zhang Min 张敏'));
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Removed Zhang Min 张敏/);
    });
  });

  it('offers a member no removal of others, and explains why when forced', async () => {
    await signIn(fx, fx.member);
    const relative = await row(fx.ctx.sharedFolders, 'Joined', 'Family Photos 家庭相册', 'Zhao Lei 赵磊');
    assert.doesNotMatch(relative.treeItem().contextValue ?? '', /removableMember/);
    await vscode.commands.executeCommand(CommandId.removeMember, relative);
    await fx.prompter.waitForNotification(/^Only the owner of “Family Photos 家庭相册” can remove members\.$/);
    assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/deleteMember')).length, 0);
  });

  describe('Leave Shared Folder', () => {
    it('as a member, leaves after a confirmation: the folder leaves Joined, its family albums the Albums tree', async () => {
      await signIn(fx, fx.member);
      const family = await folderRow(fx, 'Joined', 'Family Photos 家庭相册');
      assert.match(family.treeItem().contextValue ?? '', /(^|;)canLeave(;|$)/);
      assert.ok((await rows(fx.ctx.albums, 'Family', 'Manual')).map(labelOf).includes('Reunion Dinner 团圆饭'));
      fx.prompter.script({ confirm: true, message: /^Leave the shared folder “Family Photos 家庭相册”\?/ });
      await vscode.commands.executeCommand(CommandId.leaveSharedFolder, family);
      await fx.prompter.waitForNotification(/^You left the shared folder “Family Photos 家庭相册”\.$/);
      const request = (await fx.emulator.control.requests()).find((r) => r.path.endsWith('/deleteMember'));
      assert.deepEqual(request?.query, { ownerId: fx.member.userId, groupId: SeedIds.groups.family, deleteUserId: fx.member.userId }, 'D19: leaving is ownerId = deleteUserId = self');
      assert.ok(!(await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf).includes('Family Photos 家庭相册'));
      assert.ok(!(await rows(fx.ctx.albums, 'Family', 'Manual')).map(labelOf).includes('Reunion Dinner 团圆饭'));
    });

    it('as the owner of a folder, refuses to leave it; from the palette offers only joined folders', async () => {
      await signIn(fx, fx.owner);
      await vscode.commands.executeCommand(CommandId.leaveSharedFolder, await folderRow(fx, 'Created by me', 'Family Photos 家庭相册'));
      await fx.prompter.waitForNotification(/^You own “Family Photos 家庭相册”, so you cannot leave it/);
      let offered: string[] = [];
      fx.prompter.script({ pick: (labels) => { offered = labels; return []; } });
      await vscode.commands.executeCommand(CommandId.leaveSharedFolder);
      assert.deepEqual(offered, ['Zhang Family 张家']);
      assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/deleteMember')).length, 0);
    });

    it('words a refusal with its trace id; declining keeps the folder; resumes after a 401', async () => {
      await signIn(fx, fx.member);
      fx.prompter.script({ confirm: false });
      await vscode.commands.executeCommand(CommandId.leaveSharedFolder, await folderRow(fx, 'Joined', 'Family Photos 家庭相册'));
      await fx.emulator.control.addFault({ pathPattern: 'deleteMember', fault: NO_PERMISSION });
      fx.prompter.script({ confirm: true });
      await vscode.commands.executeCommand(CommandId.leaveSharedFolder, await folderRow(fx, 'Joined', 'Family Photos 家庭相册'));
      await fx.prompter.waitForNotification(/^Leave Shared Folder failed: KooDrive says you are not allowed to do this: 13000410 No permission\. Trace id: \S{58}$/);
      assert.ok((await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf).includes('Family Photos 家庭相册'));
      await fx.emulator.control.addFault({ pathPattern: 'deleteMember', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ confirm: true }, { input: fx.member.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.leaveSharedFolder, await folderRow(fx, 'Joined', 'Family Photos 家庭相册'));
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^You left the shared folder “Family Photos 家庭相册”/);
    });
  });
});
