import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import type { TreeNode } from '../../src/tree/node';
import { SeedIds } from '../emulator/server';
import { eventually, type Fixture, fixture, folderRow, labelOf, row, rows, shownDescription, signIn } from './fixture';

const EXPIRED = { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } as const;

describe('Create, rename and show shared folders', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });


  async function mine(): Promise<string[]> {
    return (await fx.ctx.client.listSharedFolders({ offset: 0, limit: 100, queryType: 1 })).map((each) => each.name ?? '');
  }

  describe('Create Shared Folder', () => {
    it('creates a folder in the user’s own space (containerId read once per session), then selects it', async () => {
      await signIn(fx, fx.owner);
      const created = await row(fx.ctx.sharedFolders, 'Created by me');
      assert.match(created.treeItem().contextValue ?? '', /(^|;)canCreate(;|$)/);
      await fx.emulator.control.clearRequests();
      fx.prompter.script({ input: 'Garden 花园', prompt: /Name of the new family shared folder/ }, { input: 'Kitchen 厨房' });
      await vscode.commands.executeCommand(CommandId.createSharedFolder, created);
      await vscode.commands.executeCommand(CommandId.createSharedFolder);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Created the shared folder “Kitchen 厨房”\./);
      const requests = await fx.emulator.control.requests();
      const creates = requests.filter((r) => r.path.endsWith('/sharefolder/create'));
      assert.deepEqual(creates.map((r) => r.body), [
        { shareType: 0, containerId: fx.owner.containerId, name: 'Garden 花园' },
        { shareType: 0, containerId: fx.owner.containerId, name: 'Kitchen 厨房' },
      ]);
      assert.equal(requests.filter((r) => r.path.includes('/space/')).length, 0, 'the containerId read after sign-in serves the whole session');
      assert.ok((await mine()).includes('Garden 花园'));
      assert.equal(fx.ctx.sharedFoldersView.selection[0]?.title, 'Kitchen 厨房');
      assert.ok((await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Garden 花园'));
    });

    it('as a member, creates one in the member’s own space', async () => {
      await signIn(fx, fx.member);
      fx.prompter.script({ input: 'Study 书房' });
      await vscode.commands.executeCommand(CommandId.createSharedFolder);
      await fx.prompter.waitForNotification(/^Created the shared folder “Study 书房”/);
      const create = (await fx.emulator.control.requests()).find((r) => r.path.endsWith('/sharefolder/create'));
      assert.equal((create?.body as { containerId: string }).containerId, fx.member.containerId);
    });

    it('checks the name rules before sending, and sends nothing when cancelled', async () => {
      await signIn(fx, fx.owner);
      fx.prompter.script({ input: 'a/b' }, { input: 'x'.repeat(32) }, { input: '..' }, { input: undefined });
      for (let i = 0; i < 4; i++) {
        await vscode.commands.executeCommand(CommandId.createSharedFolder);
      }
      assert.equal(fx.prompter.unexpected.filter((line) => /Use 1 to 31 characters, no emoji, none of < > \| : \* \? " \/ and not just \. or \.\./.test(line)).length, 3);
      assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/create')).length, 0);
    });

    it('words a refusal with its trace id and re-reads Created by me; after a 401 it creates once', async () => {
      await signIn(fx, fx.owner);
      await fx.emulator.control.addFault({ pathPattern: 'sharefolder/create', fault: { type: 'status', status: 400, body: { code: 13000102, msg: 'Verify parameters failed.' } } });
      fx.prompter.script({ input: 'Refused' });
      await fx.emulator.control.clearRequests();
      await vscode.commands.executeCommand(CommandId.createSharedFolder);
      await fx.prompter.waitForNotification(/^Create Shared Folder failed: KooDrive rejected the request: 13000102 Verify parameters failed\. Trace id: \S{58}$/);
      await rows(fx.ctx.sharedFolders, 'Created by me');
      assert.ok((await fx.emulator.control.requests()).some((r) => r.path.endsWith('/sharefolder/list')), 'the group was read again');

      await fx.emulator.control.addFault({ pathPattern: 'sharefolder/create', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: 'Resumed' }, { input: fx.owner.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.createSharedFolder);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Created the shared folder “Resumed”/);
      assert.deepEqual((await mine()).filter((name) => name === 'Resumed' || name === 'Refused'), ['Resumed']);
    });
  });

  describe('Rename Shared Folder', () => {
    it('renames a folder the user owns with F2, the name prefilled; the family albums follow', async () => {
      await signIn(fx, fx.owner);
      const drafts = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
      await fx.ctx.sharedFoldersView.reveal(drafts, { select: true, focus: true });
      fx.prompter.script({ input: 'Drafts 草稿' });
      await vscode.commands.executeCommand(CommandId.renameSharedFolder, { target: 'selection' });
      assert.deepEqual(fx.prompter.unexpected, []);
      assert.equal(fx.prompter.inputs.find((input) => /New name for the shared folder/.test(input.prompt))?.value, 'Work Drafts 工作草稿');
      await fx.prompter.waitForNotification(/^Renamed the shared folder “Work Drafts 工作草稿” to “Drafts 草稿”\.$/);
      const rename = (await fx.emulator.control.requests()).find((r) => r.path.endsWith('/sharefolder/rename'));
      assert.deepEqual(rename?.body, { id: SeedIds.folders.solo, fileName: 'Drafts 草稿' });
      assert.ok((await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Drafts 草稿'));
    });

    it('as a member, is not offered on a joined folder and explains why when forced', async () => {
      await signIn(fx, fx.member);
      const family = await folderRow(fx, 'Joined', 'Family Photos 家庭相册');
      assert.doesNotMatch(family.treeItem().contextValue ?? '', /(^|;)editable(;|$)/);
      await vscode.commands.executeCommand(CommandId.renameSharedFolder, family);
      await fx.prompter.waitForNotification(/^Only the owner of “Family Photos 家庭相册” can rename it/);
      assert.equal((await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/rename')).length, 0);
    });

    it('words a refusal with its trace id; sends nothing when cancelled; resumes after a 401', async () => {
      await signIn(fx, fx.owner);
      const family = await folderRow(fx, 'Created by me', 'Family Photos 家庭相册');
      fx.prompter.script({ input: undefined });
      await vscode.commands.executeCommand(CommandId.renameSharedFolder, family);
      await fx.emulator.control.addFault({ pathPattern: 'sharefolder/rename', fault: { type: 'status', status: 400, body: { code: 13000410, msg: 'No permission.' } } });
      fx.prompter.script({ input: 'Nope' });
      await vscode.commands.executeCommand(CommandId.renameSharedFolder, family);
      await fx.prompter.waitForNotification(/^Rename Shared Folder failed: KooDrive says you are not allowed to do this: 13000410 No permission\. Trace id: \S{58}$/);
      await fx.emulator.control.addFault({ pathPattern: 'sharefolder/rename', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: 'Family 家' }, { input: fx.owner.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.renameSharedFolder, await folderRow(fx, 'Created by me', 'Family Photos 家庭相册'));
      await fx.prompter.waitForNotification(/^Renamed the shared folder “Family Photos 家庭相册” to “Family 家”/);
      assert.deepEqual((await mine()).sort(), ['Family 家', 'Work Drafts 工作草稿']);
    });
  });

  describe('Show Details of a shared folder', () => {
    it('reads the metadata afresh and masks people’s ids', async () => {
      await signIn(fx, fx.member);
      const family = await folderRow(fx, 'Joined', 'Family Photos 家庭相册');
      await fx.emulator.control.setName('sharedFolder', SeedIds.folders.family, 'Renamed meanwhile');
      await vscode.commands.executeCommand(CommandId.showDetails, family);
      const text = (await vscode.workspace.openTextDocument(fx.prompter.documents[0])).getText();
      assert.match(text, /"name": "Renamed meanwhile"/, 'what KooDrive says now, not what the tree loaded');
      assert.match(text, /"ownerId": "164…032"/, 'the owner’s id is masked');
      assert.match(text, /"creator": "164…032"/);
      assert.doesNotMatch(text, new RegExp(`"(ownerId|creator)": "?${fx.owner.userId}`));
    });

    it('says when the folder is gone, with the trace id, and re-reads the list', async () => {
      await signIn(fx, fx.owner);
      const drafts = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
      await fx.ctx.client.deleteSharedFolder(SeedIds.folders.solo);
      await vscode.commands.executeCommand(CommandId.showDetails, drafts);
      await fx.prompter.waitForNotification(/^Show Details failed: it no longer exists on KooDrive: 13000309 .*Trace id: \S{58}$/);
      assert.ok(!(await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Work Drafts 工作草稿'));
    });
  });
});

describe('Busy rows while KooDrive answers', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });

  /** Runs `command` with a slow answer from KooDrive, and checks `label` on `node`'s row meanwhile. */
  async function busyWhile(pathPattern: string, label: string, node: TreeNode, command: () => Thenable<unknown>): Promise<void> {
    await fx.emulator.control.addFault({ method: 'POST', pathPattern, fault: { type: 'delay', ms: 1500 } });
    const running = command();
    await eventually(() => shownDescription(fx.ctx.sharedFolders, node) === label, `the row says ${label}`, 5000);
    await running;
    assert.notEqual(shownDescription(fx.ctx.sharedFolders, node), label, 'the label goes once KooDrive answered');
  }

  it('says Renaming… and Deleting… on an owned folder, Leaving… on a joined one', async () => {
    await signIn(fx, fx.owner);
    const solo = await folderRow(fx, 'Created by me', 'Work Drafts 工作草稿');
    fx.prompter.script({ input: 'Work Drafts 2' });
    await busyWhile('/sharefolder/rename', 'Renaming…', solo, () => vscode.commands.executeCommand(CommandId.renameSharedFolder, solo));
    const renamed = await folderRow(fx, 'Created by me', 'Work Drafts 2');
    fx.prompter.script({ confirm: true });
    await busyWhile('/sharefolder/delete', 'Deleting…', renamed, () => vscode.commands.executeCommand(CommandId.deleteSharedFolder, renamed));
    const joined = await folderRow(fx, 'Joined', 'Zhang Family 张家');
    fx.prompter.script({ confirm: true });
    await busyWhile('deleteMember', 'Leaving…', joined, () => vscode.commands.executeCommand(CommandId.leaveSharedFolder, joined));
    assert.deepEqual(fx.prompter.unexpected, []);
  });
});
