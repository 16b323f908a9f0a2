import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { SeedIds } from '../emulator/server';
import { type Fixture, fixture, labelOf, row, rows, signIn } from './fixture';

const EXPIRED = { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } as const;

describe('Invitations to the signed-in user', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });

  /** The Shared Folders view's badge, as the workbench shows it. */
  function badge(): vscode.ViewBadge | undefined {
    return fx.ctx.sharedFoldersView.badge;
  }

  /** The owner invites the member to "Work Drafts", with the owner's own credentials. */
  async function inviteMember(): Promise<void> {
    const asOwner = fx.ctx.makeClient({ userId: () => fx.owner.userId, getToken: () => Promise.resolve(fx.owner.token) });
    await asOwner.inviteMember(SeedIds.groups.solo, fx.member.mobile);
  }

  it('shows them at the top of Shared Folders with a badge; Accept joins the folder and clears both', async () => {
    await signIn(fx, fx.owner);
    assert.deepEqual((await rows(fx.ctx.sharedFolders)).map(labelOf), ['Invitations to you', 'Created by me', 'Joined']);
    assert.deepEqual(badge(), { value: 1, tooltip: '1 invitation to a shared folder is waiting for you' });
    const [invitation] = await rows(fx.ctx.sharedFolders, 'Invitations to you');
    assert.equal(labelOf(invitation), 'Book Club 读书会');
    assert.match(String(invitation.treeItem().description), /^from 002718\*\*\*\*911 · expires /);
    assert.match(invitation.treeItem().contextValue ?? '', /(^|;)pendingInvitation(;|$)/);
    await vscode.commands.executeCommand(CommandId.acceptInvitation, invitation);
    await fx.prompter.waitForNotification(/^You joined the shared folder “Book Club 读书会”\. It is listed under Joined\.$/);
    const request = (await fx.emulator.control.requests()).find((r) => r.path.includes('/inviteConfirm/'));
    assert.equal(request?.path, `/koodrive/ose/v1/usergroupsInvite/inviteConfirm/${SeedIds.groups.outsider}`);
    assert.deepEqual(request?.body, { inviteId: SeedIds.invites.toOwnerPending, confirm: 1 });
    assert.deepEqual((await rows(fx.ctx.sharedFolders)).map(labelOf), ['Created by me', 'Joined']);
    assert.ok((await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf).includes('Book Club 读书会'));
    assert.equal(badge(), undefined);
  });

  it('as a member with none, shows no group and no badge; once invited, Reject asks first and declines it', async () => {
    await signIn(fx, fx.member);
    assert.deepEqual((await rows(fx.ctx.sharedFolders)).map(labelOf), ['Created by me', 'Joined']);
    assert.equal(badge(), undefined);
    await inviteMember();
    await vscode.commands.executeCommand(CommandId.refresh);
    await rows(fx.ctx.sharedFolders);
    assert.equal(badge()?.value, 1);
    const invitation = await row(fx.ctx.sharedFolders, 'Invitations to you', 'Work Drafts 工作草稿');
    fx.prompter.script({ confirm: false }, { confirm: true, message: /^Reject the invitation to the shared folder “Work Drafts 工作草稿”\?/ });
    await vscode.commands.executeCommand(CommandId.rejectInvitation, invitation);
    assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.includes('/inviteConfirm/')).length, 0, 'declined: nothing sent');
    await vscode.commands.executeCommand(CommandId.rejectInvitation, invitation);
    await fx.prompter.waitForNotification(/^Rejected the invitation to “Work Drafts 工作草稿”\.$/);
    const request = (await fx.emulator.control.requests()).find((r) => r.path.includes('/inviteConfirm/'));
    assert.equal((request?.body as { confirm: number }).confirm, 0);
    assert.deepEqual((await rows(fx.ctx.sharedFolders)).map(labelOf), ['Created by me', 'Joined']);
    assert.ok(!(await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf).includes('Work Drafts 工作草稿'));
  });

  it('as a member, accepts from the palette', async () => {
    await inviteMember();
    await signIn(fx, fx.member);
    fx.prompter.script({ pick: (labels) => { assert.deepEqual(labels, ['Work Drafts 工作草稿']); return labels; } });
    await vscode.commands.executeCommand(CommandId.acceptInvitation);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^You joined the shared folder “Work Drafts 工作草稿”/);
    assert.ok((await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf).includes('Work Drafts 工作草稿'));
  });

  it('words a refusal with its trace id and re-reads the tree; resumes after a 401', async () => {
    await signIn(fx, fx.owner);
    const invitation = await row(fx.ctx.sharedFolders, 'Invitations to you', 'Book Club 读书会');
    await fx.emulator.control.addFault({ pathPattern: 'inviteConfirm', fault: { type: 'status', status: 400, body: { code: 13000102, msg: 'Invitation has expired.' } } });
    await vscode.commands.executeCommand(CommandId.acceptInvitation, invitation);
    await fx.prompter.waitForNotification(/^Accept Invitation failed: KooDrive rejected the request: 13000102 Invitation has expired\. Trace id: \S{58}$/);
    assert.deepEqual((await rows(fx.ctx.sharedFolders)).map(labelOf)[0], 'Invitations to you', 'still waiting, as KooDrive says');
    await fx.emulator.control.addFault({ pathPattern: 'inviteConfirm', fault: EXPIRED });
    fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: fx.owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.acceptInvitation, await row(fx.ctx.sharedFolders, 'Invitations to you', 'Book Club 读书会'));
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^You joined the shared folder “Book Club 读书会”/);
  });
});
