import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { KooDriveClient } from '../../src/api/client';
import type { EmulatorUser } from '../emulator/server';
import { e2e } from './context';
import {
  answerInputBox, answerModal, answerQuickPick, contextMenu, expandTreeItem, multiSelect, openViewContainer, runCommand, statusBarItem, treeItem, treeItems, view, waitForNotification,
} from './workbench';

/** The main journeys, through the real workbench as a person would walk them, in order. */
describe('KooDrive in the workbench', () => {
  let owner: EmulatorUser;

  before(() => {
    const found = e2e().emulator.users.find((user) => user.role === 'owner');
    assert.ok(found);
    owner = found;
  });

  /** The emulator's data, read with the owner's own credentials. */
  function asOwner(): KooDriveClient {
    return new KooDriveClient({ endpoint: () => e2e().emulator.url, userId: () => owner.userId, getToken: () => Promise.resolve(owner.token), language: () => 'en-US', timeoutMs: () => 10_000 });
  }

  /** The items of one of the owner's manual albums, as ids and the file names the tree shows. */
  async function itemsOf(albumName: string): Promise<{ albumId: string; ids: string[]; names: string[] }> {
    const album = (await asOwner().listAlbums({ albumKind: 1, albumType: 2, pageSize: 100 })).albums.find((entry) => entry.name === albumName);
    assert.ok(album, albumName);
    const ids = (await asOwner().listAlbumContent(album.id, { pageSize: 100 })).items.map((item) => item.id);
    const names = await Promise.all(ids.map(async (id) => String((await asOwner().getFile(id, owner.containerId)).fileName)));
    return { albumId: album.id, ids, names };
  }

  it('shows the KooDrive container with Albums and Shared Folders, and a sign-in welcome', async () => {
    const { page } = e2e();
    await openViewContainer(page, 'KooDrive');
    await view(page, 'Albums').getByText('Sign in to KooDrive to see your albums and shared folders.').waitFor();
    await view(page, 'Shared Folders').locator('.monaco-button', { hasText: 'Sign In' }).waitFor();
    await statusBarItem(page, 'KooDrive: signed out').waitFor();
  });

  it('signs in with the user id and a password-boxed token, then lists the albums', async () => {
    const { page } = e2e();
    await view(page, 'Albums').locator('.monaco-button', { hasText: 'Sign In' }).click(); // the welcome's button
    await answerInputBox(page, owner.userId, /user id/);
    const tokenBox = page.locator('.quick-input-widget input.input');
    await page.locator('.quick-input-widget').getByText(/access token/).waitFor();
    assert.equal(await tokenBox.getAttribute('type'), 'password', 'the token is typed into a password box');
    await answerInputBox(page, owner.token);
    await treeItem(view(page, 'Albums'), 'Cat photos').waitFor({ timeout: 30_000 });
    await treeItem(view(page, 'Shared Folders'), 'Family Photos 家庭相册').waitFor();
    // The status bar shows who is signed in, the user id masked like everywhere else.
    await statusBarItem(page, `KooDrive: ${owner.userId.slice(0, 3)}…${owner.userId.slice(-3)}`).waitFor();
    assert.equal(await page.locator('.part.statusbar').getByText(owner.userId).count(), 0);
  });

  it('shows each item by its file name, with size and date, once its details arrive', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    const cats = await itemsOf('Cat photos');
    await expandTreeItem(albums, 'Cat photos');
    for (const name of cats.names) {
      await treeItem(albums, name).waitFor({ timeout: 30_000 });
    }
    const first = treeItem(albums, cats.names[0]);
    assert.match(await first.getAttribute('aria-label') ?? '', /^(photo|video) .+, [\d.,]+ (B|KB|MB), (taken|created) /, 'screen readers hear a sentence');
    assert.equal(await treeItems(albums, cats.ids[0]).count(), 0, 'no row shows an id');
  });

  it('shows the thumbnail and folder in the tooltip on hover', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    const cats = await itemsOf('Cat photos');
    const row = treeItem(albums, cats.names[0]);
    await row.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: cats.names[0] }).first();
    await hover.waitFor({ timeout: 15_000 });
    await hover.locator('img[src^="data:image/png;base64,"]').waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /Folder: \/Photos\//);
    await page.mouse.move(0, 0);
  });

  it('opens a photo in the image preview with a click, and the next one with the arrow key and Enter', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    const cats = await itemsOf('Cat photos');
    const photos = cats.names.filter((name) => name.endsWith('.jpg'));
    await treeItem(albums, photos[0]).click();
    const tab = (name: string): Locator => page.locator('.tabs-container .tab').filter({ hasText: name }).first();
    await tab(photos[0]).waitFor({ timeout: 30_000 });
    // The image preview has loaded the picture when it shows its size in the status bar.
    await statusBarItem(page, /\d+x\d+/).waitFor({ timeout: 30_000 });
    await page.keyboard.press('ArrowDown'); // the tree kept the focus (a preview, as in the Explorer)
    const next = (await albums.locator('[role="treeitem"].focused .label-name').first().innerText()).trim();
    assert.notEqual(next, photos[0]);
    await page.keyboard.press('Enter');
    await tab(next).waitFor({ timeout: 30_000 });
    await runCommand(page, 'View: Close All Editors');
  });

  it('removes three items chosen by name with multi-select after one confirmation; the originals stay', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    const cats = await itemsOf('Cat photos');
    const chosen = cats.names.slice(0, 3);
    await expandTreeItem(albums, 'Cat photos');
    await multiSelect(albums, chosen);
    await contextMenu(page, treeItem(albums, chosen[2]), 'Remove from Album');
    const question = await answerModal(page, 'Remove');
    assert.match(question, /Remove 3 items from the album “Cat photos”\?/);
    assert.match(question, /original files stay in your KooDrive/);
    await waitForNotification(page, 'Removed 3 items from “Cat photos”. The original files are kept.');
    for (const name of chosen) {
      await treeItem(albums, name).waitFor({ state: 'detached' });
    }
    await treeItem(albums, cats.names[3]).waitFor();
    const after = (await asOwner().listAlbumContent(cats.albumId, { pageSize: 100 })).items.map((item) => item.id);
    assert.deepEqual(after, cats.ids.slice(3));
  });

  it('asks before removing when the Delete key is pressed in the Albums tree', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    await expandTreeItem(albums, 'West Lake 西湖 2025');
    const westLake = await itemsOf('West Lake 西湖 2025');
    const row = treeItem(albums, westLake.names[0]);
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await treeItems(albums, westLake.names[0], { selected: true }).first().waitFor();
    await row.focus();
    await page.keyboard.press('Delete');
    const question = await answerModal(page, 'Cancel');
    assert.match(question, /Remove 1 item from the album “West Lake 西湖 2025”\?/);
    await row.waitFor();
    assert.equal((await asOwner().listAlbumContent(westLake.albumId, { pageSize: 100 })).items.length, 12, 'nothing removed without confirmation');
  });

  it('from the command palette, picks a manual album, then two items by name, and removes them', async () => {
    const { page } = e2e();
    const westLake = await itemsOf('West Lake 西湖 2025');
    await runCommand(page, 'KooDrive: Remove from Album');
    await answerQuickPick(page, ['West Lake 西湖 2025']);
    await answerQuickPick(page, [westLake.names[0], westLake.names[1]]);
    const question = await answerModal(page, 'Remove');
    assert.match(question, /Remove 2 items from the album “West Lake 西湖 2025”\?/);
    await waitForNotification(page, 'Removed 2 items from “West Lake 西湖 2025”. The original files are kept.');
    const after = (await asOwner().listAlbumContent(westLake.albumId, { pageSize: 100 })).items.map((item) => item.id);
    assert.deepEqual(after, westLake.ids.slice(2));
  });

  it('deletes a shared folder the user owns, and offers no deletion on a joined one', async () => {
    const { page } = e2e();
    const folders = view(page, 'Shared Folders');
    const joined = treeItem(folders, 'Zhang Family 张家');
    await joined.click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^Copy ID/ }).waitFor();
    assert.equal(await page.getByRole('menuitem', { name: /^Delete Shared Folder/ }).count(), 0, 'joined folders do not offer deletion');
    await page.keyboard.press('Escape');

    await contextMenu(page, treeItem(folders, 'Work Drafts 工作草稿'), 'Delete Shared Folder');
    const warning = await answerModal(page, 'Delete');
    assert.match(warning, /Delete the shared folder “Work Drafts 工作草稿”\?/);
    assert.match(warning, /0 members will lose access/);
    await waitForNotification(page, 'Deleted the shared folder “Work Drafts 工作草稿”.');
    await treeItem(folders, 'Work Drafts 工作草稿').waitFor({ state: 'detached' });
    const left = await asOwner().listSharedFolders({ offset: 0, limit: 100, queryType: 1 });
    assert.deepEqual(left.map((folder) => folder.name), ['Family Photos 家庭相册']);
  });
});
