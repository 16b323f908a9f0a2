import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { type Fixture, fixture, labelOf, row, rows, signIn } from './fixture';

describe('The Albums tree', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  it('groups albums into Personal and Family, each split into Manual and Collection', async () => {
    assert.deepEqual((await rows(fx.ctx.albums)).map(labelOf), ['Personal', 'Family']);
    assert.deepEqual((await rows(fx.ctx.albums, 'Personal')).map(labelOf), ['Manual', 'Collection']);
    const manual = (await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf);
    for (const name of ['West Lake 西湖 2025', 'Cat photos', 'Paging 250 翻页', 'Empty album']) {
      assert.ok(manual.includes(name), `${name} in ${JSON.stringify(manual)}`);
    }
    const family = (await rows(fx.ctx.albums, 'Family', 'Manual')).map(labelOf);
    assert.ok(family.includes('Reunion Dinner 团圆饭'), JSON.stringify(family));
  });

  it('describes albums with type and kind, and gives nameless collection albums a readable label', async () => {
    const cats = await row(fx.ctx.albums, 'Personal', 'Manual', 'Cat photos');
    const item = cats.treeItem();
    assert.equal(item.description, 'Manual · Personal');
    assert.match(item.contextValue ?? '', /(^|;)removable(;|$)/);
    assert.match((item.tooltip as vscode.MarkdownString).value, /albumType/);
    const collections = await rows(fx.ctx.albums, 'Personal', 'Collection');
    assert.ok(collections.length > 0);
    for (const album of collections) {
      assert.match(labelOf(album), /^Collection album from \d+ folder\(s\)|\S/);
      assert.doesNotMatch(album.treeItem().contextValue ?? '', /removable/, 'collection albums offer no removal');
    }
  });

  it('lists contents a page at a time with Load more…, never all at once', async () => {
    const first = await rows(fx.ctx.albums, 'Personal', 'Manual', 'Paging 250 翻页');
    assert.equal(first.length, 101);
    const more = first[100];
    assert.equal(labelOf(more), 'Load more…');
    await vscode.commands.executeCommand(CommandId.loadMore, more);
    const second = await rows(fx.ctx.albums, 'Personal', 'Manual', 'Paging 250 翻页');
    assert.equal(second.length, 201);
    await vscode.commands.executeCommand(CommandId.loadMore, second[200]);
    const all = await rows(fx.ctx.albums, 'Personal', 'Manual', 'Paging 250 翻页');
    assert.equal(all.length, 250, 'the last page ends the listing without a Load more row');
    assert.equal(new Set(all.map((node) => node.apiId())).size, 250, 'every item exactly once');
  });

  it('shows "No albums"-style empty states as rows', async () => {
    const empty = await rows(fx.ctx.albums, 'Personal', 'Manual', 'Empty album');
    assert.deepEqual(empty.map(labelOf), ['This album is empty']);
  });

  it('shows a failure as a "Could not load" row with Retry, never a pop-up', async () => {
    const cats = await row(fx.ctx.albums, 'Personal', 'Manual', 'Cat photos');
    await fx.emulator.control.addFault({ pathPattern: `album/${cats.apiId() ?? ''}/list`, times: 3, fault: { type: 'status', status: 503, body: { code: 13000201, msg: 'busy' } } });
    const failed = await fx.ctx.albums.getChildren(cats);
    assert.equal(failed.length, 1);
    assert.match(labelOf(failed[0]), /^Could not load: KooDrive had a server error \(HTTP 503\)/);
    assert.equal(fx.prompter.notifications.length, 0, 'the tree shows no message');
    await vscode.commands.executeCommand(CommandId.retryLoad, failed[0]);
    assert.equal((await fx.ctx.albums.getChildren(cats)).length, 8);
  });

  it('Refresh on a row reloads that branch in its own tree, showing changes made elsewhere', async () => {
    const cats = await row(fx.ctx.albums, 'Personal', 'Manual', 'Cat photos');
    const [first] = await fx.ctx.albums.getChildren(cats);
    await fx.ctx.client.removeAlbumContent(cats.apiId() ?? '', [first.apiId() ?? '']);
    assert.equal((await fx.ctx.albums.getChildren(cats)).length, 8, 'loaded rows stay until refreshed');
    await vscode.commands.executeCommand(CommandId.refreshNode, cats);
    assert.equal((await fx.ctx.albums.getChildren(cats)).length, 7);

    const created = await row(fx.ctx.sharedFolders, 'Created by me');
    const drafts = (await fx.ctx.sharedFolders.getChildren(created)).find((node) => labelOf(node) === 'Work Drafts 工作草稿');
    assert.ok(drafts);
    await fx.ctx.client.deleteSharedFolder(drafts.apiId() ?? '');
    await vscode.commands.executeCommand(CommandId.refreshNode, created);
    assert.ok(!(await fx.ctx.sharedFolders.getChildren(created)).map(labelOf).includes('Work Drafts 工作草稿'));
  });

  it('copies an id and shows details as a read-only document', async () => {
    const cats = await row(fx.ctx.albums, 'Personal', 'Manual', 'Cat photos');
    await vscode.commands.executeCommand(CommandId.copyId, cats);
    assert.equal(await vscode.env.clipboard.readText(), cats.apiId());
    await vscode.commands.executeCommand(CommandId.showDetails, cats);
    const [uri] = fx.prompter.documents;
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = JSON.parse(document.getText()) as { id: string; name: string };
    assert.equal(shown.id, cats.apiId());
    assert.equal(shown.name, 'Cat photos');
  });
});
