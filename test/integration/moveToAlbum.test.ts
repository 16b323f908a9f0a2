import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { albumIds, albumRow, allItems, type Fixture, fixture, rows, signIn } from './fixture';

const target = (name: string) => ({ pick: (labels: string[]) => labels.filter((label) => label === name), loadPages: 3 });

describe('Move to Album', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });



  it('adds to the target first, then removes from the source exactly what reached it', async () => {
    await signIn(fx, fx.owner);
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const chosen = (await allItems(westLake)).slice(0, 3);
    let offered: string[] = [];
    fx.prompter.script({ pick: (labels) => { offered = labels; return ['Cat photos']; } });
    await fx.emulator.control.clearRequests();
    await vscode.commands.executeCommand(CommandId.moveToAlbum, chosen[0], chosen);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.ok(!offered.includes('West Lake 西湖 2025'), 'the source is not offered as the target');
    await fx.prompter.waitForNotification(/^Moved 3 items from “West Lake 西湖 2025” to “Cat photos”\. The original files are kept\.$/);
    // Changes only: reads, file details (a POST that reads) included, may come and go meanwhile.
    const calls = (await fx.emulator.control.requests()).filter((r) => r.method !== 'GET' && !r.path.endsWith('/detail')).map((r) => `${r.method} ${r.path.replace(/\d{19}/, '{id}')}`);
    assert.deepEqual(calls, ['POST /koodrive/ose/v1/album/{id}/add', 'DELETE /koodrive/ose/v1/{id}/batchDelete'], 'add first, then remove');
    const left = await albumIds(fx, westLake.albumId);
    const now = await albumIds(fx, cats.albumId);
    assert.equal(left.length, 9);
    assert.ok(chosen.every((item) => now.includes(item.fileId) && !left.includes(item.fileId)));
    assert.ok(!(await fx.ctx.albums.getChildren(westLake)).some((node) => chosen.some((item) => item.fileId === node.apiId())), 'the moved rows left the source in the tree');
  });

  it('when adding fails for some, only the items added leave the source, and the summary accounts for each', async () => {
    await signIn(fx, fx.owner);
    const paging = await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页');
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const all = await allItems(paging);
    await fx.emulator.control.addFault({ pathPattern: '/add$', times: 1, fault: { type: 'status', status: 400, body: { code: 13000309, msg: 'Resource not found.' } } });
    fx.prompter.script(target('Cat photos')).click(/left in/, 'Show Details');
    await vscode.commands.executeCommand(CommandId.moveToAlbum, all[0], all);
    const summary = await fx.prompter.waitForNotification(/^Moved (150|200) of 250 items from “Paging 250 翻页” to “Cat photos”\. (100|50) left in “Paging 250 翻页”\. Reason: it no longer exists on KooDrive: 13000309 Resource not found\. Trace id: \S{58}$/);
    const failed = Number(/(\d+) left in/.exec(summary.message)?.[1]);
    const left = await albumIds(fx, paging.albumId);
    const now = await albumIds(fx, cats.albumId);
    assert.equal(left.length, failed, 'exactly the items that could not be added stayed');
    assert.ok(all.every((item) => left.includes(item.fileId) !== now.includes(item.fileId)), 'every item is in exactly one of the two albums: none lost, none doubled');
    await fx.ctx.background.idle();
    const report = (await vscode.workspace.openTextDocument(fx.prompter.documents[0])).getText();
    assert.match(report, new RegExp(`^Left in “Paging 250 翻页”: ${failed}\\n`, 'm'));
    assert.ok(left.every((id) => report.includes(`  ${id} — it no longer exists on KooDrive`)), 'each item left behind is listed with its reason');
  });

  it('when removing from the source is refused, the items stay in both albums, never in neither', async () => {
    await signIn(fx, fx.owner);
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const chosen = (await allItems(westLake)).slice(0, 3);
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', fault: { type: 'status', status: 400, body: { code: 13000410, msg: 'No permission.' } } });
    fx.prompter.script(target('Cat photos'));
    await vscode.commands.executeCommand(CommandId.moveToAlbum, chosen[0], chosen);
    const summary = await fx.prompter.waitForNotification(/^Moved 0 of 3 items from “West Lake 西湖 2025” to “Cat photos”\. 3 now in both albums\. Reason: KooDrive says you are not allowed to do this: 13000410 No permission\. Trace id: \S{58}$/);
    assert.deepEqual(summary.actions, ['Retry Failed', 'Show Details']);
    assert.equal((await albumIds(fx, westLake.albumId)).length, 12);
    assert.equal((await albumIds(fx, (await albumRow(fx, 'Personal', 'Manual', 'Cat photos')).albumId)).length, 11);
  });

  it('as a member, moves items of a family album; a 401 during the removal resumes after signing in', async () => {
    await signIn(fx, fx.member);
    const grandma = await albumRow(fx, 'Family', 'Manual', 'Grandma 奶奶 80');
    const chosen = (await allItems(grandma)).slice(0, 2);
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } });
    fx.prompter.script(target('Hiking 徒步')).click(/session has expired/, 'Sign In Again').script({ input: fx.member.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.moveToAlbum, chosen[0], chosen);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Moved 2 items from “Grandma 奶奶 80” to “Hiking 徒步”\./);
    assert.equal((await albumIds(fx, grandma.albumId)).length, 4);
  });

  it('is not offered on collection albums and explains why when forced; a dismissed picker moves nothing', async () => {
    await signIn(fx, fx.owner);
    const camera = (await rows(fx.ctx.albums, 'Personal', 'Collection'))[0];
    const [first] = await fx.ctx.albums.getChildren(camera);
    assert.doesNotMatch(first.treeItem().contextValue ?? '', /(^|;)removable(;|$)/);
    await vscode.commands.executeCommand(CommandId.moveToAlbum, first, [first]);
    await fx.prompter.waitForNotification(/^Items of a collection album cannot be moved/);
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const [item] = await allItems(westLake);
    fx.prompter.script({ pick: () => undefined });
    await vscode.commands.executeCommand(CommandId.moveToAlbum, item, [item]);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal((await albumIds(fx, westLake.albumId)).length, 12);
  });
});
