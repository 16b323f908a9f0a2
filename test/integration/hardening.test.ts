import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import type { SharedFolderNode } from '../../src/tree/sharedFolderNodes';
import { type Fixture, fixture, labelOf, row, rows, settings, signIn } from './fixture';

/** What VS Code's notifications and dialogs turn into a clickable link. */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)/i;
/** What quick picks turn into an icon. */
const ICON = /\$\([A-Za-z0-9-]+(~[A-Za-z-]+)?\)/;
const HOSTILE = '[Confirm deletion](command:workbench.action.quickOpen)';

describe('Untrusted text and a hostile workspace', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  /** Writes the workspace's .vscode/settings.json and waits until VS Code has read `key` from it. */
  async function workspaceSettings(values: Record<string, unknown>, key: string): Promise<() => Promise<void>> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run with a workspace folder');
    const file = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    const read = (): Promise<void> => new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`koodrive.${key}`)) {
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        }
      });
    });
    const changed = read();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(values));
    await changed;
    return async () => {
      const removed = read();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      await removed;
    };
  }

  it('quotes a hostile setting value from a workspace without making it a link', async () => {
    const restore = await workspaceSettings({ 'koodrive.pageSize': HOSTILE }, 'pageSize');
    try {
      const message = await fx.prompter.waitForNotification(/koodrive\.pageSize must be a whole number/);
      assert.doesNotMatch(message.message, LINK);
      assert.match(message.message, /Confirm deletion/, 'the value is still shown, as text');
    } finally {
      await restore();
    }
  });

  it('lets no workspace downgrade the delete confirmation or shorten the timeout', async () => {
    await settings(fx.ctx, { deleteConfirmation: 'typeName', requestTimeoutSeconds: 30 });
    const restore = await workspaceSettings({ 'koodrive.deleteConfirmation': 'modal', 'koodrive.requestTimeoutSeconds': 1, 'koodrive.pageSize': 7 }, 'pageSize');
    try {
      assert.equal(fx.ctx.config.pageSize(), 7, 'the page size is the one setting a workspace may set');
      assert.equal(fx.ctx.config.deleteConfirmation(), 'typeName');
      assert.equal(fx.ctx.config.requestTimeoutMs(), 30_000);
      const drafts = await row(fx.ctx.sharedFolders, 'Created by me', 'Work Drafts 工作草稿');
      fx.prompter.script({ confirm: true }, { input: undefined, prompt: /Type the folder’s name/ });
      await vscode.commands.executeCommand(CommandId.deleteSharedFolder, drafts);
      assert.deepEqual(fx.prompter.unexpected, [], 'the name was still asked for');
    } finally {
      await restore();
      await settings(fx.ctx, { deleteConfirmation: 'modal' });
    }
  });

  it('shows a server msg holding a command link as plain text, and the log keeps it on one line', async () => {
    const family = await row(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册');
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/delete', fault: { type: 'status', status: 400, body: { code: 13000102, msg: `${HOSTILE}\n[error] forged log line $(zap)` } } });
    fx.prompter.script({ confirm: true });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, family);
    const message = await fx.prompter.waitForNotification(/^Delete Shared Folder failed/);
    assert.doesNotMatch(message.message, LINK);
    assert.doesNotMatch(message.message, /\n/);
    assert.match(message.message, /Confirm deletion.*forged log line/);
  });

  it('shows hostile folder names as text in the confirmation and in the palette’s picker', async () => {
    const [real] = await fx.ctx.client.listSharedFolders({ offset: 0, limit: 1, queryType: 1 });
    const hostileFolder = { ...real, name: `$(zap) ${HOSTILE}` };
    // Enough times for the open views' own loads too; the next test's fixture clears faults.
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/list', times: 20, fault: { type: 'status', status: 200, body: { code: 0, msg: 'success', folders: [hostileFolder] } } });
    let offered: string[] = [];
    fx.prompter.script({ pick: (labels) => { offered = labels; return labels; } }, { confirm: false });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder);
    assert.equal(offered.length, 1);
    assert.doesNotMatch(offered[0], ICON);
    assert.doesNotMatch(offered[0], LINK);
    const asked = fx.prompter.asked.find((question) => question.startsWith('confirm:')) ?? '';
    assert.match(asked, /Delete the shared folder/);
    assert.doesNotMatch(asked, LINK);
    assert.doesNotMatch(asked, ICON);
  });

  it('renders albums whose rows miss fields or carry numbers and nulls', async () => {
    const odd = [
      { id: '1805929618625036001', name: null, albumType: 2, albumKind: 1, coverImg: null },
      { id: '1805929618625036002', name: 20250405, albumType: '2', albumKind: 1 },
      { id: '1805929618625036003', albumType: null, albumKind: null, scopeDir: null },
    ];
    await fx.emulator.control.addFault({ pathPattern: 'album/list', times: 20, fault: { type: 'status', status: 200, body: { code: 0, msg: 'Success.', albumList: odd, total: 3 } } });
    fx.ctx.albums.refresh();
    const labels = (await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf);
    assert.deepEqual(labels, ['Untitled album (…036001)', '20250405', 'Untitled album (…036003)']);
  });

  it('asks once to sign in again when a tree meets an expired session, and shows it in the tree', async () => {
    fx.ctx.albums.refresh();
    fx.ctx.sharedFolders.refresh();
    await fx.emulator.control.addFault({ times: 20, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } });
    await Promise.all([rows(fx.ctx.albums, 'Personal', 'Manual'), rows(fx.ctx.sharedFolders, 'Created by me'), rows(fx.ctx.sharedFolders, 'Joined')]);
    await fx.ctx.background.idle();
    const asked = fx.prompter.notifications.filter((n) => /session has expired/.test(n.message));
    assert.equal(asked.length, 1, 'one message, however many loads failed');
    assert.deepEqual(asked[0].actions, ['Sign In Again']);
    assert.equal(fx.ctx.accounts.state(), 'expired');
    assert.deepEqual((await rows(fx.ctx.albums)).map(labelOf), ['Session expired: sign in again']);
  });
});

describe('Deleting a shared folder whose answer is lost', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  async function drafts(): Promise<SharedFolderNode> {
    return (await row(fx.ctx.sharedFolders, 'Created by me', 'Work Drafts 工作草稿')) as SharedFolderNode;
  }

  it('checks, then says the folder is gone when the server acted but its answer was lost', async () => {
    const node = await drafts();
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/delete', fault: { type: 'lostAnswer' } });
    fx.prompter.script({ confirm: true });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, node);
    const message = await fx.prompter.waitForNotification(/^Deleted the shared folder “Work Drafts 工作草稿”\. \(KooDrive’s answer was lost/);
    assert.equal(message.severity, 'info');
    assert.ok(!(await rows(fx.ctx.sharedFolders, 'Created by me')).map(labelOf).includes('Work Drafts 工作草稿'), 'the tree shows the truth');
  });

  it('says the outcome is unknown when the check fails too, and refreshes the list', async () => {
    const node = await drafts();
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/delete', fault: { type: 'lostAnswer' } });
    await fx.emulator.control.addFault({ pathPattern: 'sharefolder/metadata', times: 5, fault: { type: 'drop' } });
    fx.prompter.script({ confirm: true });
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, node);
    const message = await fx.prompter.waitForNotification(/^It is not known whether “Work Drafts 工作草稿” was deleted/);
    assert.equal(message.severity, 'warning');
    assert.doesNotMatch(message.message, /could not be reached/);
  });

  it('stops before asking anything when the member count is cancelled', async () => {
    const family = (await row(fx.ctx.sharedFolders, 'Created by me', 'Family Photos 家庭相册')) as SharedFolderNode;
    fx.prompter.cancelProgressWhen((title) => /^Counting the members of “Family Photos 家庭相册”/.test(title));
    await fx.emulator.control.clearRequests();
    await vscode.commands.executeCommand(CommandId.deleteSharedFolder, family);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.ok(!fx.prompter.asked.some((question) => question.startsWith('confirm:')), 'no confirmation after a cancel');
    assert.ok(!(await fx.emulator.control.requests()).some((r) => r.path.endsWith('/sharefolder/delete')), 'nothing deleted');
  });
});
