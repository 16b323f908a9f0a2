import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Fixture, fixture, labelOf, rows, settings, signIn } from './fixture';

describe('Settings', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  afterEach(async () => {
    await settings(fx.ctx, { pageSize: 100, language: 'auto' });
  });

  it('reports a bad page size with Open Settings, and the trees say why they cannot load', async () => {
    await settings(fx.ctx, { pageSize: 0 });
    const message = await fx.prompter.waitForNotification(/koodrive\.pageSize must be a whole number from 1 to 100 \(it is 0\)/);
    assert.equal(message.severity, 'error');
    assert.deepEqual(message.actions, ['Open Settings']);
    const manual = await rows(fx.ctx.albums, 'Personal', 'Manual');
    assert.match(labelOf(manual[0]), /^Could not load: The setting koodrive\.pageSize must be/);
  });

  it('uses the page size for the trees', async () => {
    await settings(fx.ctx, { pageSize: 5 });
    const page = await rows(fx.ctx.albums, 'Personal', 'Manual', 'Cat photos');
    assert.deepEqual(page.map(labelOf).slice(-1), ['Load more…']);
    assert.equal(page.length, 6);
  });

  it('sends the language setting as the language header (D5)', async () => {
    await settings(fx.ctx, { language: 'zh-CN' });
    await fx.emulator.control.clearRequests();
    await rows(fx.ctx.sharedFolders, 'Created by me');
    const [request] = await fx.emulator.control.requests();
    assert.equal(request.headers.language, 'zh-CN');
  });

  it('ignores an endpoint set by the workspace, so a cloned repository cannot redirect the token (D13)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run with a workspace folder');
    const file = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // pageSize is window-scoped: the workspace may set it, which shows the file was read.
    const pageSizeChanged = (): Promise<void> => new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      const subscription = fx.ctx.config.onDidChange((keys) => {
        if (keys.includes('pageSize')) {
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        }
      });
    });
    let changed = pageSizeChanged();
    fs.writeFileSync(file, JSON.stringify({ 'koodrive.endpoint': 'https://attacker.example', 'koodrive.userId': '1', 'koodrive.pageSize': 7 }));
    try {
      await changed;
      assert.equal(vscode.workspace.getConfiguration('koodrive').inspect('pageSize')?.workspaceValue, 7, 'VS Code read the workspace file');
      assert.equal(fx.ctx.config.endpoint(), new URL(fx.emulator.url).toString());
      assert.equal(fx.ctx.config.userId(), fx.owner.userId);
      await fx.emulator.control.clearRequests();
      fx.ctx.sharedFolders.refresh(); // load afresh: the open view may already have loaded it
      assert.ok((await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Family Photos 家庭相册'));
      assert.ok((await fx.emulator.control.requests()).length > 0, 'requests still go to the user’s endpoint');
    } finally {
      changed = pageSizeChanged();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      await changed; // the next test must not meet this change's refresh
    }
  });

  it('refuses a plain-http endpoint that is not on this computer', async () => {
    await settings(fx.ctx, { endpoint: 'http://drive.example.com' });
    try {
      const message = await fx.prompter.waitForNotification(/koodrive\.endpoint must be an https:\/\/ address/);
      assert.deepEqual(message.actions, ['Open Settings']);
      await fx.emulator.control.clearRequests();
      // No account is signed in to that address (D23): the welcome, and nothing sent anywhere.
      assert.equal(fx.ctx.accounts.state(), 'signedOut');
      assert.deepEqual(await fx.ctx.sharedFolders.getChildren(), []);
      assert.deepEqual(await fx.emulator.control.requests(), []);
    } finally {
      await settings(fx.ctx, { endpoint: fx.emulator.url });
    }
  });
});
