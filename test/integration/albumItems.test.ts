import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId, StateKey } from '../../src/constants';
import type { AlbumContentNode, AlbumNode } from '../../src/tree/albumNodes';
import { type RunningEmulator, SeedIds, startEmulator } from '../emulator/server';
import { albumIds, albumRow, eventually, type Fixture, fixture, labelOf, row, settings, signIn, signOutAll } from './fixture';

describe('Album items with names, types, sizes and a preview', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });


  async function items(node: AlbumNode): Promise<AlbumContentNode[]> {
    return (await fx.ctx.albums.getChildren(node)).filter((child): child is AlbumContentNode => 'fileId' in child);
  }

  it('shows a page after one request, then the file names replace the ids in place', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    await fx.emulator.control.clearRequests();
    const rows = await items(westLake);
    const listed = await fx.emulator.control.requests();
    assert.deepEqual(listed.map((r) => `${r.method} ${r.path}`), [`GET /koodrive/ose/v1/album/${westLake.albumId}/list`], 'the rows came after exactly one request');
    assert.equal(rows.length, 12);
    await eventually(() => rows.every((node) => node.details !== undefined), 'every row has its details');
    const labels = rows.map(labelOf);
    assert.ok(labels.includes('西湖断桥残雪.jpg'), JSON.stringify(labels));
    assert.ok(labels.every((label) => !rows.some((node) => node.fileId === label)), 'no row is labelled by its id any more');
    const photo = rows.find((node) => labelOf(node) === '西湖断桥残雪.jpg');
    assert.ok(photo);
    const item = photo.treeItem();
    assert.match(String(item.description), /^\d+(\.\d)? KB · created /);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'file-media');
    assert.match(item.accessibilityInformation?.label ?? '', /^photo 西湖断桥残雪\.jpg, \d+(\.\d)? KB, created /);
    const video = rows.find((node) => labelOf(node).endsWith('.mp4'));
    assert.equal((video?.treeItem().iconPath as vscode.ThemeIcon).id, 'device-camera-video');
    const details = (await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/detail'));
    assert.equal(details.length, 12, 'each file asked for once');
    assert.equal(new Set(details.map((r) => r.path)).size, 12);
  });

  it('keeps the id of a row whose details fail, and says why in its tooltip, without a pop-up', async () => {
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const [first] = await albumIds(fx, cats.albumId);
    await fx.emulator.control.addFault({ pathPattern: `files/${first}/detail`, times: 5, fault: { type: 'status', status: 400, body: { code: 13000309, msg: 'File not found.' } } });
    const rows = await items(cats);
    const failing = rows.find((node) => node.fileId === first);
    assert.ok(failing);
    await eventually(() => rows.filter((node) => node !== failing).every((node) => node.details !== undefined) && failing.treeItem().tooltip !== undefined, 'the failure is known');
    assert.equal(labelOf(failing), first);
    assert.match((failing.treeItem().tooltip as vscode.MarkdownString).value, /Details could not be loaded\\: it no longer exists on KooDrive/);
    assert.deepEqual(fx.prompter.notifications, [], 'no pop-up per row');
  });

  it('names the items of a family album, files of another family member included (D14)', async () => {
    const reunion = await albumRow(fx, 'Family', 'Manual', 'Reunion Dinner 团圆饭');
    const rows = await items(reunion);
    await eventually(() => rows.every((node) => node.details !== undefined), 'every family row has its details');
    assert.ok(rows.some((node) => node.ownerId === fx.member.userId), 'the album holds the member’s files');
    assert.ok(rows.map(labelOf).includes('Reunion dinner 团圆饭.mp4'));
  });

  it('fills the tooltip on hover with the folder path and the thumbnail', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const rows = await items(westLake);
    await eventually(() => rows.every((node) => node.details !== undefined), 'details');
    const photo = rows.find((node) => labelOf(node) === '西湖断桥残雪.jpg');
    assert.ok(photo);
    const resolved = await fx.ctx.albums.resolveTreeItem(photo.treeItem(), photo, new vscode.CancellationTokenSource().token);
    const tooltip = (resolved.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Folder: \/Photos\/2025\/West Lake\/西湖断桥残雪\\\.jpg/);
    assert.match(tooltip, /!\[.*\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
    assert.doesNotMatch(tooltip, new RegExp(fx.owner.userId), 'the owner id is masked');
  });

  it('opens a photo in VS Code’s image preview with the emulator’s bytes, read-only', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const photo = (await items(westLake)).find((node) => node.fileId === SeedIds.files.brokenBridge);
    assert.ok(photo);
    await vscode.commands.executeCommand(CommandId.openPreview, photo);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const input = tab?.input as { uri?: vscode.Uri; viewType?: string } | undefined;
    assert.equal(input?.uri?.scheme, 'koodrive');
    assert.equal(input?.uri?.path, '/Albums/West Lake 西湖 2025/西湖断桥残雪.jpg');
    assert.equal(input?.viewType, 'imagePreview.previewEditor');
    const shown = await vscode.workspace.fs.readFile(input.uri);
    const response = await fetch(`${fx.emulator.url}/__files/content/${SeedIds.files.brokenBridge}`, { headers: { Authorization: `Bearer ${fx.owner.token}`, 'X-User-Id': fx.owner.userId } });
    assert.deepEqual(Buffer.from(shown), Buffer.from(await response.arrayBuffer()));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(input.uri, new Uint8Array([1]))), 'the file is read-only');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the details of a file VS Code cannot show, and refuses a video over 50 MB clearly', async () => {
    const grandma = await albumRow(fx, 'Family', 'Manual', 'Grandma 奶奶 80');
    const audio = (await items(grandma)).find((node) => node.fileId === SeedIds.files.grandmaAudio);
    assert.ok(audio);
    await vscode.commands.executeCommand(CommandId.openPreview, audio);
    assert.equal(fx.prompter.documents.length, 1);
    const text = (await vscode.workspace.openTextDocument(fx.prompter.documents[0])).getText();
    assert.match(text, /^奶奶生日快乐\.m4a\n/);
    assert.match(text, /Type: audio/);

    const reunion = await albumRow(fx, 'Family', 'Manual', 'Reunion Dinner 团圆饭');
    const video = (await items(reunion)).find((node) => node.fileId === SeedIds.files.longVideo);
    assert.ok(video);
    await vscode.commands.executeCommand(CommandId.openPreview, video);
    const refused = await fx.prompter.waitForNotification(/^Open Preview failed: the file is larger than 50 MB/);
    assert.equal(refused.severity, 'error');
    const download = (await fx.emulator.control.requests()).find((r) => r.path.endsWith(`/content/${SeedIds.files.longVideo}`));
    assert.ok(download, 'the download was asked for, then stopped at the cap');
    assert.equal(fx.prompter.documents.length, 1, 'no editor opened for it');
  });

  it('sorts album contents as chosen, and remembers the order for the workspace', async () => {
    const paging = await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页');
    fx.prompter.script({ pick: (labels) => labels.filter((label) => label === 'Date added, oldest first') });
    await vscode.commands.executeCommand(CommandId.sortItems);
    assert.deepEqual(fx.ctx.workspaceState.get(StateKey.contentSort), { sortType: 2, sortDirection: 1 });
    await fx.emulator.control.clearRequests();
    const node = fx.ctx.albums.albumNode(paging.albumId) ?? paging;
    await fx.ctx.albums.getChildren(node);
    const [request] = (await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/list'));
    assert.equal(request.query.sortType, '2');
    assert.equal(request.query.sortDirection, '1');
    fx.prompter.script({ pick: (labels) => labels.filter((label) => label === 'Date taken, newest first') });
    await vscode.commands.executeCommand(CommandId.sortItems);
  });

  it('says “Removing…” on the rows being removed until the server answers', async () => {
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const rows = (await items(cats)).slice(0, 2);
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', fault: { type: 'delay', ms: 1500 } });
    fx.prompter.script({ confirm: true });
    const removing = vscode.commands.executeCommand(CommandId.removeFromAlbum, rows[0], rows);
    await eventually(() => rows.every((node) => fx.ctx.albums.getTreeItem(node).description === 'Removing…'), 'the rows say Removing…', 5000);
    await removing;
    await fx.prompter.waitForNotification(/^Removed 2 items from “Cat photos”/);
  });

  it('removes every item of an album after one question with the exact count', async () => {
    const paging = await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页');
    fx.prompter.script({ confirm: true, message: /^Remove all 250 items from the album “Paging 250 翻页”\? The original files stay/ });
    await vscode.commands.executeCommand(CommandId.removeAllFromAlbum, paging);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(/^Removed 250 items from “Paging 250 翻页”/);
    assert.deepEqual(await albumIds(fx, paging.albumId), []);
  });

  it('loads every item into the picker with Load all, so the whole album can be chosen at once', async () => {
    const paging = await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页');
    await settings(fx.ctx, { pageSize: 20 });
    let offered = 0;
    fx.prompter.script({ pick: (labels) => { offered = labels.length; return labels; }, loadPages: 'all' }, { confirm: true, message: /Remove 250 items/ });
    await vscode.commands.executeCommand(CommandId.removeFromAlbum, paging);
    assert.equal(offered, 250);
    await fx.prompter.waitForNotification(/^Removed 250 items/);
  });

  it('filters an album’s rows by name and date, shows the filter on the view, and clears it', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    const rows = await items(westLake);
    await eventually(() => rows.every((node) => node.details !== undefined), 'details');
    fx.prompter.script({ input: '断桥', prompt: /name contains/ });
    await vscode.commands.executeCommand(CommandId.filterItems, westLake);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.deepEqual((await fx.ctx.albums.getChildren(westLake)).map(labelOf), ['西湖断桥残雪.jpg']);
    assert.equal(fx.ctx.albumsView.description, 'Filter: West Lake 西湖 2025 · 断桥');
    fx.prompter.script({ input: 'after:2100-01-01' });
    await vscode.commands.executeCommand(CommandId.filterItems, westLake);
    assert.deepEqual((await fx.ctx.albums.getChildren(westLake)).map(labelOf), ['No item matches the filter']);
    await vscode.commands.executeCommand(CommandId.clearItemFilter);
    assert.equal((await items(westLake)).length, 12);
    assert.equal(fx.ctx.albumsView.description, undefined);
  });

  it('masks user ids everywhere: tooltips, details and the status bar', async () => {
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    const markdown = (cats.treeItem().tooltip as vscode.MarkdownString).value;
    assert.doesNotMatch(markdown, new RegExp(fx.owner.userId));
    const member = await row(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册', 'Zhang Min 张敏');
    assert.doesNotMatch(String(member.treeItem().description), /0027829876543/);
    assert.match(String(member.treeItem().description), /^0027\d*\*{4}543$/);
  });
});

describe('Download links on another host (D15)', () => {
  let fx: Fixture;
  let split: RunningEmulator;
  before(async () => {
    split = await startEmulator({ downloads: 'separate' });
  });
  after(async () => {
    await split.close();
  });
  beforeEach(async () => {
    fx = await fixture();
  });
  afterEach(async () => {
    await signOutAll(fx.ctx);
    await settings(fx.ctx, { endpoint: fx.emulator.url, userId: '' });
  });

  it('fetches a pre-signed link bare: the picture opens, and the token never went to that host', async () => {
    const owner = split.users.find((user) => user.role === 'owner');
    assert.ok(owner && split.downloadsUrl);
    await settings(fx.ctx, { endpoint: split.url, userId: owner.userId });
    fx.prompter.script({ input: owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.signIn);
    assert.equal(fx.ctx.accounts.state(), 'signedIn');
    const westLake = (await row(fx.ctx.albums, 'Personal', 'Manual', 'West Lake 西湖 2025')) as AlbumNode;
    const photo = (await fx.ctx.albums.getChildren(westLake)).find((node) => node.apiId() === SeedIds.files.brokenBridge) as AlbumContentNode | undefined;
    assert.ok(photo);
    await split.control.clearRequests();
    await vscode.commands.executeCommand(CommandId.openPreview, photo);
    assert.deepEqual(fx.prompter.unexpected, []);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
    assert.equal(input?.uri?.scheme, 'koodrive');
    const downloads = (await split.control.requests()).filter((request) => request.path.startsWith('/__files/content/'));
    assert.equal(downloads.length, 1, 'the content came from the second origin');
    assert.equal(downloads[0].status, 200, 'which refuses any request that carries credentials');
    assert.equal(downloads[0].headers.authorization, undefined);
    assert.equal(downloads[0].headers['x-user-id'], undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
