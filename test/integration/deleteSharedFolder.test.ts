import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { type Fixture, fixture, folderRow, labelOf, rows, settings, signIn } from './fixture';

describe('Delete Shared Folder', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });


  /** Whether `user` still sees the folder, asked with that user's own credentials. */
  async function listed(user: 'owner' | 'member', name: string): Promise<boolean> {
    const who = user === 'owner' ? fx.owner : fx.member;
    const client = fx.ctx.makeClient({ userId: () => who.userId, getToken: () => Promise.resolve(who.token) });
    const folders = await client.listSharedFolders({ offset: 0, limit: 1000, queryType: 0 });
    return folders.some((f) => f.name === name);
  }

  it('warns with the folder name and how many members lose access, then deletes it for everyone', async () => {
    await signIn(fx, fx.owner);
    const family = await folderRow(fx, 'Created by me', 'Family Photos 家庭相册');
    assert.match(family.treeItem().contextValue ?? '', /(^|;)deletable(;|$)/);
    fx.prompter.script({ confirm: true, message: /^Delete the shared folder “Family Photos 家庭相册”\? 2 members will lose access\. .*cannot be undone/ });
    await fx.emulator.control.clearRequests();
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, family);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Deleted the shared folder “Family Photos 家庭相册”/);
    const request = (await fx.emulator.control.requests()).find((r) => r.path.endsWith('/sharefolder/delete'));
    assert.deepEqual(request?.body, { id: family.folder.id }, 'D9: the id as a string');
    assert.ok(!(await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Family Photos 家庭相册'), 'the tree no longer shows it');
    assert.equal(await listed('member', 'Family Photos 家庭相册'), false, 'members lose it too');
  });

  it('deletes nothing when the warning is dismissed', async () => {
    await signIn(fx, fx.owner);
    const family = await folderRow(fx, 'Created by me', 'Family Photos 家庭相册');
    fx.prompter.script({ confirm: false });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, family);
    assert.equal(await listed('owner', 'Family Photos 家庭相册'), true);
  });

  it('with typeName, requires the folder name to be typed exactly', async () => {
    await settings(fx.ctx, { deleteConfirmation: 'typeName' });
    await signIn(fx, fx.owner);
    const drafts = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
    fx.prompter.script({ confirm: true, message: /Work Drafts 工作草稿/ }, { input: 'Work Drafts 工作草稿', prompt: /Type the folder’s name/ });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, drafts);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Deleted the shared folder “Work Drafts 工作草稿”/);

    const family = await folderRow(fx, 'Created by me', 'Family Photos 家庭相册');
    fx.prompter.script({ confirm: true }, { input: 'family photos' });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, family);
    assert.match(fx.prompter.unexpected.join('\n'), /Type “Family Photos 家庭相册” exactly to confirm/, 'the input box refuses a wrong name');
    assert.equal(await listed('owner', 'Family Photos 家庭相册'), true, 'a wrong name deletes nothing');
  });

  it('is not offered on joined folders, and explains why when forced', async () => {
    await signIn(fx, fx.owner);
    const joined = await folderRow(fx, 'Joined', 'Zhang Family 张家');
    assert.doesNotMatch(joined.treeItem().contextValue ?? '', /deletable/);
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, joined);
    await fx.prompter.waitForNotification(/Only the owner of “Zhang Family 张家” can delete it/);
    assert.equal(await listed('owner', 'Zhang Family 张家'), true);
  });

  it('explains a refusal from the server and refreshes that branch', async () => {
    await signIn(fx, fx.owner);
    const family = await folderRow(fx, 'Created by me', 'Family Photos 家庭相册');
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/delete', fault: { type: 'status', status: 400, body: { code: 13000410, msg: 'No permission.' } } });
    fx.prompter.script({ confirm: true });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, family);
    const message = await fx.prompter.waitForNotification(/refused to delete “Family Photos 家庭相册”: only its owner can delete it/);
    assert.match(message.message, /Trace id: \S{58}$/);
    assert.deepEqual(message.actions, ['Show Log']);
    assert.ok((await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Family Photos 家庭相册'));
  });

  it('says so when the folder is already gone', async () => {
    await signIn(fx, fx.owner);
    const drafts = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
    await fx.ctx.client.deleteSharedFolder(drafts.folder.id);
    fx.prompter.script({ confirm: true });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, drafts);
    await fx.prompter.waitForNotification(/“Work Drafts 工作草稿” no longer exists on KooDrive/);
    assert.ok(!(await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Work Drafts 工作草稿'));
  });

  it('from the palette, offers only the folders the user created', async () => {
    await signIn(fx, fx.owner);
    let offered: string[] = [];
    fx.prompter.script({ pick: (labels) => { offered = labels; return labels.filter((l) => l === 'Work Drafts 工作草稿'); } }, { confirm: true, message: /No members|0 members/ });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder);
    assert.deepEqual(offered.sort(), ['Family Photos 家庭相册', 'Work Drafts 工作草稿']);
    await fx.prompter.waitForNotification(/^Deleted the shared folder “Work Drafts 工作草稿”/);
  });
});
