import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { tokenKey } from '../../src/model/accounts';
import { type Fixture, fixture, rows, settings, signIn } from './fixture';

/** The token kept for `userId` on the emulator's server, read straight from the secret storage. */
function storedToken(fx: Fixture, userId: string): Thenable<string | undefined> {
  return fx.secrets.get(tokenKey({ origin: new URL(fx.emulator.url).origin, userId }));
}

describe('Signing in and out', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });

  it('shows nothing but the welcome while signed out, and sends no request', async () => {
    await fx.emulator.control.clearRequests();
    assert.deepEqual(await fx.ctx.albums.getChildren(), []);
    assert.deepEqual(await fx.ctx.sharedFolders.getChildren(), []);
    assert.deepEqual(await fx.emulator.control.requests(), []);
  });

  it('asks for the user id when it is empty, checks the pair, then stores the token and writes the setting', async () => {
    await fx.emulator.control.clearRequests();
    fx.prompter.script({ input: fx.owner.userId, prompt: /user id/ }, { input: fx.owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.signIn);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal(fx.ctx.accounts.state(), 'signedIn');
    assert.equal(vscode.workspace.getConfiguration('koodrive').get('userId'), fx.owner.userId);
    assert.equal(await storedToken(fx, fx.owner.userId), fx.owner.token);
    const [check] = await fx.emulator.control.requests();
    assert.equal(check.path, '/koodrive/ose/v1/sharefolder/list', 'one cheap call checks the pair');
    assert.equal(check.query.limit, '1');
    const settingsText = JSON.stringify(vscode.workspace.getConfiguration('koodrive'));
    assert.ok(!settingsText.includes(fx.owner.token), 'the token is not in settings');
  });

  it('asks for the server address when koodrive.endpoint is empty, refusing plain http off this computer', async () => {
    await settings(fx.ctx, { endpoint: '' });
    fx.prompter.script({ input: 'http://drive.example.com', prompt: /Address of your KooDrive server/ });
    await vscode.commands.executeCommand(CommandId.signIn);
    assert.match(fx.prompter.unexpected.join('\n'), /Enter an https:\/\/ address/, 'the input box refuses it');
    assert.equal(fx.ctx.accounts.state(), 'signedOut');
    fx.prompter.unexpected.length = 0;

    fx.prompter.script({ input: fx.emulator.url, prompt: /Address of your KooDrive server/ }, { input: fx.owner.userId, prompt: /user id/ }, { input: fx.owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.signIn);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal(fx.ctx.accounts.state(), 'signedIn');
    assert.equal(new URL(String(vscode.workspace.getConfiguration('koodrive').get('endpoint'))).origin, new URL(fx.emulator.url).origin);
  });

  it('stores nothing for a wrong token and says so clearly', async () => {
    fx.prompter.script({ input: fx.owner.userId }, { input: 'not-a-real-token-0000' });
    await vscode.commands.executeCommand(CommandId.signIn);
    assert.equal(fx.ctx.accounts.state(), 'signedOut');
    assert.equal(await storedToken(fx, fx.owner.userId), undefined);
    assert.equal(vscode.workspace.getConfiguration('koodrive').get('userId'), '', 'the user id is not written either');
    const error = await fx.prompter.waitForNotification(/did not accept this access token/);
    assert.equal(error.severity, 'error');
    assert.match(error.message, /Trace id: \S{58}/);
    assert.ok(!error.message.includes('not-a-real-token-0000'));
  });

  it('rejects a token that belongs to another user id', async () => {
    fx.prompter.script({ input: fx.member.userId }, { input: fx.owner.token });
    await vscode.commands.executeCommand(CommandId.signIn);
    assert.equal(fx.ctx.accounts.state(), 'signedOut');
    await fx.prompter.waitForNotification(/did not accept this access token for user id 1700618280076834305/);
  });

  it('signs out after confirmation, removing the secret and every cached listing', async () => {
    await signIn(fx, fx.owner);
    assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).length > 0);
    fx.prompter.script({ confirm: true, message: /Sign out of KooDrive/ });
    await vscode.commands.executeCommand(CommandId.signOut);
    assert.equal(fx.ctx.accounts.state(), 'signedOut');
    assert.equal(await storedToken(fx, fx.owner.userId), undefined);
    assert.deepEqual(await fx.ctx.albums.getChildren(), []);
  });

  it('keeps the token when sign-out is not confirmed', async () => {
    await signIn(fx, fx.owner);
    fx.prompter.script({ confirm: false });
    await vscode.commands.executeCommand(CommandId.signOut);
    assert.equal(fx.ctx.accounts.state(), 'signedIn');
  });

  it('follows a token removed by another window (secrets.onDidChange)', async () => {
    await signIn(fx, fx.owner);
    const signedOut = new Promise<void>((resolve) => {
      const subscription = fx.ctx.accounts.onDidChange(() => {
        if (fx.ctx.accounts.state() === 'signedOut') {
          subscription.dispose();
          resolve();
        }
      });
    });
    // Another window signing out deletes the token behind this window's back.
    await fx.secrets.delete(tokenKey({ origin: new URL(fx.emulator.url).origin, userId: fx.owner.userId }));
    await signedOut;
    assert.deepEqual(await fx.ctx.albums.getChildren(), []);
  });

  it('turns a 401 into one Sign In Again message, then resumes the interrupted command by itself', async () => {
    await signIn(fx, fx.owner);
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/list', times: 1, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'Authorization expired' } } });
    // The folder picker opens, its first page gets a 401, the sign-in prompts appear over it.
    fx.prompter.click(/session has expired/, 'Sign In Again').script({ pick: () => undefined }, { input: fx.owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal(fx.prompter.pending, 0, 'after signing in, the command went on to its folder picker');
    assert.equal(fx.prompter.notifications.filter((n) => /session has expired/.test(n.message)).length, 1, 'one message');
    assert.equal(fx.ctx.accounts.state(), 'signedIn');
  });

  it('asks to sign in again only once, and reports a 401 that persists after signing in', async () => {
    await signIn(fx, fx.owner);
    const drafts = (await rows(fx.ctx.sharedFolders, 'Created by me')).find((node) => node.apiId() === '1757156480072657793');
    assert.ok(drafts);
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/delete', times: 2, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'Authorization revoked' } } });
    fx.prompter.click(/session has expired/, 'Sign In Again').script({ confirm: true }, { input: fx.owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, drafts);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.equal(fx.prompter.notifications.filter((n) => /^Your KooDrive session has expired/.test(n.message)).length, 1, 'one Sign In Again');
    const failed = await fx.prompter.waitForNotification(/^Delete Shared Folder failed: your KooDrive session has expired/);
    assert.match(failed.message, /Trace id: \S{58}$/);
    assert.ok(failed.actions.includes('Show Log'));
  });

  it('does not ask twice when the user dismisses Sign In Again', async () => {
    await signIn(fx, fx.owner);
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/list', times: 1, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'expired' } } });
    fx.prompter.script({ pick: () => undefined });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder);
    assert.equal(fx.prompter.notifications.filter((n) => /session has expired/.test(n.message)).length, 1);
    assert.deepEqual(fx.prompter.unexpected, []);
  });

  it('shows "Session expired: sign in again" in the trees instead of stale data after a 401', async () => {
    await signIn(fx, fx.owner);
    await fx.emulator.control.addFault({ pathPattern: 'album/list', times: 1, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'expired' } } });
    await rows(fx.ctx.albums, 'Personal', 'Manual');
    assert.equal(fx.ctx.accounts.state(), 'expired');
    const roots = await fx.ctx.albums.getChildren();
    assert.equal(roots.length, 1);
    assert.equal(roots[0].treeItem().label, 'Session expired: sign in again');
    assert.equal(roots[0].treeItem().command?.command, CommandId.signIn);
    const folderRoots = await fx.ctx.sharedFolders.getChildren();
    assert.equal(folderRoots[0].treeItem().label, 'Session expired: sign in again');
  });
});
