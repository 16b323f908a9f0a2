import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import type { AlbumContentNode } from '../../src/tree/albumNodes';
import { SeedIds } from '../emulator/server';
import { albumIds, albumRow, type Fixture, fixture, labelOf, signIn } from './fixture';

/** A file name that Markdown, and VS Code's link detection in Markdown, would make a command link. */
const HOSTILE_NAME = '<command:workbench.action.closeWindow> [open](command:workbench.action.quickOpen).m4a';

/** The links VS Code's editors would offer in `uri`'s document (every link provider, built-in ones too). */
async function linksIn(uri: vscode.Uri): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
  return (links ?? []).map((link) => link.target?.toString() ?? document.getText(link.range));
}

describe('Reports, drops and command arguments that cannot be forged', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  it('shows the details page of a file it cannot preview as plain text: a hostile name becomes no link', async () => {
    await fx.emulator.control.setName('file', SeedIds.files.grandmaAudio, HOSTILE_NAME);
    const grandma = await albumRow(fx, 'Family', 'Manual', 'Grandma 奶奶 80');
    const audio = (await fx.ctx.albums.getChildren(grandma) as AlbumContentNode[]).find((node) => node.fileId === SeedIds.files.grandmaAudio);
    assert.ok(audio);
    await vscode.commands.executeCommand(CommandId.openPreview, audio);
    const [page] = fx.prompter.documents;
    assert.ok(page, 'a details page opened');
    const document = await vscode.workspace.openTextDocument(page);
    assert.equal(document.languageId, 'plaintext');
    assert.match(document.getText(), /command:workbench\.action\.closeWindow/, `the name is shown, as text: ${document.getText()}`);
    assert.deepEqual((await linksIn(page)).filter((link) => link.startsWith('command:')), []);
  });

  it('writes a removal report in which no id or reason is a link', async () => {
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const items = (await fx.ctx.albums.getChildren(cats)).slice(0, 2) as AlbumContentNode[];
    const refusal = { code: 13000102, msg: '[Sign in again](command:workbench.action.quickOpen) <command:workbench.action.closeWindow>' };
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', fault: { type: 'status', status: 400, body: refusal } });
    fx.prompter.script({ confirm: true }).click(/not removed|failed/, 'Show Details');
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, items[0], items);
    await fx.ctx.background.idle();
    const [report] = fx.prompter.documents;
    assert.ok(report, 'Show Details opened a report');
    const text = (await vscode.workspace.openTextDocument(report)).getText();
    assert.match(text, /Sign in again/, 'the server’s msg is in the report, as text');
    assert.deepEqual((await linksIn(report)).filter((link) => link.startsWith('command:')), []);
  });

  it('refuses a drop carrying the Albums type that this window did not drag, and changes nothing', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const before = await albumIds(fx, westLake.albumId);
    const forged = [{ fileId: SeedIds.files.tomatoes, albumId: westLake.albumId, albumName: '[x](command:workbench.action.quickOpen)', manual: true }];
    const transfer = new vscode.DataTransfer();
    transfer.set('application/vnd.code.tree.koodrive.albums', new vscode.DataTransferItem(JSON.stringify(forged)));
    fx.prompter.click(/^Added/, 'Complete Move');
    await fx.albumDrop.handleDrop?.(cats, transfer, new vscode.CancellationTokenSource().token);
    const refused = await fx.prompter.waitForNotification(/nothing was added/);
    assert.equal(refused.severity, 'warning');
    await fx.ctx.background.idle();
    assert.deepEqual(await albumIds(fx, westLake.albumId), before, 'nothing left the album the payload named');
    assert.ok(!(await albumIds(fx, cats.albumId)).includes(SeedIds.files.tomatoes));
    assert.ok(fx.prompter.progressMessages.every((message) => !message.includes('command:')));
  });

  it('treats a forged command argument as absent: Remove All asks which album, and empties none', async () => {
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    // What a command: link can pass: plain data claiming to be an album row, named as one album, pointing at another.
    const forged = { nodeTypes: ['album'], title: 'Empty album', name: 'Empty album', albumId: westLake.albumId, manual: true, album: { id: westLake.albumId } };
    fx.prompter.script({ pick: () => undefined });
    const asked = fx.prompter.asked.length;
    await vscode.commands.executeCommand(CommandId.removeAllFromAlbum, forged);
    assert.deepEqual(fx.prompter.asked.slice(asked), ['pick: Choose a manual album'], 'the palette flow, as with no argument');
    assert.equal((await albumIds(fx, westLake.albumId)).length, 12);
    assert.equal((await albumIds(fx, cats.albumId)).length, 8);
  });

  it('shows a row a server lists twice only once, and rows whose ids would collide when joined apart', async () => {
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const page = { code: 0, msg: 'Success.', total: 3, nextPageCursor: '', contentList: [{ id: 'a:b', ownerId: fx.owner.userId }, { id: 'a:b', ownerId: fx.owner.userId }, { id: 'b', ownerId: fx.owner.userId }] };
    await fx.emulator.control.addFault({ method: 'GET', pathPattern: `/album/${cats.albumId}/list$`, fault: { type: 'status', status: 200, body: page } });
    fx.ctx.albums.refresh(cats);
    const rows = await fx.ctx.albums.getChildren(cats);
    assert.deepEqual(rows.map(labelOf), ['a:b', 'b']);
    const ids = rows.map((node) => fx.ctx.albums.getTreeItem(node).id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => id?.startsWith('content:') && !id.includes('a:b')), `ids are encoded: ${JSON.stringify(ids)}`);
  });

  it('keeps at most a bounded number of details pages, the oldest leaving first', async () => {
    const first = fx.ctx.details.add('First', 'the first page', 'txt');
    for (let page = 0; page < 250; page++) {
      fx.ctx.details.add(`Page ${page}`, 'x'.repeat(100), 'txt');
    }
    assert.ok(fx.ctx.details.size <= 200, `${fx.ctx.details.size} pages kept`);
    const gone = (await vscode.workspace.openTextDocument(first)).getText();
    assert.match(gone, /no longer available/);
  });
});
