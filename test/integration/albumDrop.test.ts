import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlbumContentNode } from '../../src/tree/albumNodes';
import type { TreeNode } from '../../src/tree/node';
import { albumIds, albumRow, type Fixture, fixture, row, signIn } from './fixture';

describe('Drag and drop in the Albums tree', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });


  /** Drags `rows` and drops them on `target`, as the workbench does within one tree. */
  async function dragAndDrop(rows: TreeNode[], target: TreeNode | undefined): Promise<void> {
    const transfer = new vscode.DataTransfer();
    const token = new vscode.CancellationTokenSource().token;
    assert.deepEqual(fx.albumDrop.dragMimeTypes, ['application/vnd.code.tree.koodrive.albums']);
    await fx.albumDrop.handleDrag?.(rows, transfer, token);
    await fx.albumDrop.handleDrop?.(target, transfer, token);
  }

  it('adds the items dropped on a manual album; Complete Move then removes them from where they came from', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const dragged = (await fx.ctx.albums.getChildren(westLake)).slice(0, 3) as AlbumContentNode[];
    fx.prompter.click(/^Added 3 items to “Cat photos”\.$/, 'Complete Move');
    await dragAndDrop(dragged, cats);
    const added = await fx.prompter.waitForNotification(/^Added 3 items to “Cat photos”\.$/);
    assert.deepEqual(added.actions, ['Complete Move']);
    await fx.ctx.background.idle();
    await fx.prompter.waitForNotification(/^Moved 3 items from “West Lake 西湖 2025” to “Cat photos”\./);
    const left = await albumIds(fx, westLake.albumId);
    assert.equal(left.length, 9);
    assert.ok(dragged.every((item) => !left.includes(item.fileId)));
    assert.equal((await albumIds(fx, cats.albumId)).length, 11);
  });

  it('adds to the album of the item it is dropped on, and leaves the source alone unless asked', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const [onto] = await fx.ctx.albums.getChildren(await albumRow(fx, 'Personal', 'Manual', 'Cat photos'));
    const dragged = (await fx.ctx.albums.getChildren(westLake)).slice(0, 2);
    await dragAndDrop(dragged, onto);
    await fx.prompter.waitForNotification(/^Added 2 items to “Cat photos”\.$/);
    await fx.ctx.background.idle();
    assert.equal((await albumIds(fx, westLake.albumId)).length, 12, 'a drop alone copies');
  });

  it('from a collection album only adds: no Complete Move is offered', async () => {
    const camera = await albumRow(fx, 'Personal', 'Collection', (await fx.ctx.albums.getChildren(await row(fx.ctx.albums, 'Personal', 'Collection')))[0].title);
    const dragged = (await fx.ctx.albums.getChildren(camera)).slice(0, 3);
    await dragAndDrop(dragged, await albumRow(fx, 'Personal', 'Manual', 'Cat photos'));
    const added = await fx.prompter.waitForNotification(/^Added 3 items to “Cat photos”\.$/);
    assert.deepEqual(added.actions, []);
  });

  it('does nothing on a collection album or a group, and says why', async () => {
    const dragged = (await fx.ctx.albums.getChildren(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))).slice(0, 2);
    const collection = (await fx.ctx.albums.getChildren(await row(fx.ctx.albums, 'Personal', 'Collection')))[0];
    await fx.emulator.control.clearRequests();
    await dragAndDrop(dragged, collection);
    await fx.prompter.waitForNotification(/is a collection album: it fills itself from its folders, so nothing can be added to it by hand/);
    await dragAndDrop(dragged, await row(fx.ctx.albums, 'Personal', 'Manual'));
    await fx.prompter.waitForNotification(/^Drop items on a manual album, or on one of its items, to add them to it\.$/);
    assert.deepEqual((await fx.emulator.control.requests()).filter((r) => r.method !== 'GET' && !r.path.endsWith('/detail')), [], 'nothing was sent');
  });

  it('reads the dragged items back from the transfer’s JSON, as from another window', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const dragged = (await fx.ctx.albums.getChildren(westLake)).slice(0, 2);
    const transfer = new vscode.DataTransfer();
    const token = new vscode.CancellationTokenSource().token;
    await fx.albumDrop.handleDrag?.(dragged, transfer, token);
    const text = await transfer.get('application/vnd.code.tree.koodrive.albums')?.asString();
    assert.ok(text, 'the dragged items can be turned into JSON (nodes, which point at their parents, could not)');
    const roundTripped = new vscode.DataTransfer();
    roundTripped.set('application/vnd.code.tree.koodrive.albums', new vscode.DataTransferItem(text));
    await fx.albumDrop.handleDrop?.(await albumRow(fx, 'Personal', 'Manual', 'Cat photos'), roundTripped, token);
    await fx.prompter.waitForNotification(/^Added 2 items to “Cat photos”\.$/);
  });

  it('after a 401 mid-drop, signs in again once and adds what was dropped', async () => {
    const dragged = (await fx.ctx.albums.getChildren(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))).slice(0, 3);
    await fx.emulator.control.addFault({ pathPattern: '/add$', fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } });
    fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: fx.owner.token, prompt: /access token/ });
    await dragAndDrop(dragged, await albumRow(fx, 'Personal', 'Manual', 'Cat photos'));
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Added 3 items to “Cat photos”\.$/);
    assert.equal((await albumIds(fx, (await albumRow(fx, 'Personal', 'Manual', 'Cat photos')).albumId)).length, 11);
  });

  it('reports a refused drop with its reason and trace id, and offers no move of what was not added', async () => {
    const dragged = (await fx.ctx.albums.getChildren(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))).slice(0, 2);
    await fx.emulator.control.addFault({ pathPattern: '/add$', fault: { type: 'status', status: 400, body: { code: 13000410, msg: 'No permission.' } } });
    await dragAndDrop(dragged, await albumRow(fx, 'Personal', 'Manual', 'Cat photos'));
    const summary = await fx.prompter.waitForNotification(/^0 added to “Cat photos”, 2 not added\. Reason: KooDrive says you are not allowed to do this: 13000410 No permission\. Trace id: \S{58}$/);
    assert.deepEqual(summary.actions, ['Retry Failed', 'Show Details']);
  });
});
