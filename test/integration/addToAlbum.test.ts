import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import type { AlbumContentNode, AlbumNode } from '../../src/tree/albumNodes';
import { albumIds, albumRow, allItems, type Fixture, fixture, labelOf, LARGE, rows, signIn } from './fixture';

const EXPIRED = { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } as const;
const target = (name: string) => ({ pick: (labels: string[]) => labels.filter((label) => label === name) });

describe('Add to Album', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });



  async function adds(): Promise<{ fileId: string; ownerId?: string }[][]> {
    return (await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/add')).map((r) => (r.body as { fileIds: { fileId: string; ownerId?: string }[] }).fileIds);
  }

  it('adds items of a collection album to a manual album picked; the source keeps them', async () => {
    await signIn(fx, fx.owner);
    const camera = (await rows(fx.ctx.albums, 'Personal', 'Collection'))[0] as AlbumNode;
    const chosen = (await fx.ctx.albums.getChildren(camera)).slice(0, 3) as AlbumContentNode[];
    let offered: string[] = [];
    fx.prompter.script({ pick: (labels) => { offered = labels; return ['Cat photos']; }, loadPages: 3 });
    await vscode.commands.executeCommand(CommandId.addToAlbum, chosen[0], chosen);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal(offered[0], '$(add) Create new album…');
    assert.ok(offered.includes('Reunion Dinner 团圆饭') && !offered.some((label) => /^Collection album/.test(label)), 'manual albums only, family ones too');
    const summary = await fx.prompter.waitForNotification(/^Added 3 items to “Cat photos”\.$/);
    assert.deepEqual(summary.actions, []);
    assert.deepEqual((await adds())[0], chosen.map((item) => ({ fileId: item.fileId, ownerId: fx.owner.userId })), 'each file names its owner');
    assert.equal((await albumIds(fx, camera.albumId)).length, 40);
    const cats = await albumIds(fx, (await albumRow(fx, 'Personal', 'Manual', 'Cat photos')).albumId);
    assert.ok(chosen.every((item) => cats.includes(item.fileId)));
  });

  it('counts what the target already shows as already there, and does not send it again', async () => {
    await signIn(fx, fx.owner);
    const westLake = (await fx.ctx.albums.getChildren(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))) as AlbumContentNode[];
    fx.prompter.script(target('Cat photos'), target('Cat photos'));
    await vscode.commands.executeCommand(CommandId.addToAlbum, westLake[0], westLake.slice(0, 2));
    await fx.prompter.waitForNotification(/^Added 2 items to “Cat photos”\.$/);
    await fx.ctx.albums.getChildren(await albumRow(fx, 'Personal', 'Manual', 'Cat photos')); // the user opens the target
    await vscode.commands.executeCommand(CommandId.addToAlbum, westLake[0], westLake.slice(0, 3));
    await fx.prompter.waitForNotification(/^Added 1 item to “Cat photos”\. 2 were already in it\.$/);
    assert.deepEqual((await adds())[1].map((file) => file.fileId), [westLake[2].fileId]);
  });

  it('as a member, from the palette: album, items, then a new album created on the spot', async () => {
    await signIn(fx, fx.member);
    fx.prompter.script(
      target('Hiking 徒步'),
      { pick: (labels) => labels.slice(0, 2) },
      { pick: (labels) => [labels[0]] },
      target('Personal album'),
      { input: 'Best of 精选', prompt: /new personal album/ },
    );
    await vscode.commands.executeCommand(CommandId.addToAlbum);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Added 2 items to “Best of 精选”\.$/);
    const created = (await fx.ctx.client.listAlbums({ albumKind: 1, albumType: 2, pageSize: 100 })).albums.find((each) => each.name === 'Best of 精选');
    assert.ok(created);
    assert.equal((await albumIds(fx, created.id)).length, 2);
    assert.ok(!fx.prompter.notifications.some((n) => /^Created the album/.test(n.message)), 'one summary, not two messages');
  });

  it('reports a refused chunk with its reason and trace id; Show Details lists it', async () => {
    await signIn(fx, fx.owner);
    const paging = await allItems(await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页'));
    await fx.emulator.control.addFault({ pathPattern: '/add$', times: 1, fault: { type: 'status', status: 400, body: { code: 13000309, msg: 'Resource not found.' } } });
    fx.prompter.script(target('Cat photos')).click(/not added/, 'Show Details');
    await vscode.commands.executeCommand(CommandId.addToAlbum, paging[0], paging);
    const summary = await fx.prompter.waitForNotification(/^\d+ added to “Cat photos”, (100|50) not added\. Reason: it no longer exists on KooDrive: 13000309 Resource not found\. Trace id: \S{58}$/);
    assert.equal(summary.severity, 'error');
    assert.deepEqual(summary.actions, ['Retry Failed', 'Show Details']);
    await fx.ctx.background.idle();
    const report = (await vscode.workspace.openTextDocument(fx.prompter.documents[0])).getText();
    assert.match(report, /^Failed: it no longer exists on KooDrive: 13000309 Resource not found\.\n {2}Trace id: \S{58}\n/m);
  });

  it('Retry Failed adds exactly what failed, without asking again', async () => {
    await signIn(fx, fx.owner);
    const paging = await allItems(await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页'));
    await fx.emulator.control.addFault({ pathPattern: '/add$', times: 1, fault: { type: 'status', status: 400, body: { code: 13000201, msg: 'inner failure' } } });
    fx.prompter.script(target('Cat photos')).click(/not added/, 'Retry Failed');
    await vscode.commands.executeCommand(CommandId.addToAlbum, paging[0], paging);
    await fx.ctx.background.idle();
    await fx.prompter.waitForNotification(/^Added (100|50) items to “Cat photos”\.$/);
    assert.equal((await albumIds(fx, (await albumRow(fx, 'Personal', 'Manual', 'Cat photos')).albumId)).length, 258);
    assert.deepEqual(fx.prompter.unexpected, []);
  });

  it('can be cancelled between chunks: what was added stays, the rest is not attempted', async () => {
    await signIn(fx, fx.owner);
    const large = await allItems(await albumRow(fx, 'Personal', 'Manual', 'Large album'));
    assert.equal(large.length, LARGE);
    await fx.emulator.control.addFault({ pathPattern: '/add$', times: 100, fault: { type: 'delay', ms: 100 } });
    fx.prompter.script(target('Cat photos')).cancelProgressWhen((message) => /^[1-9]\d* of 10000 added/.test(message));
    await vscode.commands.executeCommand(CommandId.addToAlbum, large[0], large);
    const summary = await fx.prompter.waitForNotification(/^Cancelled: \d+ added to “Cat photos”, \d+ not added\.$/);
    const [, added, notAdded] = /^Cancelled: (\d+) added to “Cat photos”, (\d+) not added/.exec(summary.message) ?? [];
    assert.equal(Number(added) + Number(notAdded), LARGE);
    assert.ok(Number(notAdded) > 0);
    assert.equal((await albumIds(fx, (await albumRow(fx, 'Personal', 'Manual', 'Cat photos')).albumId)).length, 8 + Number(added), 'the summary tells the truth');
  });

  it('after a 401 mid-way, signs in again once and adds exactly what was left', async () => {
    await signIn(fx, fx.owner);
    const paging = await allItems(await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页'));
    await fx.emulator.control.addFault({ pathPattern: '/add$', times: 1, fault: EXPIRED });
    fx.prompter.script(target('Cat photos')).click(/session has expired/, 'Sign In Again').script({ input: fx.owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.addToAlbum, paging[0], paging);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Added 250 items to “Cat photos”\.$/);
    assert.equal(fx.prompter.notifications.filter((n) => /session has expired/.test(n.message)).length, 1);
    assert.equal((await albumIds(fx, (await albumRow(fx, 'Personal', 'Manual', 'Cat photos')).albumId)).length, 258);
    assert.ok(labelOf(paging[0]).length > 0);
  });
});
