import * as assert from 'node:assert/strict';
import { KooDriveClient } from '../../src/api/client';
import type { EmulatorUser } from '../emulator/server';
import { e2e } from './context';
import {
  answerInputBox, answerModal, answerQuickPick, contextMenu, expandTreeItem, multiSelect, openViewContainer, runCommand, statusBarItem, treeItem, view, waitForNotification,
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

  it('removes three items chosen with multi-select after one confirmation; the originals stay', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    const cats = (await asOwner().listAlbums({ albumKind: 1, albumType: 2, pageSize: 100 })).albums.find((album) => album.name === 'Cat photos');
    assert.ok(cats);
    const before = (await asOwner().listAlbumContent(cats.id, { pageSize: 100 })).items.map((item) => item.id);
    await expandTreeItem(albums, 'Cat photos');
    const chosen = before.slice(0, 3);
    await treeItem(albums, chosen[2]).waitFor();
    await multiSelect(albums, chosen);
    await contextMenu(page, treeItem(albums, chosen[2]), 'Remove from Album');
    const question = await answerModal(page, 'Remove');
    assert.match(question, /Remove 3 items from the album “Cat photos”\?/);
    assert.match(question, /original files stay in your KooDrive/);
    await waitForNotification(page, 'Removed 3 items from “Cat photos”. The original files are kept.');
    for (const id of chosen) {
      await treeItem(albums, id).waitFor({ state: 'detached' });
    }
    await treeItem(albums, before[3]).waitFor();
    const after = (await asOwner().listAlbumContent(cats.id, { pageSize: 100 })).items.map((item) => item.id);
    assert.deepEqual(after, before.slice(3));
  });

  it('asks before removing when the Delete key is pressed in the Albums tree', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    await expandTreeItem(albums, 'West Lake 西湖 2025');
    const westLake = (await asOwner().listAlbums({ albumKind: 1, albumType: 2, pageSize: 100 })).albums.find((album) => album.name === 'West Lake 西湖 2025');
    assert.ok(westLake);
    const [first] = (await asOwner().listAlbumContent(westLake.id, { pageSize: 100 })).items;
    await treeItem(albums, first.id).click();
    await page.keyboard.press('Delete');
    const question = await answerModal(page, 'Cancel');
    assert.match(question, /Remove 1 item from the album “West Lake 西湖 2025”\?/);
    await treeItem(albums, first.id).waitFor();
    assert.equal((await asOwner().listAlbumContent(westLake.id, { pageSize: 100 })).items.length, 12, 'nothing removed without confirmation');
  });

  it('from the command palette, picks a manual album, then items with checkboxes, and removes them', async () => {
    const { page } = e2e();
    const westLake = (await asOwner().listAlbums({ albumKind: 1, albumType: 2, pageSize: 100 })).albums.find((album) => album.name === 'West Lake 西湖 2025');
    assert.ok(westLake);
    const before = (await asOwner().listAlbumContent(westLake.id, { pageSize: 100 })).items.map((item) => item.id);
    await runCommand(page, 'KooDrive: Remove from Album');
    await answerQuickPick(page, ['West Lake 西湖 2025']);
    await answerQuickPick(page, [before[0], before[1]]);
    const question = await answerModal(page, 'Remove');
    assert.match(question, /Remove 2 items from the album “West Lake 西湖 2025”\?/);
    await waitForNotification(page, 'Removed 2 items from “West Lake 西湖 2025”. The original files are kept.');
    const after = (await asOwner().listAlbumContent(westLake.id, { pageSize: 100 })).items.map((item) => item.id);
    assert.deepEqual(after, before.slice(2));
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
