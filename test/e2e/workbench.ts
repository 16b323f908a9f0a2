import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { resultsDir } from '../harness/paths';

/**
 * Steps a person takes in the VS Code workbench, for every UI test: open a view, expand and
 * multi-select rows, use context menus, answer input boxes, quick picks and modal dialogs,
 * read notifications, and take a screenshot when something fails.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Loads the workbench and waits until it is ready to use: activity bar and status bar shown
 * (the first load parses a 19 MB script: 10 to 15 s on 2 cores, more under load).
 */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 120_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 30_000 });
}

/** Clicks a view container's icon in the activity bar (waiting for extensions to contribute it). */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const icon = page.locator(`.part.activitybar [aria-label^="${title}"]`).first();
  await icon.waitFor({ timeout: 60_000 });
  const selected = await page.locator('.part.sidebar .composite.title').filter({ hasText: title }).count();
  if (selected === 0) {
    await icon.click();
  }
  await page.locator('.part.sidebar .composite.title').filter({ hasText: title }).waitFor();
}

/** A view (pane) of the side bar, by its title. */
export function view(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
}

/**
 * Tree rows whose visible label starts with `label`. (The accessible name is not the label: it
 * adds the description, or is a sentence of its own, such as an album item's
 * "photo Tomatoes.jpg, 2.4 MB, taken 3 May 2024".)
 */
export function treeItems(scope: Page | Locator, label: string, options: { selected?: boolean } = {}): Locator {
  const page = 'keyboard' in scope ? scope : scope.page();
  const rows = scope.locator(options.selected ? '[role="treeitem"][aria-selected="true"]' : '[role="treeitem"]');
  return rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escape(label)}`) }) });
}

/** The first tree row whose visible label starts with `label`. */
export function treeItem(scope: Page | Locator, label: string): Locator {
  return treeItems(scope, label).first();
}

/** The same as treeItem(): a tree row by the start of its label, in the page or in one view. */
export const getTreeItem = treeItem;

/** Waits for a row and expands it if it is collapsed. */
export async function expandTreeItem(scope: Page | Locator, label: string): Promise<Locator> {
  const row = treeItem(scope, label);
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.click();
    await scope.locator(`[role="treeitem"][aria-expanded="true"]`).filter({ hasText: label }).first().waitFor();
  }
  return row;
}

/**
 * Selects several rows as a person would: a click on the first (which replaces any selection),
 * then Ctrl+click on the others; waits until all are selected. A plain click also toggles a
 * collapsible row, so the first row's expansion is put back with the arrow keys.
 */
export async function multiSelect(scope: Page | Locator, labels: string[]): Promise<void> {
  const page = 'keyboard' in scope ? scope : scope.page();
  for (const [index, label] of labels.entries()) {
    const row = treeItem(scope, label);
    await row.waitFor({ timeout: 30_000 });
    const expanded = await row.getAttribute('aria-expanded');
    await row.click({ modifiers: index === 0 ? [] : ['Control'] });
    if (index === 0 && expanded !== null && (await row.getAttribute('aria-expanded')) !== expanded) {
      await page.keyboard.press(expanded === 'true' ? 'ArrowRight' : 'ArrowLeft');
    }
  }
  for (const label of labels) {
    await treeItems(scope, label, { selected: true }).first().waitFor({ timeout: 5000 }).catch(() => {
      throw new Error(`the row "${label}" did not become selected`);
    });
  }
}

/**
 * Opens a row's context menu and picks an entry. Menu items act on mouse-up and ignore a click
 * that comes too soon after they render, so wait, click, and click again if the menu stays.
 */
export async function contextMenu(page: Page, row: Locator | string, entry: string): Promise<void> {
  await (typeof row === 'string' ? treeItem(page, row) : row).click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: new RegExp(`^${escape(entry)}`) }).first();
  await item.waitFor();
  await page.waitForTimeout(300);
  await item.click();
  await page.waitForTimeout(200);
  if (await item.isVisible()) {
    await item.click();
  }
}

/**
 * Runs a command from the palette (F1) by its exact title as shown, e.g. "KooDrive: Sign In";
 * clicks that entry rather than the first one (the palette also lists "similar commands").
 * @throws when no entry has that title, listing the ones shown.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const entry = widget.locator('.quick-input-list [role="option"] .label-name').filter({ hasText: new RegExp(`^\\s*${escape(title)}\\s*$`) }).first();
  try {
    await entry.waitFor({ timeout: 10_000 });
  } catch {
    const shown = await widget.locator('.quick-input-list [role="option"] .label-name').allInnerTexts();
    throw new Error(`no command "${title}" in the palette; it shows: ${shown.join(' | ') || 'nothing'}`);
  }
  await entry.click();
  // The palette closes, or the command replaces it at once with a prompt of its own.
  const deadline = Date.now() + 5000;
  while ((await widget.isVisible()) && (await input.inputValue().catch(() => '')) === `>${title}` && Date.now() < deadline) {
    await page.waitForTimeout(50);
  }
}

export interface InputBoxExpectation {
  /** Wait for the box whose prompt matches (a multi-step flow moves from box to box). */
  prompt?: RegExp;
  /** Require a password box (the typed text is masked); throws otherwise. */
  password?: boolean;
}

/**
 * Types into the open input box and presses Enter; returns once the box has closed or moved on
 * to its next question. `expect` is a prompt pattern, or { prompt, password }.
 * @throws when a password box was expected and the input is not one, or the answer is not accepted.
 */
export async function answerInputBox(page: Page, text: string, expect?: RegExp | InputBoxExpectation): Promise<void> {
  const { prompt, password } = expect instanceof RegExp ? { prompt: expect, password: false } : (expect ?? {});
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible' });
  const message = widget.locator('.quick-input-message');
  if (prompt) {
    await message.filter({ hasText: prompt }).waitFor();
  }
  const asked = await message.innerText();
  const input = widget.locator('input.input');
  if (password && (await input.getAttribute('type')) !== 'password') {
    throw new Error(`the input box "${asked}" is not a password box`);
  }
  await input.fill(text);
  await page.keyboard.press('Enter');
  const deadline = Date.now() + 30_000;
  while ((await widget.isVisible()) && (await message.innerText().catch(() => '')) === asked) {
    if (Date.now() > deadline) {
      throw new Error(`the input box "${asked}" did not accept the answer`);
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Picks entries of the open quick pick by label. A single-choice pick accepts on the click; a
 * multiple-choice pick (checkboxes) gets each entry checked, then Enter accepts them all. A row
 * whose label is exactly `label` wins over one that merely contains it ("12" vs "123").
 */
export async function answerQuickPick(page: Page, labels: string[]): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible' });
  // Rows are `option`s in a single-choice pick and `checkbox`es in a multiple-choice one.
  const rows = widget.locator('.quick-input-list').locator('[role="option"], [role="checkbox"]');
  const option = async (label: string): Promise<Locator> => {
    const exact = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escape(label)}\\s*$`) }) }).first();
    const containing = rows.filter({ hasText: label }).first();
    await exact.or(containing).first().waitFor();
    return (await exact.count()) > 0 ? exact : containing;
  };
  const first = await option(labels[0]);
  const many = (await widget.locator('.quick-input-list input[type="checkbox"], .quick-input-list .monaco-custom-toggle, .quick-input-check-all').count()) > 0;
  if (!many) {
    await first.click();
    return;
  }
  for (const label of labels) {
    const row = await option(label);
    if ((await row.getAttribute('aria-checked')) !== 'true') {
      await row.click();
    }
  }
  await page.keyboard.press('Enter');
}

/**
 * Answers VS Code's folder dialog as a person would in a browser workbench, where it is a quick
 * input holding a path: types `folder` and accepts it with the dialog's own button (its `openLabel`).
 */
export async function answerFolderDialog(page: Page, folder: string, openLabel: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible' });
  const input = widget.locator('input.input');
  await input.fill(folder.endsWith('/') ? folder : `${folder}/`);
  const accept = widget.getByRole('button', { name: openLabel });
  // The dialog reads the typed path before it offers to accept it.
  await page.waitForTimeout(500);
  if (await accept.isVisible()) {
    await accept.click();
  } else {
    await page.keyboard.press('Enter');
  }
  await widget.waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Signs in as `user` through the view's welcome button when nobody is signed in yet (tests may run alone). */
export async function signInIfNeeded(page: Page, user: { userId: string; token: string }): Promise<void> {
  await openViewContainer(page, 'KooDrive');
  const signInButton = view(page, 'Albums').locator('.monaco-button', { hasText: 'Sign In' });
  if (await signInButton.isVisible()) {
    await signInButton.click();
    await answerInputBox(page, user.userId, /user id/);
    await answerInputBox(page, user.token, /access token/);
  }
}

/**
 * Makes `user` the active KooDrive account, whatever earlier tests left: nothing when it already
 * is; Add Account… when nobody is signed in; else Switch Account… to it (through Add Account…
 * when it is not signed in yet). Returns once the status bar names it.
 */
export async function useAccount(page: Page, user: { userId: string; token: string; name: string }): Promise<void> {
  await openViewContainer(page, 'KooDrive');
  const masked = `${user.userId.slice(0, 3)}…${user.userId.slice(-3)}`;
  const signInButton = view(page, 'Albums').locator('.monaco-button', { hasText: 'Sign In' });
  const signedIn = statusBarItem(page, /^\s*KooDrive: \d/);
  await signInButton.or(signedIn).first().waitFor({ timeout: 30_000 });
  if (await statusBarItem(page, `KooDrive: ${masked}`).isVisible()) {
    return;
  }
  let adding = true;
  if (await signInButton.isVisible()) {
    await runCommand(page, 'KooDrive: Add Account…');
  } else {
    await runCommand(page, 'KooDrive: Switch Account…');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ visible: true });
    await rows.first().waitFor();
    adding = (await rows.filter({ hasText: user.name }).count()) === 0;
    await answerQuickPick(page, [adding ? 'Add Account…' : user.name]);
  }
  if (adding) {
    await answerInputBox(page, user.userId, /user id/);
    await answerInputBox(page, user.token, /access token/);
  }
  await statusBarItem(page, `KooDrive: ${masked}`).waitFor({ timeout: 30_000 });
}

/** Answers a modal dialog by its button and returns the dialog's text. */
export async function answerModal(page: Page, button: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible' });
  const text = (await dialog.innerText()).trim();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  return text;
}

/** The texts of the notification toasts on screen. */
export async function readNotifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

/** Clears every notification (so a later wait cannot match an earlier test's toast). */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-list-item').first().waitFor({ state: 'hidden' });
}

/** Waits for a notification toast whose text matches, and returns it. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-list-item').filter({ has: page.locator('.notification-list-item-message', { hasText: text }) }).first();
  await toast.waitFor({ timeout: timeoutMs });
  return toast;
}

/**
 * Waits for a notification whose text matches, shown as a toast or only in the notification
 * center: VS Code adds a notification silently (no toast) while the keyboard focus is in the
 * notifications' corner, e.g. right after a button of another notification was clicked.
 */
export async function waitForNotificationAnywhere(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const center = page.locator('.notifications-center .notification-list-item-message', { hasText: text }).first();
  for (;;) {
    try {
      await waitForNotification(page, text, 2000);
      return;
    } catch {
      await runCommand(page, 'Notifications: Show Notifications');
      const found = await center.waitFor({ timeout: 2000 }).then(() => true, () => false);
      await runCommand(page, 'Notifications: Hide Notifications');
      if (found) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`no notification matching ${String(text)}, neither as a toast nor in the notification center`);
      }
    }
  }
}

/** Clicks a button of the notification that matches `text`. */
export async function clickNotificationButton(page: Page, text: string | RegExp, button: string): Promise<void> {
  const toast = await waitForNotification(page, text);
  await toast.getByRole('button', { name: button, exact: true }).click();
}

/** The status bar entry whose text matches. */
export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.part.statusbar .statusbar-item').filter({ hasText: text }).first();
}

/** Saves a full-page screenshot as `<dir>/<name>.png` (default dir: test-results/), returning its path. */
export async function screenshot(page: Page, name: string, dir = resultsDir): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_').slice(0, 100)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Clicks one of a row's inline action buttons (shown on hover), by the start of its title,
 * e.g. "Create Album…" (the accessible name may add the key binding).
 */
export async function clickInlineAction(row: Locator, title: string): Promise<void> {
  await row.waitFor({ timeout: 30_000 });
  await row.hover();
  const action = row.locator(`.actions .action-label[aria-label^="${title}"]`).first();
  await action.waitFor({ state: 'visible', timeout: 10_000 });
  await action.click();
}

/**
 * Drags `source` (with the rows selected with it: the tree drags its selection) onto `target`,
 * with the mouse, as a person would.
 */
export async function dragRowOnto(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) {
    throw new Error('the rows to drag from and onto must be on screen');
  }
  // The workbench's lists start a drag only after the pointer has moved with the button down,
  // and accept a drop after dragover events on the target: move in small steps, pause, drop.
  await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 3 + 10, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(to.x + to.width / 3, to.y + to.height / 2, { steps: 20 });
  await page.waitForTimeout(300);
  await page.mouse.move(to.x + to.width / 3 + 3, to.y + to.height / 2, { steps: 3 });
  await page.mouse.up();
  await page.waitForTimeout(200);
}

/** Expands or collapses a side-bar view (pane) by its header, e.g. to give another view more room. */
export async function setViewExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = view(page, title).locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) {
    await header.click();
    await page.locator('.part.sidebar .pane-header[aria-expanded="' + String(expanded) + '"]').filter({ hasText: title }).waitFor();
  }
}

/** The badge number on a view container's activity-bar icon ("" when there is none). */
export async function activityBadge(page: Page, title: string): Promise<string> {
  const item = page.locator('.part.activitybar .action-item').filter({ has: page.locator(`[aria-label^="${title}"]`) }).first();
  const badge = item.locator('.badge .badge-content');
  return (await badge.count()) > 0 && (await badge.first().isVisible()) ? (await badge.first().innerText()).trim() : '';
}

/**
 * Sets a user setting through the Settings editor, as a person would: search for its id, type
 * the value into its text box, close the editor. For string settings shown as a text box.
 */
export async function setUserSetting(page: Page, id: string, value: string): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings');
  const editor = page.locator('.settings-editor');
  await editor.waitFor();
  await page.keyboard.type(`@id:${id}`);
  // The row shows the id's last part in words ("userId" → "User ID"); the list keeps other,
  // unused rows around, so the text box is found through that title.
  const words = (id.split('.').pop() ?? id).replace(/([a-z])([A-Z])/g, '$1 $2');
  const box = editor.locator('.setting-item-contents', { hasText: new RegExp(words.replace(/ /g, '\\s*'), 'i') }).locator('input:visible').first();
  await box.waitFor({ timeout: 15_000 });
  await box.fill(value);
  await box.press('Tab');
  // The Settings editor writes a typed value after a pause (about a second); closing it sooner loses it.
  await page.waitForTimeout(2500);
  await page.keyboard.press('Escape');
  if (await editor.isVisible()) {
    await runCommand(page, 'View: Close Editor');
  }
  await editor.waitFor({ state: 'hidden' });
}
