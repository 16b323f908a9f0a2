import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { type Fixture, fixture, labelOf, row, rows, signIn } from './fixture';

describe('The Shared Folders tree', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  it('groups folders into Created by me and Joined, with owner, time and member limit', async () => {
    // The owner has one invitation waiting (from the outsider's Book Club): it comes first.
    assert.deepEqual((await rows(fx.ctx.sharedFolders)).map(labelOf), ['Invitations to you', 'Created by me', 'Joined']);
    assert.deepEqual((await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).sort(), ['Family Photos 家庭相册', 'Work Drafts 工作草稿']);
    assert.deepEqual((await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf), ['Zhang Family 张家']);
    const family = await row(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册');
    assert.match(String(family.treeItem().description), /^owner: you · 2025-09-01 02:34 · up to \d+ members$/);
  });

  it('lists the members of a folder, after its Invitations for the owner', async () => {
    const [invitations, ...members] = (await rows(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册')).map(labelOf);
    assert.equal(invitations, 'Invitations');
    assert.ok(members.includes('Zhang Min 张敏'), JSON.stringify(members));
    assert.equal(members.length, 3);
  });

  it('filters by keyword (sent as keyWord) and clears the filter', async () => {
    fx.prompter.script({ input: 'Family', prompt: /keyword/ });
    await vscode.commands.executeCommand(CommandId.filterSharedFolders);
    assert.deepEqual((await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf), ['Family Photos 家庭相册']);
    assert.deepEqual((await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf), ['Zhang Family 张家']);
    const lists = (await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/sharefolder/list'));
    assert.equal(lists[lists.length - 1].query.keyWord, 'Family');
    assert.equal(fx.ctx.sharedFoldersView.description, 'Filter: Family');
    await vscode.commands.executeCommand(CommandId.clearSharedFolderFilter);
    assert.equal((await rows(fx.ctx.sharedFolders, 'Created by me')).length, 2);
  });

  it('says when nothing matches the filter, and rejects an over-long keyword', async () => {
    fx.prompter.script({ input: 'no such folder' });
    await vscode.commands.executeCommand(CommandId.filterSharedFolders);
    assert.deepEqual((await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf), ['No shared folders match “no such folder”']);
    fx.prompter.script({ input: 'x'.repeat(33) });
    await vscode.commands.executeCommand(CommandId.filterSharedFolders);
    assert.match(fx.prompter.unexpected.join('\n'), /at most 32 characters/);
  });

  it('shows a member what they joined, without deletion', async () => {
    await signIn(fx, fx.member);
    const joined = (await rows(fx.ctx.sharedFolders, 'Joined')).map(labelOf);
    assert.ok(joined.includes('Family Photos 家庭相册'), JSON.stringify(joined));
    const family = await row(fx.ctx.sharedFolders, 'Joined', 'Family Photos 家庭相册');
    assert.doesNotMatch(family.treeItem().contextValue ?? '', /deletable/);
  });
});
