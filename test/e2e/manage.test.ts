import * as assert from 'node:assert/strict';
import { KooDriveClient } from '../../src/api/client';
import type { EmulatorUser } from '../emulator/server';
import { e2e } from './context';
import {
  activityBadge, answerInputBox, answerModal, clearNotifications, clickInlineAction, clickNotificationButton, contextMenu, dragRowOnto, expandTreeItem, multiSelect, openViewContainer, runCommand,
  setUserSetting, setViewExpanded, signInIfNeeded, treeItem, view, waitForNotification, waitForNotificationAnywhere,
} from './workbench';

/**
 * Managing albums and a family's shared folder through the workbench, in order: one album's life
 * (create, fill by dragging, rename, delete), then a folder's (create, invite, accept as the
 * member, leave). Runs after journeys.test.ts, which leaves the owner signed in.
 */
describe('Managing albums, folders and members in the workbench', () => {
  let owner: EmulatorUser;
  let member: EmulatorUser;
  const ALBUM = 'E2E Trip 旅行';
  const RENAMED = 'E2E Trip 2025';
  const FOLDER = 'E2E Garden 花园';

  before(() => {
    const users = e2e().emulator.users;
    const found = [users.find((user) => user.role === 'owner'), users.find((user) => user.role === 'member')];
    assert.ok(found[0] && found[1]);
    [owner, member] = [found[0], found[1]];
  });

  // Toasts of earlier steps stay while the page has no focus, and only a few show at once.
  beforeEach(async () => {
    await clearNotifications(e2e().page);
  });

  /** The emulator's data, read with a user's own credentials. */
  function as(user: EmulatorUser): KooDriveClient {
    return new KooDriveClient({ endpoint: () => e2e().emulator.url, userId: () => user.userId, getToken: () => Promise.resolve(user.token), language: () => 'en-US', timeoutMs: () => 10_000 });
  }

  async function personalAlbum(name: string): Promise<{ id: string } | undefined> {
    return (await as(owner).listAlbums({ albumKind: 1, albumType: 2, pageSize: 100 })).albums.find((album) => album.name === name);
  }

  async function itemsOf(albumId: string): Promise<string[]> {
    return (await as(owner).listAlbumContent(albumId, { pageSize: 100 })).items.map((item) => item.id);
  }

  /** The file names the tree shows for items (rows are labelled by file name once their details arrive). */
  async function namesOf(ids: string[]): Promise<string[]> {
    return Promise.all(ids.map(async (id) => String((await as(owner).getFile(id, owner.containerId)).fileName)));
  }

  it('signs in as the owner if no earlier test did', async () => {
    const { page } = e2e();
    await signInIfNeeded(page, owner);
    await treeItem(view(page, 'Albums'), 'Cat photos').waitFor({ timeout: 30_000 });
  });

  it('creates an album with the Manual group’s inline +', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    await clickInlineAction(treeItem(albums, 'Manual'), 'Create Album');
    await answerInputBox(page, ALBUM, /Name of the new personal album/);
    await waitForNotification(page, `Created the album “${ALBUM}”.`);
    await treeItem(albums, ALBUM).waitFor();
    assert.ok(await personalAlbum(ALBUM));
  });

  it('drags three items from another album onto it, then completes the move', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    const westLake = await personalAlbum('West Lake 西湖 2025');
    const created = await personalAlbum(ALBUM);
    assert.ok(westLake && created);
    const before = await itemsOf(westLake.id);
    const dragged = before.slice(0, 3);
    const names = await namesOf(dragged);
    await setViewExpanded(page, 'Shared Folders', false); // room for the source and the target
    await expandTreeItem(albums, 'West Lake 西湖 2025');
    await multiSelect(albums, names);
    await treeItem(albums, ALBUM).scrollIntoViewIfNeeded();
    await dragRowOnto(page, treeItem(albums, names[2]), treeItem(albums, ALBUM));
    await clickNotificationButton(page, `Added 3 items to “${ALBUM}”.`, 'Complete Move');
    // Right after the click, the focus is in the notifications' corner: the summary may come without a toast.
    await waitForNotificationAnywhere(page, `Moved 3 items from “West Lake 西湖 2025” to “${ALBUM}”. The original files are kept.`);
    for (const name of names) {
      await treeItem(albums, name).waitFor({ state: 'detached' });
    }
    assert.deepEqual((await itemsOf(created.id)).sort(), [...dragged].sort());
    assert.deepEqual(await itemsOf(westLake.id), before.slice(3));
  });

  it('renames it with F2', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    await treeItem(albums, ALBUM).click();
    await page.keyboard.press('F2');
    const box = page.locator('.quick-input-widget input.input');
    await box.waitFor();
    assert.equal(await box.inputValue(), ALBUM, 'the current name is offered');
    await answerInputBox(page, RENAMED, /New name for the album/);
    await waitForNotification(page, `Renamed the album “${ALBUM}” to “${RENAMED}”.`);
    await treeItem(albums, RENAMED).waitFor();
  });

  it('deletes it after one confirmation that names it and its item count; the files stay', async () => {
    const { page } = e2e();
    const albums = view(page, 'Albums');
    const renamed = await personalAlbum(RENAMED);
    assert.ok(renamed);
    const files = await itemsOf(renamed.id);
    await contextMenu(page, treeItem(albums, RENAMED), 'Delete Album');
    const question = await answerModal(page, 'Delete');
    assert.match(question, new RegExp(`Delete the album “${RENAMED}”\\?`));
    assert.match(question, /It holds 3 items\. The original files stay in your KooDrive/);
    await waitForNotification(page, `Deleted the album “${RENAMED}”. The original files are kept.`);
    await treeItem(albums, RENAMED).waitFor({ state: 'detached' });
    assert.equal(await personalAlbum(RENAMED), undefined);
    const camera = (await as(owner).listAlbums({ albumKind: 1, albumType: 1, pageSize: 100 })).albums[0];
    const collected = await itemsOf(camera.id);
    assert.ok(files.every((id) => collected.includes(id)), 'the files are still collected by the camera album');
  });

  it('creates a shared folder with the inline + on Created by me', async () => {
    const { page } = e2e();
    await setViewExpanded(page, 'Shared Folders', true);
    const folders = view(page, 'Shared Folders');
    await clickInlineAction(treeItem(folders, 'Created by me'), 'Create Shared Folder');
    await answerInputBox(page, FOLDER, /Name of the new family shared folder/);
    await waitForNotification(page, `Created the shared folder “${FOLDER}”.`);
    await treeItem(folders, FOLDER).waitFor();
  });

  it('invites the member by mobile number, shown masked from then on', async () => {
    const { page } = e2e();
    const folders = view(page, 'Shared Folders');
    await contextMenu(page, treeItem(folders, FOLDER), 'Invite Member…');
    await answerInputBox(page, `+${member.mobile.slice(2, 4)} ${member.mobile.slice(4)}`, /in the documented form/);
    const masked = `${member.mobile.slice(0, 4)}****${member.mobile.slice(-3)}`;
    const question = await answerModal(page, 'Invite');
    assert.match(question, new RegExp(`Invite Min Zhang \\(${masked.replace(/\*/g, '\\*')}\\) to the shared folder “${FOLDER}”\\?`));
    await waitForNotification(page, `Invited Min Zhang (${masked}) to “${FOLDER}”.`);
    assert.equal(await page.getByText(member.mobile.slice(4)).count(), 0, 'the full number is shown nowhere');
    await expandTreeItem(folders, FOLDER);
    const invitations = folders.getByRole('treeitem', { name: /^Invitations(, has actions)?$/ });
    await invitations.click();
    await folders.getByRole('treeitem', { name: /\*\*\*\*543 pending/ }).waitFor();
  });

  it('signs in as the member, who sees the invitation badge, and accepts', async () => {
    const { page } = e2e();
    await runCommand(page, 'KooDrive: Sign Out');
    await answerModal(page, 'Sign Out');
    await view(page, 'Albums').locator('.monaco-button', { hasText: 'Sign In' }).waitFor();
    await setUserSetting(page, 'koodrive.userId', member.userId);
    await openViewContainer(page, 'KooDrive');
    await view(page, 'Shared Folders').locator('.monaco-button', { hasText: 'Sign In' }).click();
    await answerInputBox(page, member.token, /access token/);
    const folders = view(page, 'Shared Folders');
    await treeItem(folders, 'Invitations to you').waitFor({ timeout: 30_000 });
    await expectBadge('1');
    await clickInlineAction(treeItem(folders, FOLDER), 'Accept Invitation');
    await waitForNotification(page, `You joined the shared folder “${FOLDER}”. It is listed under Joined.`);
    await treeItem(folders, 'Invitations to you').waitFor({ state: 'detached' });
    await expectBadge('');
    assert.ok((await as(member).listSharedFolders({ offset: 0, limit: 100, queryType: 2 })).some((folder) => folder.name === FOLDER));
  });

  it('leaves the folder after a confirmation; it leaves Joined', async () => {
    const { page } = e2e();
    const folders = view(page, 'Shared Folders');
    await contextMenu(page, treeItem(folders, FOLDER), 'Leave Shared Folder');
    const question = await answerModal(page, 'Leave');
    assert.match(question, new RegExp(`Leave the shared folder “${FOLDER}”\\?`));
    await waitForNotification(page, `You left the shared folder “${FOLDER}”.`);
    await treeItem(folders, FOLDER).waitFor({ state: 'detached' });
    assert.ok(!(await as(member).listSharedFolders({ offset: 0, limit: 100, queryType: 0 })).some((folder) => folder.name === FOLDER));
  });

  /** Waits until the KooDrive icon's badge reads `value` ("" for none). */
  async function expectBadge(value: string): Promise<void> {
    const { page } = e2e();
    const deadline = Date.now() + 15_000;
    let shown = await activityBadge(page, 'KooDrive');
    while (shown !== value && Date.now() < deadline) {
      await page.waitForTimeout(200);
      shown = await activityBadge(page, 'KooDrive');
    }
    assert.equal(shown, value, 'the badge on the KooDrive icon');
  }
});
