import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import type { AlbumNode } from '../../src/tree/albumNodes';
import { albumIds, type Fixture, fixture, LARGE, labelOf, row, rows, signIn } from './fixture';

describe('Remove from Album', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  async function album(name: string): Promise<AlbumNode> {
    const node = await row(fx.ctx.albums, 'Personal', 'Manual', name);
    assert.ok('album' in node, `${name} is an album row`);
    return node as AlbumNode;
  }

  it('removes a multi-selection after one confirmation, keeps the other rows, and offers Undo', async () => {
    const cats = await album('Cat photos');
    const items = await fx.ctx.albums.getChildren(cats);
    const chosen = items.slice(0, 3);
    const chosenIds = chosen.map((node) => node.apiId());
    fx.prompter.script({ confirm: true, message: /^Remove 3 items from the album “Cat photos”\? The original files stay/ });
    await fx.emulator.control.clearRequests();
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, chosen[0], chosen);
    assert.deepEqual(fx.prompter.unexpected, []);
    const summary = await fx.prompter.waitForNotification(/^Removed 3 items from “Cat photos”/);
    assert.deepEqual(summary.actions, ['Undo']);
    const left = await fx.ctx.albums.getChildren(cats);
    assert.deepEqual(left.map((node) => node.apiId()), items.slice(3).map((node) => node.apiId()), 'removed rows are gone, the rest stay in order');
    // File details (the rows' names) may still be arriving; what matters is no reload of the listing.
    const requests = (await fx.emulator.control.requests()).filter((r) => !/\/space\/|\/files\//.test(r.path));
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), [`DELETE /koodrive/ose/v1/${cats.album.id}/batchDelete`], 'one request, no reload of the tree');
    assert.deepEqual(((requests[0].body as { ids: string[] }).ids), chosenIds);
    const remaining = await albumIds(fx, cats.album.id);
    assert.equal(remaining.length, 5);
    assert.ok(chosenIds.every((id) => id && !remaining.includes(id)));
  });

  it('puts the removed items back with Undo', async () => {
    const cats = await album('Cat photos');
    const chosen = (await fx.ctx.albums.getChildren(cats)).slice(0, 2);
    fx.prompter.script({ confirm: true }).click(/^Removed 2 items/, 'Undo');
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, chosen[0], chosen);
    await fx.ctx.background.idle();
    await fx.prompter.waitForNotification(/^Restored 2 items to “Cat photos”/);
    assert.equal((await albumIds(fx, cats.album.id)).length, 8);
    const adds = (await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/add'));
    assert.equal(adds.length, 1);
    const body = adds[0].body as { fileIds: { fileId: string; ownerId?: string }[] };
    assert.deepEqual(body.fileIds.map((f) => f.fileId).sort(), chosen.map((n) => n.apiId()).sort());
    assert.ok(body.fileIds.every((f) => f.ownerId), 'each file names its owner');
  });

  it('removes nothing when the confirmation is declined', async () => {
    const cats = await album('Cat photos');
    const chosen = (await fx.ctx.albums.getChildren(cats)).slice(0, 3);
    fx.prompter.script({ confirm: false });
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, chosen[0], chosen);
    assert.equal((await albumIds(fx, cats.album.id)).length, 8);
    assert.equal((await fx.ctx.albums.getChildren(cats)).length, 8);
  });

  it('lets the user pick items from a manual album node, with paging', async () => {
    const paging = await album('Paging 250 翻页');
    fx.prompter.script(
      { pick: (labels) => [labels[0], labels[150]], loadPages: 2 },
      { confirm: true, message: /Remove 2 items from the album “Paging 250 翻页”/ },
    );
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, paging);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Removed 2 items/);
    assert.equal((await albumIds(fx, paging.album.id)).length, 248);
  });

  it('acts on the tree selection for the Delete key, and ignores it from the palette', async () => {
    const cats = await album('Cat photos');
    const [first] = await fx.ctx.albums.getChildren(cats);
    await fx.ctx.albumsView.reveal(first, { select: true, focus: true });
    fx.prompter.script({ confirm: false, message: /^Remove 1 item from the album “Cat photos”/ });
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, { target: 'selection' });
    assert.deepEqual(fx.prompter.unexpected, [], 'the Delete key asks about the selected item');

    fx.prompter.script({ pick: () => undefined });
    await vscode.commands.executeCommand(CommandId.removeFromAlbum);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.match(fx.prompter.asked[fx.prompter.asked.length - 1], /^pick: Choose a manual album/, 'the palette asks for the album');
  });

  it('from the palette, picks the album then the items', async () => {
    fx.prompter.script(
      { pick: (labels) => labels.filter((label) => label === 'West Lake 西湖 2025') },
      { pick: (labels) => labels.slice(0, 4) },
      { confirm: true, message: /Remove 4 items from the album “West Lake 西湖 2025”/ },
    );
    await vscode.commands.executeCommand(CommandId.removeFromAlbum);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Removed 4 items from “West Lake 西湖 2025”/);
  });

  async function large(count: number): Promise<{ albumId: string; ids: string[] }> {
    const node = await album('Large album');
    const ids = (await albumIds(fx, node.album.id)).slice(0, count);
    assert.equal(ids.length, count);
    return { albumId: node.album.id, ids };
  }

  it('removes 2,500 items in exactly 3 requests, reporting progress', async () => {
    const { albumId, ids } = await large(2500);
    await fx.emulator.control.clearRequests();
    const outcome = await fx.runRemoval({ albumId, albumName: 'Large album', items: ids.map((id) => ({ id })) });
    assert.equal(outcome.done.length, 2500);
    const deletes = (await fx.emulator.control.requests()).filter((r) => r.method === 'DELETE');
    assert.equal(deletes.length, 3);
    assert.ok(deletes.every((r) => (r.body as { ids: string[] }).ids.length <= 1000));
    assert.ok(fx.prompter.progressMessages.includes('2500 of 2500 removed'), JSON.stringify(fx.prompter.progressMessages));
    assert.equal((await albumIds(fx, albumId)).length, LARGE - 2500);
  });

  it('reports "N removed, M failed" with Show Details naming each failure and its trace id', async () => {
    const { albumId, ids } = await large(2500);
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', times: 1, fault: { type: 'status', status: 400, body: { code: 13000102, msg: 'Verify parameters failed.' } } });
    fx.prompter.click(/removed, \d+ failed/, 'Show Details');
    const outcome = await fx.runRemoval({ albumId, albumName: 'Large album', items: ids.map((id) => ({ id })) });
    const failed = outcome.failed.flatMap((f) => f.ids);
    assert.ok(failed.length === 1000 || failed.length === 500, `exactly one chunk failed (${failed.length})`);
    assert.equal(outcome.done.length, 2500 - failed.length);
    const summary = await fx.prompter.waitForNotification(new RegExp(`^${2500 - failed.length} removed, ${failed.length} failed \\(album “Large album”\\)`));
    assert.deepEqual(summary.actions, ['Retry Failed', 'Show Details', 'Undo']);
    await fx.ctx.background.idle();
    const report = (await vscode.workspace.openTextDocument(fx.prompter.documents[0])).getText();
    assert.match(report, /KooDrive rejected the request: 13000102 Verify parameters failed\./);
    assert.match(report, /Trace id: \S{58}/);
    assert.ok(report.includes(failed[0]));
    const left = await albumIds(fx, albumId);
    assert.ok(failed.every((id) => left.includes(id)), 'failed items are still in the album');
  });

  it('Retry Failed removes what failed the first time, without asking again', async () => {
    const { albumId, ids } = await large(2500);
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', times: 1, fault: { type: 'status', status: 400, body: { code: 13000201, msg: 'inner failure' } } });
    fx.prompter.click(/removed, \d+ failed/, 'Retry Failed');
    await fx.runRemoval({ albumId, albumName: 'Large album', items: ids.map((id) => ({ id })) });
    await fx.ctx.background.idle();
    await fx.prompter.waitForNotification(/^Removed \d+ items from “Large album”/);
    const left = new Set(await albumIds(fx, albumId));
    assert.ok(ids.every((id) => !left.has(id)), 'every chosen item is gone after the retry');
    assert.deepEqual(fx.prompter.unexpected, []);
  });

  it('can be cancelled between chunks: what was removed stays removed, the rest stays in the album', async () => {
    const { albumId, ids } = await large(LARGE);
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', times: 10, fault: { type: 'delay', ms: 200 } });
    fx.prompter.cancelProgressWhen((message) => /^\d+ of 10000 removed/.test(message));
    const outcome = await fx.runRemoval({ albumId, albumName: 'Large album', items: ids.map((id) => ({ id })) });
    assert.equal(outcome.cancelled, true);
    assert.ok(outcome.done.length < LARGE && outcome.notAttempted.length > 0, `removed ${outcome.done.length}`);
    const left = await albumIds(fx, albumId);
    assert.equal(left.length, LARGE - outcome.done.length, 'the summary tells the truth about what was removed');
    const summary = await fx.prompter.waitForNotification(/^Cancelled: \d+ removed from “Large album”/);
    assert.ok(summary.actions.includes('Retry Failed') && summary.actions.includes('Undo'));
  });

  it('pauses on a 401, asks to sign in again once, and resumes with exactly what is left', async () => {
    const { albumId, ids } = await large(2500);
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', times: 1, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } });
    fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: fx.owner.token, prompt: /access token/ });
    const outcome = await fx.runRemoval({ albumId, albumName: 'Large album', items: ids.map((id) => ({ id })) });
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal(outcome.done.length, 2500, 'nothing of the user’s work is lost');
    assert.equal(fx.prompter.notifications.filter((n) => /session has expired/.test(n.message)).length, 1);
    await fx.prompter.waitForNotification(/^Removed 2500 items from “Large album”/);
    assert.equal((await albumIds(fx, albumId)).length, LARGE - 2500);
  });

  it('is not offered on collection albums, and explains why when forced', async () => {
    const collection = (await rows(fx.ctx.albums, 'Personal', 'Collection'))[0];
    const contents = await fx.ctx.albums.getChildren(collection);
    assert.ok(contents.length > 0);
    assert.doesNotMatch(contents[0].treeItem().contextValue ?? '', /removable/);
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, contents[0], [contents[0]]);
    await fx.prompter.waitForNotification(/collection albums cannot be removed by hand/);
    assert.ok(labelOf(contents[0]).length > 0);
  });
});
