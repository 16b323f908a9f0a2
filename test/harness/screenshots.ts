import * as fs from 'node:fs';
import * as path from 'node:path';
import { KooDriveClient } from '../../src/api/client';
import type { Locator, Page } from 'playwright-core';
import {
  answerFolderDialog, answerInputBox, answerModal, answerQuickPick, contextMenu, expandTreeItem, multiSelect, openViewContainer, openWorkbench, runCommand, setViewExpanded,
  statusBarItem, treeItem, view, waitForNotification,
} from '../e2e/workbench';
import { log, repoRoot } from './paths';
import { launchChromium } from './browser';
import { ensureTools, type Tools } from './tools';
import { type Cleanup, runCleanups, startWorkbenchSession } from './workbenchSession';

/**
 * `npm run screenshots`: retakes the pictures of the README and the Getting Started walkthrough
 * from the real workbench, on the emulator, as a person would walk through it (sign in, an
 * album with its thumbnails, a removal's question and summary, a download, the shared folders,
 * a second account, the Accounts menu), and renders the extension's icon. Pictures the
 * walkthrough shows go to media/walkthrough/ (they ship); the README's others to docs/images/.
 */

const WALKTHROUGH = path.join(repoRoot, 'media', 'walkthrough');
const README_ONLY = path.join(repoRoot, 'docs', 'images');
/** A small window keeps the pictures legible and small. */
const VIEWPORT = { width: 1100, height: 700 };

/** The bounding box of `locators` together, grown by `margin` and kept on the page. */
async function around(locators: Locator[], margin = 8): Promise<{ x: number; y: number; width: number; height: number }> {
  const boxes = (await Promise.all(locators.map((locator) => locator.boundingBox()))).filter((box) => box !== null);
  if (boxes.length === 0) {
    throw new Error('nothing to photograph is on screen');
  }
  const left = Math.max(0, Math.min(...boxes.map((box) => box.x)) - margin);
  const top = Math.max(0, Math.min(...boxes.map((box) => box.y)) - margin);
  const right = Math.min(VIEWPORT.width, Math.max(...boxes.map((box) => box.x + box.width)) + margin);
  const bottom = Math.min(VIEWPORT.height, Math.max(...boxes.map((box) => box.y + box.height)) + margin);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

async function shoot(page: Page, dir: string, name: string, locators: Locator[]): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, clip: await around(locators), animations: 'disabled', caret: 'hide' });
  log(`${path.relative(repoRoot, file)}: ${Math.round(fs.statSync(file).size / 1024)} KiB`);
}

/**
 * Renders docs/icon.svg to media/icon.png, 128 × 128, on a transparent background; first, since
 * the package the workbench installs names the icon.
 */
async function renderIcon(tools: Tools): Promise<void> {
  const browser = await launchChromium(tools);
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${fs.readFileSync(path.join(repoRoot, 'docs', 'icon.svg'), 'utf8')}</body></html>`);
    const file = path.join(repoRoot, 'media', 'icon.png');
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    log(`media/icon.png: ${Math.round(fs.statSync(file).size / 1024)} KiB`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const cleanups: Cleanup[] = [];
  try {
    const tools = await ensureTools({ cjkFont: true });
    await renderIcon(tools);
    const session = await startWorkbenchSession({ tools, cleanups, viewport: VIEWPORT });
    const { page, emulator } = session;
    const owner = emulator.users.find((user) => user.role === 'owner');
    const member = emulator.users.find((user) => user.role === 'member');
    if (!owner || !member) {
      throw new Error('the emulator has no owner and member');
    }
    await openWorkbench(page, session.url);
    await openViewContainer(page, 'KooDrive');
    const albums = view(page, 'Albums');
    await albums.locator('.monaco-button', { hasText: 'Sign In' }).click();
    await answerInputBox(page, owner.userId, /user id/);
    await answerInputBox(page, owner.token, /access token/);
    await treeItem(albums, 'Cat photos').waitFor({ timeout: 60_000 });
    await setViewExpanded(page, 'Shared Folders', false);
    const sidebar = page.locator('.part.sidebar');

    // An album with its items by name, and a photo's thumbnail on hover.
    const namesOf = async (album: string): Promise<string[]> => {
      const client = new KooDriveClient({ endpoint: () => emulator.url, userId: () => owner.userId, getToken: () => Promise.resolve(owner.token), language: () => 'en-US', timeoutMs: () => 10_000 });
      const found = (await client.listAlbums({ albumKind: 1, albumType: 2, pageSize: 100 })).albums.find((entry) => entry.name === album);
      const ids = found ? (await client.listAlbumContent(found.id, { pageSize: 100 })).items.map((item) => item.id) : [];
      const names = await Promise.all(ids.map(async (id) => String((await client.getFile(id, owner.containerId)).fileName)));
      await expandTreeItem(albums, album);
      await Promise.all(names.slice(0, 5).map((name) => treeItem(albums, name).waitFor({ timeout: 30_000 })));
      return names;
    };
    const photos = (await namesOf('Cat photos')).filter((name) => /\.jpe?g$/i.test(name));
    await treeItem(albums, photos[1]).hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ has: page.locator('img') }).first();
    await hover.locator('img').waitFor({ timeout: 30_000 });
    await shoot(page, WALKTHROUGH, 'albums', [sidebar, hover]);
    await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height / 2);

    // One question for three items, and the summary with Undo.
    await multiSelect(albums, photos.slice(0, 3));
    await contextMenu(page, treeItem(albums, photos[2]), 'Remove from Album');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await shoot(page, WALKTHROUGH, 'remove', [dialog]);
    await answerModal(page, 'Remove');
    const removed = await waitForNotification(page, /^Removed 3 items from “Cat photos”/);
    await page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'Removing from' }).waitFor({ state: 'hidden', timeout: 30_000 });
    await shoot(page, README_ONLY, 'remove-summary', [removed]);
    await runCommand(page, 'Notifications: Clear All Notifications');

    // A download to a folder chosen in the dialog.
    const folder = path.join(session.work, 'Downloads');
    fs.mkdirSync(folder);
    const westLake = await namesOf('West Lake 西湖 2025');
    await multiSelect(albums, westLake.slice(0, 3));
    await contextMenu(page, treeItem(albums, westLake[0]), 'Download…');
    await answerFolderDialog(page, folder, 'Download Here');
    await waitForNotification(page, /^Downloaded 3 files/);
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'Downloading to' }).waitFor({ state: 'hidden', timeout: 30_000 });
    await shoot(page, WALKTHROUGH, 'download', [page.locator('.monaco-workbench')]);
    await runCommand(page, 'Notifications: Clear All Notifications');

    // The shared folders, a folder's members and invitations.
    await setViewExpanded(page, 'Albums', false);
    await setViewExpanded(page, 'Shared Folders', true);
    const folders = view(page, 'Shared Folders');
    await expandTreeItem(folders, 'Family Photos 家庭相册');
    await expandTreeItem(folders, 'Invitations');
    await page.waitForTimeout(1500); // the members' names arrive after the rows
    await shoot(page, WALKTHROUGH, 'shared-folders', [sidebar]);
    await setViewExpanded(page, 'Albums', true);

    // A second account, and the switch back from the status bar.
    await runCommand(page, 'KooDrive: Add Account…');
    await answerInputBox(page, member.userId, /user id/);
    await answerInputBox(page, member.token, /access token/);
    await statusBarItem(page, 'Zhang Min 张敏').waitFor({ timeout: 30_000 });
    await statusBarItem(page, 'Zhang Min 张敏').click();
    const picker = page.locator('.quick-input-widget');
    await picker.getByText('Li Wei 李伟').waitFor();
    await shoot(page, WALKTHROUGH, 'accounts', [picker]);
    await answerQuickPick(page, ['Li Wei 李伟']);
    await statusBarItem(page, 'Li Wei 李伟').waitFor({ timeout: 30_000 });

    // VS Code's Accounts menu, where both are listed.
    await page.locator('.part.activitybar [aria-label^="Accounts"]').first().click();
    const menu = page.locator('.monaco-menu').first();
    await menu.getByText(/Zhang Min 张敏/).waitFor();
    await shoot(page, README_ONLY, 'accounts-menu', [menu, page.locator('.part.activitybar [aria-label^="Accounts"]').first()]);
    await page.keyboard.press('Escape');
  } finally {
    await runCleanups(cleanups);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
