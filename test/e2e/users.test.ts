import * as assert from 'node:assert/strict';
import type { EmulatorUser } from '../emulator/server';
import { e2e } from './context';
import { answerInputBox, answerQuickPick, clearNotifications, openViewContainer, openWorkbench, runCommand, statusBarItem, treeItem, useAccount, view, waitForNotification } from './workbench';

/** Several accounts through the real workbench: Add Account…, Switch Account…, the Accounts menu, a reload. */
describe('Several KooDrive accounts in the workbench', () => {
  let owner: EmulatorUser;
  let member: EmulatorUser;

  before(() => {
    const users = e2e().emulator.users;
    const found = [users.find((user) => user.role === 'owner'), users.find((user) => user.role === 'member')];
    assert.ok(found[0] && found[1]);
    [owner, member] = found;
  });

  const masked = (user: EmulatorUser): string => `${user.userId.slice(0, 3)}…${user.userId.slice(-3)}`;

  /** The labels of the quick pick on screen. */
  async function pickLabels(): Promise<string[]> {
    // Only what is on screen: the list reuses rows of earlier pickers, their unused parts hidden.
    const rows = e2e().page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ visible: true });
    await rows.first().waitFor();
    return (await rows.locator('.label-name').filter({ visible: true }).allInnerTexts()).map((text) => text.trim());
  }

  it('adds the member as a second account from the palette; the trees show the member’s albums', async () => {
    const { page } = e2e();
    await clearNotifications(page);
    await useAccount(page, owner);
    await runCommand(page, 'KooDrive: Add Account…');
    await answerInputBox(page, member.userId, /user id/);
    await answerInputBox(page, member.token, /access token/);
    await waitForNotification(page, /^Signed in to KooDrive as Zhang Min 张敏/);
    const albums = view(page, 'Albums');
    await treeItem(albums, 'Hiking 徒步').waitFor({ timeout: 30_000 });
    await treeItem(albums, 'Cat photos').waitFor({ state: 'detached' });
    await statusBarItem(page, `KooDrive: ${masked(member)} · Zhang Min 张敏`).waitFor();
  });

  it('switches back to the owner from the status bar, with no other question', async () => {
    const { page } = e2e();
    await statusBarItem(page, 'Zhang Min 张敏').click();
    const labels = await pickLabels();
    assert.deepEqual(labels.map((label) => label.replace(/^\W+/, '')), ['Zhang Min 张敏', 'Li Wei 李伟', 'Add Account…'], 'the active account first, then the others, then Add Account…');
    await answerQuickPick(page, ['Li Wei 李伟']);
    const albums = view(page, 'Albums');
    await treeItem(albums, 'Cat photos').waitFor({ timeout: 30_000 });
    await treeItem(albums, 'Hiking 徒步').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.quick-input-widget').isVisible(), false, 'no token or user id was asked for');
    await statusBarItem(page, `KooDrive: ${masked(owner)} · Li Wei 李伟`).waitFor();
  });

  it('lists both accounts in VS Code’s Accounts menu', async () => {
    const { page } = e2e();
    const accounts = page.locator('.part.activitybar [aria-label^="Accounts"]').first();
    await accounts.click();
    const menu = page.locator('.monaco-menu').first();
    await menu.getByText(/Li Wei 李伟 \(127\.0\.0\.1:\d+\)/).waitFor();
    await menu.getByText(/Zhang Min 张敏 \(127\.0\.0\.1:\d+\)/).waitFor();
    assert.equal(await menu.getByText(/Sign in with KooDrive/).count(), 0, 'no sign-in request left over once accounts are signed in');
    await page.keyboard.press('Escape');
  });

  it('keeps both accounts, the owner active, after a reload', async () => {
    const { page, url } = e2e();
    await openWorkbench(page, url);
    await openViewContainer(page, 'KooDrive');
    await treeItem(view(page, 'Albums'), 'Cat photos').waitFor({ timeout: 60_000 });
    await statusBarItem(page, `KooDrive: ${masked(owner)} · Li Wei 李伟`).waitFor();
    await runCommand(page, 'KooDrive: Switch Account…');
    assert.deepEqual((await pickLabels()).map((label) => label.replace(/^\W+/, '')), ['Li Wei 李伟', 'Zhang Min 张敏', 'Add Account…']);
    await page.keyboard.press('Escape');
  });
});
