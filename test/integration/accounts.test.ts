import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { accountId, LEGACY_TOKEN_KEY, tokenKey } from '../../src/model/accounts';
import { type EmulatorUser, startEmulator } from '../emulator/server';
import { albumIds, albumRow, eventually, type Fixture, fixture, labelOf, rows, settings, signIn, signOutAll } from './fixture';

describe('Several accounts', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });

  const origin = (): string => new URL(fx.emulator.url).origin;
  const account = (user: EmulatorUser): { origin: string; userId: string } => ({ origin: origin(), userId: user.userId });

  /** Add Account… through the real command: the user id and the token, nothing else. */
  async function addAccount(user: EmulatorUser): Promise<void> {
    fx.prompter.script({ input: user.userId, prompt: /user id/ }, { input: user.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.addAccount);
    assert.deepEqual(fx.prompter.unexpected, []);
    await fx.prompter.waitForNotification(new RegExp(`^Signed in to KooDrive as ${user.name}`));
    await eventually(() => fx.ctx.accounts.active()?.userId === user.userId && fx.ctx.accounts.state() === 'signedIn', `${user.name} is the active account`);
    await fx.ctx.quota.settled();
  }

  /** Switch Account… through the real command: one pick, no other question. */
  async function switchTo(user: EmulatorUser): Promise<string[]> {
    let offered: string[] = [];
    const asked = fx.prompter.asked.length;
    fx.prompter.script({ pick: (labels) => { offered = labels; return labels.filter((label) => label.includes(user.name)); } });
    await vscode.commands.executeCommand(CommandId.switchAccount);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.deepEqual(fx.prompter.asked.slice(asked), ['pick: Choose the account to work as'], 'switching asks for nothing else');
    await eventually(() => fx.ctx.accounts.active()?.userId === user.userId, `${user.name} is the active account`);
    await fx.ctx.quota.settled();
    return offered;
  }

  it('Add Account makes the member active beside the owner; both are in VS Code’s Accounts menu', async () => {
    await signIn(fx, fx.owner);
    assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('Cat photos'));
    await addAccount(fx.member);
    assert.equal(vscode.workspace.getConfiguration('koodrive').get('userId'), fx.member.userId, 'the setting names the active account');
    const manual = (await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf);
    assert.ok(manual.includes('Hiking 徒步') && !manual.includes('Cat photos'), `the member's albums: ${JSON.stringify(manual)}`);
    assert.match(fx.ctx.statusBar.tooltip, /^Signed in to KooDrive as Zhang Min 张敏 \(127\.0\.0\.1:\d+\)/);
    assert.deepEqual(fx.ctx.accounts.all().map((each) => each.userId).sort(), [fx.owner.userId, fx.member.userId].sort());
    assert.equal(await fx.secrets.get(tokenKey(account(fx.owner))), fx.owner.token, 'the owner stays signed in');
    assert.equal(await fx.secrets.get(tokenKey(account(fx.member))), fx.member.token);
    const listed = await vscode.authentication.getAccounts('koodrive');
    assert.deepEqual(listed.map((each) => each.label).sort(), [`Li Wei 李伟 (${new URL(origin()).host})`, `Zhang Min 张敏 (${new URL(origin()).host})`]);
  });

  it('Switch Account goes back without a prompt, and nothing of the last account stays on screen', async () => {
    await signIn(fx, fx.owner);
    await addAccount(fx.member);
    const hiking = await albumRow(fx, 'Personal', 'Manual', 'Hiking 徒步');
    const [photo] = await fx.ctx.albums.getChildren(hiking);
    await vscode.commands.executeCommand(CommandId.openPreview, photo);
    const previewTab = (): vscode.Uri | undefined => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => (tab.input instanceof vscode.TabInputCustom || tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined)).find((uri) => uri?.scheme === 'koodrive');
    await eventually(() => previewTab() !== undefined, 'the member’s picture is open');
    const preview = previewTab() as vscode.Uri;
    const memberCaches = { details: fx.ctx.itemDetails, thumbnails: fx.ctx.thumbnails, spaces: fx.ctx.spaces };
    fx.prompter.script({ input: 'IMG' });
    await vscode.commands.executeCommand(CommandId.filterItems, hiking);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.ok(fx.ctx.albums.itemFilter(hiking.albumId), 'a filter is set on the member’s album');
    fx.ctx.details.add('member page', 'member text');
    assert.equal(fx.ctx.details.size, 1);

    const dismissed = fx.prompter.dismissed;
    const offered = await switchTo(fx.owner);
    assert.equal(fx.prompter.dismissed, dismissed + 1, 'open pickers were closed');
    await eventually(() => previewTab() === undefined, 'the member’s picture is closed');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(preview)), /not signed in here now/, 'read again, it answers as signed out');
    assert.deepEqual(offered.map((label) => label.replace(/^\$\([a-z]+\) /, '')).sort(), ['Add Account…', 'Li Wei 李伟', 'Zhang Min 张敏'].sort());
    assert.ok(offered[0].startsWith('$(check) Zhang Min'), 'the active account first, marked');
    assert.equal(fx.ctx.albums.itemFilter(hiking.albumId), undefined, 'the filter went with its account');
    assert.equal(fx.ctx.details.size, 0, 'its pages went too');
    assert.notEqual(fx.ctx.itemDetails, memberCaches.details, 'file details are read afresh');
    assert.notEqual(fx.ctx.thumbnails, memberCaches.thumbnails, 'and thumbnails');
    assert.notEqual(fx.ctx.spaces, memberCaches.spaces, 'and the containerId');
    assert.match(fx.ctx.statusBar.tooltip, /^Signed in to KooDrive as Li Wei 李伟 .*\nStorage: /);
    const manual = (await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf);
    assert.ok(manual.includes('Cat photos') && !manual.includes('Hiking 徒步'));
    await rows(fx.ctx.sharedFolders);
    assert.equal(fx.ctx.sharedFoldersView.badge?.value, 1, 'the owner’s invitation');

    await switchTo(fx.member);
    await rows(fx.ctx.sharedFolders);
    assert.equal(fx.ctx.sharedFoldersView.badge, undefined, 'the member has none: the owner’s badge is gone');
    assert.equal(vscode.workspace.getConfiguration('koodrive').get('userId'), fx.member.userId);
  });

  it('a removal started as the owner sends every chunk as the owner, though the member became active meanwhile', async () => {
    await signIn(fx, fx.owner);
    await addAccount(fx.member);
    await switchTo(fx.owner);
    const large = await albumRow(fx, 'Personal', 'Manual', 'Large album');
    await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: 'batchDelete', times: 10, fault: { type: 'delay', ms: 400 } });
    await fx.emulator.control.clearRequests();
    fx.prompter.script({ confirm: true, message: /^Remove all 10,?000 items/ });
    const removal = vscode.commands.executeCommand(CommandId.removeAllFromAlbum, large);
    await eventually(async () => (await fx.emulator.control.requests()).some((r) => r.path.endsWith('/batchDelete')), 'a first chunk was answered');
    await switchTo(fx.member);
    const switchedAt = (await fx.emulator.control.requests()).length;
    await removal;
    const summary = await fx.prompter.waitForNotification(/^Removed 10,?000 items from “Large album”/);
    assert.match(summary.message, /\(as Li Wei 李伟 \(127\.0\.0\.1:\d+\), no longer the active account\)$/);
    assert.ok(!summary.actions.includes('Undo'), 'no Undo on an account whose trees are gone');
    const chunks = (await fx.emulator.control.requests()).filter((r) => r.path.endsWith('/batchDelete'));
    assert.equal(chunks.length, 10);
    assert.deepEqual([...new Set(chunks.map((r) => `${r.headers['x-user-id']} ${r.status}`))], [`${fx.owner.userId} 200`], 'every chunk as the owner, accepted');
    const afterSwitch = (await fx.emulator.control.requests()).slice(switchedAt).filter((r) => r.headers['x-user-id'] === fx.owner.userId);
    assert.ok(afterSwitch.length > 0, 'chunks were still going out when the member became active');
    assert.deepEqual([...new Set(afterSwitch.map((r) => `${r.method} ${r.path.replace(/\d{6,}/g, '…')}`))], ['DELETE /koodrive/ose/v1/…/batchDelete'], 'nothing but the removal as the owner after the switch');
    assert.deepEqual(await albumIds(fx, large.albumId, fx.owner), []);
  });

  it('a 401 on the member marks only the member expired; Sign In Again renews only that token', async () => {
    await signIn(fx, fx.owner);
    await addAccount(fx.member);
    const renewed = await fx.emulator.control.rotateToken(fx.member.userId);
    fx.ctx.albums.refresh();
    await rows(fx.ctx.albums, 'Personal', 'Manual');
    await fx.ctx.background.idle();
    const asked = await fx.prompter.waitForNotification(/session has expired/);
    assert.match(asked.message, /^Your KooDrive session has expired \(Zhang Min 张敏 \(127\.0\.0\.1:\d+\)\)/, 'says which account');
    const owner = fx.ctx.accounts.all().find((each) => each.userId === fx.owner.userId);
    assert.equal(fx.ctx.accounts.state(), 'expired');
    assert.equal(fx.ctx.accounts.state(owner), 'signedIn', 'the owner is untouched');

    fx.prompter.script({ input: renewed.token, prompt: /new access token for Zhang Min 张敏/ });
    await vscode.commands.executeCommand(CommandId.signIn);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal(fx.ctx.accounts.state(), 'signedIn');
    assert.equal(await fx.secrets.get(tokenKey(account(fx.member))), renewed.token);
    assert.equal(await fx.secrets.get(tokenKey(account(fx.owner))), fx.owner.token, 'the owner’s token was not touched');
    assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('Hiking 徒步'));
  });

  it('moves a token of the single-account versions to its account once, and deletes the old key', async () => {
    await settings(fx.ctx, { userId: fx.owner.userId });
    assert.equal(fx.ctx.accounts.state(), 'signedOut');
    await fx.secrets.store(LEGACY_TOKEN_KEY, fx.owner.token);
    await eventually(() => fx.ctx.accounts.state() === 'signedIn', 'the old token is taken over');
    assert.equal(await fx.secrets.get(LEGACY_TOKEN_KEY), undefined, 'the old key is deleted');
    assert.equal(await fx.secrets.get(tokenKey(account(fx.owner))), fx.owner.token, 'bound to this server and user id');
    assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('Cat photos'));
  });

  it('sends no stored token to another server named in koodrive.endpoint, and shows that server signed out', async () => {
    await signIn(fx, fx.owner);
    const other = await startEmulator();
    try {
      await settings(fx.ctx, { endpoint: other.url });
      await eventually(() => fx.ctx.accounts.state() === 'signedOut', 'the other server has no account');
      assert.deepEqual(await fx.ctx.albums.getChildren(), [], 'the welcome');
      fx.prompter.script({ pick: () => undefined });
      await vscode.commands.executeCommand(CommandId.deleteSharedFolder);
      await vscode.commands.executeCommand(CommandId.showStorage);
      await fx.ctx.background.idle();
      assert.deepEqual(await other.control.requests(), [], 'not one request reached the other server');
      assert.equal(fx.ctx.accounts.all().length, 1, 'the owner stays signed in to the first server');

      await settings(fx.ctx, { endpoint: fx.emulator.url });
      await eventually(() => fx.ctx.accounts.state() === 'signedIn', 'back on the first server, signed in again without a prompt');
    } finally {
      await other.close();
    }
  });

  it('signs one account out from VS Code’s Accounts menu; the other stays, and the last one leaves the welcome', async () => {
    await signIn(fx, fx.owner);
    await addAccount(fx.member);
    const menu = await vscode.authentication.getAccounts('koodrive');
    assert.equal(menu.length, 2);
    const provider = (await vscode.extensions.getExtension<{ accountsProvider?: vscode.AuthenticationProvider }>('koodrive-tools.koodrive')?.activate())?.accountsProvider;
    assert.ok(provider);
    await provider.removeSession(accountId(account(fx.member)));
    await eventually(() => fx.ctx.accounts.state() === 'signedIn' && fx.ctx.accounts.active()?.userId === fx.owner.userId, 'the owner, on the same server, becomes active');
    assert.equal(await fx.secrets.get(tokenKey(account(fx.member))), undefined);
    assert.equal(await fx.secrets.get(tokenKey(account(fx.owner))), fx.owner.token);
    assert.deepEqual((await vscode.authentication.getAccounts('koodrive')).map((each) => each.label), [`Li Wei 李伟 (${new URL(origin()).host})`]);

    fx.prompter.script({ confirm: true, message: /^Sign out of KooDrive\?/ });
    await vscode.commands.executeCommand(CommandId.signOut);
    assert.equal(fx.ctx.accounts.state(), 'signedOut');
    assert.deepEqual(await fx.ctx.albums.getChildren(), []);
    await signOutAll(fx.ctx);
  });

  it('follows koodrive.userId edited by hand: a signed-in account becomes active, another id shows the welcome', async () => {
    await signIn(fx, fx.owner);
    await addAccount(fx.member);
    await settings(fx.ctx, { userId: fx.owner.userId });
    await eventually(() => fx.ctx.statusBar.tooltip.startsWith('Signed in to KooDrive as Li Wei 李伟'), 'the owner is active, on screen');
    assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('Cat photos'));
    await settings(fx.ctx, { userId: '1700000000000000000' });
    await eventually(() => fx.ctx.statusBar.tooltip === 'Click to sign in to KooDrive.', 'nobody is signed in as that id');
    assert.deepEqual(await fx.ctx.albums.getChildren(), [], 'the welcome, for that id');
    assert.equal(fx.ctx.accounts.all().length, 2, 'both accounts stay signed in');
  });

  it('Sign Out with several accounts asks which; the other stays and becomes active when the active one leaves', async () => {
    await signIn(fx, fx.owner);
    await addAccount(fx.member);
    let offered: string[] = [];
    fx.prompter.script(
      { pick: (labels) => { offered = labels; return labels.filter((label) => label === 'Zhang Min 张敏'); } },
      { confirm: true, message: /^Sign Zhang Min 张敏 \(127\.0\.0\.1:\d+\) out of KooDrive\?/ },
    );
    await vscode.commands.executeCommand(CommandId.signOut);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.deepEqual(offered, ['Zhang Min 张敏', 'Li Wei 李伟'], 'the active account first');
    await eventually(() => fx.ctx.accounts.active()?.userId === fx.owner.userId, 'the owner, on the same server, is active');
    assert.equal(await fx.secrets.get(tokenKey(account(fx.member))), undefined);
    assert.equal(vscode.workspace.getConfiguration('koodrive').get('userId'), fx.owner.userId);
  });

  it('lists an account another window signed in, without a prompt', async () => {
    await signIn(fx, fx.owner);
    const member = { endpoint: fx.emulator.url, origin: origin(), userId: fx.member.userId, nickname: 'Zhang Min 张敏' };
    // What Add Account in another window writes: the token, then the index.
    await fx.secrets.store(tokenKey(member), fx.member.token);
    await fx.secrets.store('koodrive.accounts', JSON.stringify([...fx.ctx.accounts.all(), member]));
    await eventually(() => fx.ctx.accounts.all().length === 2, 'the member is listed here too');
    assert.equal(fx.ctx.accounts.active()?.userId, fx.owner.userId, 'the owner stays active');
    await switchTo(fx.member);
    assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('Hiking 徒步'));
  });

  it('sends no token another window signed out, not even for work already under way', async () => {
    await signIn(fx, fx.owner);
    const underway = fx.ctx.scoped(); // a command started as the owner
    await underway.client.listSharedFolders({ offset: 0, limit: 1 }); // its token is now read
    await fx.secrets.delete(tokenKey(account(fx.owner)));
    await eventually(() => fx.ctx.accounts.state() === 'signedOut', 'this window follows');
    await fx.emulator.control.clearRequests();
    await assert.rejects(underway.client.listSharedFolders({ offset: 0, limit: 1 }), /not signed in \(no access token\)/);
    assert.deepEqual(await fx.emulator.control.requests(), [], 'nothing was sent');
  });
});
