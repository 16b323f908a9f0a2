import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import type { AlbumContentNode, AlbumNode } from '../../src/tree/albumNodes';
import { SeedIds } from '../emulator/server';
import { albumIds, albumRow, eventually, type Fixture, fixture, signIn } from './fixture';
import { MemoryFileSystem } from './memoryFileSystem';
import type { Answer } from './scriptedPrompter';

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The details KooDrive gives for `fileId` (its name, size, sha256), as the owner reads them. */
async function detailsOf(fx: Fixture, fileId: string, ownerId = fx.owner.userId): Promise<{ fileName?: string; size?: unknown; sha256?: unknown }> {
  const container = (await fx.ctx.client.getSpace(ownerId)).containerId;
  return fx.ctx.client.getFile(fileId, container);
}

describe('Download…', () => {
  let fx: Fixture;
  let dir = '';
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-download-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The rows of an album, with their details, as the tree shows them. */
  async function items(album: AlbumNode): Promise<AlbumContentNode[]> {
    const rows = (await fx.ctx.albums.getChildren(album)).filter((node): node is AlbumContentNode => node.nodeTypes.includes('albumContent'));
    await eventually(() => rows.every((row) => row.details !== undefined), 'the rows have their details');
    return rows;
  }

  /** Downloads `rows` (or an album) into the test's folder through the command, as the context menu does; `answers` come after the folder dialog. */
  async function download(target: AlbumContentNode[] | AlbumNode, ...answers: Answer[]): Promise<void> {
    fx.prompter.script({ folder: vscode.Uri.file(dir) }, ...answers);
    await (Array.isArray(target) ? vscode.commands.executeCommand(CommandId.download, target[0], target) : vscode.commands.executeCommand(CommandId.download, target));
    await fx.ctx.background.idle();
  }

  const partFiles = (folder = dir): string[] => fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.koodrive-part'));
  const contentRequests = async (): Promise<number> => (await fx.emulator.control.requests()).filter((request) => request.path.startsWith('/__files/content/')).length;

  it('downloads a selection into the folder chosen, byte for byte, with one summary that can open it', async () => {
    const chosen = (await items(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))).slice(0, 3);
    await download(chosen);
    assert.deepEqual(fx.prompter.unexpected, []);
    const summary = await fx.prompter.waitForNotification(new RegExp(`^Downloaded 3 files to “${path.basename(dir)}”\\.$`));
    assert.deepEqual(summary.actions, ['Open Folder']);
    assert.equal(fx.prompter.folderDialogs[0].openLabel, 'Download Here');
    for (const row of chosen) {
      const details = await detailsOf(fx, row.fileId);
      const file = path.join(dir, details.fileName ?? '');
      assert.equal(fs.statSync(file).size, Number(details.size));
      assert.equal(sha256(file), details.sha256);
    }
    assert.deepEqual(partFiles(), []);
    assert.ok(fx.prompter.progressMessages.some((message) => /^\d of 3 · .+ of .+$/.test(message)), 'files and bytes in the progress');
  });

  it('downloads a whole album, counted first, into a folder named after it; again, it fetches nothing already there', async () => {
    const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
    await download(westLake);
    await fx.prompter.waitForNotification(/^Downloaded 12 files to “West Lake 西湖 2025”\.$/);
    assert.equal(fs.readdirSync(path.join(dir, 'West Lake 西湖 2025')).length, 12);
    assert.ok(fx.prompter.progressMessages.some((message) => /^12 items so far$/.test(message)), 'counted with progress');
    await fx.emulator.control.clearRequests();
    fx.prompter.notifications.length = 0;
    await download(westLake);
    await fx.prompter.waitForNotification(/^All 12 files are already in “West Lake 西湖 2025”; nothing was downloaded\.$/);
    assert.equal(await contentRequests(), 0, 'nothing fetched again');
    assert.equal(fx.prompter.folderDialogs[1].defaultUri?.fsPath, dir, 'the last folder is offered first');
  });

  it('asks once about different files of the same names, and Overwrite, Keep Both and Skip each do what they say', async () => {
    const chosen = (await items(await albumRow(fx, 'Personal', 'Manual', 'Cat photos'))).slice(0, 2);
    const names = chosen.map((row) => row.details?.fileName ?? '');
    const plant = (): void => names.forEach((name) => fs.writeFileSync(path.join(dir, name), 'mine'));
    plant();
    await download(chosen, { ask: 'Skip', message: /already holds different files of the same names as 2 being downloaded/ });
    await fx.prompter.waitForNotification(/2 files of the same name were left as they were\.$/);
    assert.deepEqual(names.map((name) => fs.readFileSync(path.join(dir, name), 'utf8')), ['mine', 'mine']);
    await download(chosen, { ask: 'Keep Both' });
    await fx.prompter.waitForNotification(/^Downloaded 2 files to/);
    for (const name of names) {
      const dot = name.lastIndexOf('.');
      const both = `${name.slice(0, dot)} (2)${name.slice(dot)}`;
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), 'mine');
      assert.ok(fs.statSync(path.join(dir, both)).size > 4, `${both} was downloaded beside it`);
    }
    await download(chosen, { ask: 'Overwrite' });
    assert.ok(names.every((name) => fs.readFileSync(path.join(dir, name)).length > 4), 'replaced');
    assert.deepEqual(fx.prompter.unexpected, []);
  });

  it('fails a corrupted file and a cut one with their reasons, keeps the others, and leaves nothing of either on disk', async () => {
    const chosen = (await items(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))).slice(0, 4);
    await fx.emulator.control.addFault({ pathPattern: `^/__files/content/${chosen[0].fileId}$`, times: 5, fault: { type: 'corrupt' } });
    await fx.emulator.control.addFault({ pathPattern: `^/__files/content/${chosen[1].fileId}$`, times: 5, fault: { type: 'cut', afterBytes: 1000 } });
    fx.prompter.click(/failed/, 'Show Details');
    await download(chosen);
    const summary = await fx.prompter.waitForNotification(/^2 downloaded to “.+”, 2 failed\. Reason: /);
    assert.deepEqual(summary.actions, ['Retry Failed', 'Show Details', 'Open Folder']);
    assert.equal(fs.readdirSync(dir).length, 2);
    assert.deepEqual(partFiles(), []);
    const report = (await vscode.workspace.openTextDocument(fx.prompter.documents[0])).getText();
    assert.match(report, /do not match the file’s size or checksum/);
    assert.match(report, /could not be reached|connection/i);
  });

  it('stops at a cancel: files done stay, running ones are aborted and leave no temporary file', async () => {
    const chosen = await items(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'));
    await fx.emulator.control.addFault({ pathPattern: '^/__files/content/', times: 100, fault: { type: 'delay', ms: 300 } });
    fx.prompter.cancelProgressWhen((message) => /^[1-9]\d* of 12 ·/.test(message));
    await download(chosen);
    const summary = await fx.prompter.waitForNotification(/^Cancelled: \d+ downloaded to “.+”, \d+ not downloaded\.$/);
    const [, done] = /^Cancelled: (\d+) downloaded/.exec(summary.message) ?? [];
    assert.equal(fs.readdirSync(dir).length, Number(done));
    assert.ok(Number(done) < 12);
    assert.deepEqual(partFiles(), []);
  });

  it('asks once to sign in again after a 401 mid-way, then downloads what was left', async () => {
    const chosen = (await items(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))).slice(0, 6);
    await fx.emulator.control.addFault({ pathPattern: `^/__files/content/${chosen[2].fileId}$`, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } });
    fx.prompter.click(/session has expired/, 'Sign In Again');
    await download(chosen, { input: fx.owner.token, prompt: /access token/ });
    await fx.prompter.waitForNotification(/^Downloaded 6 files to/);
    assert.equal(fs.readdirSync(dir).length, 6);
    assert.equal(fx.prompter.notifications.filter((note) => /session has expired/.test(note.message)).length, 1);
  });

  it('reads an expired link afresh through getFile once, and downloads the file', async () => {
    const [row] = await items(await albumRow(fx, 'Personal', 'Manual', 'Cat photos'));
    await fx.emulator.control.addFault({ pathPattern: `^/__files/content/${row.fileId}$`, fault: { type: 'expired' } });
    await fx.emulator.control.clearRequests();
    await download([row]);
    await fx.prompter.waitForNotification(/^Downloaded 1 file to/);
    const lookups = (await fx.emulator.control.requests()).filter((request) => request.path.endsWith(`/files/${row.fileId}/detail`));
    assert.equal(lookups.length, 1, 'one fresh getFile for the new link');
  });

  it('downloads another member’s file from a family album', async () => {
    const reunion = await items(await albumRow(fx, 'Family', 'Manual', 'Reunion Dinner 团圆饭'));
    const theirs = reunion.find((row) => row.ownerId === fx.member.userId && row.fileId !== SeedIds.files.longVideo);
    assert.ok(theirs, 'the album holds a file of the member');
    await download([theirs]);
    await fx.prompter.waitForNotification(/^Downloaded 1 file to/);
    const details = await detailsOf(fx, theirs.fileId, fx.member.userId);
    assert.equal(sha256(path.join(dir, details.fileName ?? '')), details.sha256);
  });

  it('names files safely: reserved and forbidden names, twins, and a file without a name', async () => {
    // Names planted before the tree reads them: a file's details are read once per session.
    const ids = (await albumIds(fx, SeedIds.albums.cats)).filter((id) => id !== SeedIds.files.catTower).slice(0, 4);
    await fx.emulator.control.setName('file', ids[0], 'CON.jpg');
    await fx.emulator.control.setName('file', ids[1], '../a/b:c*?.jpg');
    await fx.emulator.control.setName('file', ids[2], 'twin.jpg');
    await fx.emulator.control.setName('file', ids[3], '');
    await fx.emulator.control.setName('file', SeedIds.files.catTower, 'twin.jpg');
    const rows = (await items(await albumRow(fx, 'Personal', 'Manual', 'Cat photos'))).filter((row) => [...ids, SeedIds.files.catTower].includes(row.fileId));
    assert.equal(rows.length, 5);
    await download(rows);
    await fx.prompter.waitForNotification(/^Downloaded 5 files to/);
    const names = fs.readdirSync(dir).sort();
    assert.ok(names.includes('CON_.jpg'), JSON.stringify(names));
    assert.ok(names.some((name) => /^[._]*a_b_c__\.jpg$/.test(name)), JSON.stringify(names));
    assert.ok(names.includes('twin.jpg') && names.includes('twin (2).jpg'), JSON.stringify(names));
    assert.ok(names.some((name) => new RegExp(`^${ids[3]}\\.(jpg|mp4|png)$`).test(name)), `the nameless file is named by its id and its kind: ${JSON.stringify(names)}`);
    assert.ok(names.every((name) => !name.includes('/') && !name.includes('\\')));
  });

  it('writes a folder on the other side of a remote window through VS Code’s file system: whole, checked files and nothing temporary left', async () => {
    const remote = new MemoryFileSystem();
    const registration = vscode.workspace.registerFileSystemProvider('koodrive-test-remote', remote);
    try {
      const chosen = (await items(await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025'))).slice(0, 3);
      const folder = vscode.Uri.from({ scheme: 'koodrive-test-remote', path: '/photos' });
      fx.prompter.script({ folder });
      await vscode.commands.executeCommand(CommandId.download, chosen[0], chosen);
      await fx.ctx.background.idle();
      await fx.prompter.waitForNotification(/^Downloaded 3 files to “photos”\.$/);
      const written = remote.filesIn('/photos');
      for (const row of chosen) {
        const details = await detailsOf(fx, row.fileId);
        const bytes = written.get(details.fileName ?? '');
        assert.ok(bytes, `${details.fileName ?? ''} is in the remote folder`);
        assert.equal(createHash('sha256').update(bytes).digest('hex'), details.sha256);
      }
      assert.equal(written.size, 3, `nothing but the three files: ${[...written.keys()].join(', ')}`);
      assert.ok(remote.calls.some((call) => /^rename \/photos\/\..+\.koodrive-part \/photos\//.test(call)), 'written under a temporary name, then renamed into place');

      await fx.emulator.control.clearRequests();
      fx.prompter.notifications.length = 0;
      fx.prompter.script({ folder });
      await vscode.commands.executeCommand(CommandId.download, chosen[0], chosen);
      await fx.ctx.background.idle();
      await fx.prompter.waitForNotification(/^All 3 files are already in “photos”; nothing was downloaded\.$/);
      assert.equal(await contentRequests(), 0, 'compared on the remote side, nothing fetched again');
    } finally {
      registration.dispose();
    }
  });
});
