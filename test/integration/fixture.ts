import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { App } from '../../src/app';
import { CommandId, ExtensionId } from '../../src/constants';
import type { KooDriveExtensionApi } from '../../src/extension';
import type { AlbumContentNode, AlbumNode } from '../../src/tree/albumNodes';
import type { TreeNode } from '../../src/tree/node';
import type { SharedFolderNode } from '../../src/tree/sharedFolderNodes';
import type { KooTreeProvider } from '../../src/tree/provider';
import { type EmulatorUser, type RunningEmulator, startEmulator } from '../emulator/server';
import { ScriptedPrompter } from './scriptedPrompter';

/** The emulator, the extension's command context and a fresh scripted prompter per test. */
export interface Fixture {
  emulator: RunningEmulator;
  ctx: App;
  /** The extension's own removal operation (its bundled copy, not one compiled for the tests). */
  runRemoval: NonNullable<KooDriveExtensionApi['runRemoval']>;
  /** The Albums view's drag and drop controller, to drop rows as the workbench does. */
  albumDrop: NonNullable<KooDriveExtensionApi['albumDrop']>;
  /** The extension's secret storage, as another window (or an earlier version) would change it. */
  secrets: vscode.SecretStorage;
  owner: EmulatorUser;
  member: EmulatorUser;
  prompter: ScriptedPrompter;
}

/** Items of the emulator's "Large album": enough chunks (10) to have some waiting while 4 are in flight. */
export const LARGE = 10_000;

let shared: { emulator: RunningEmulator; ctx: App; runRemoval: Fixture['runRemoval']; albumDrop: Fixture['albumDrop']; secrets: vscode.SecretStorage } | undefined;

/**
 * Writes user settings and waits until the extension has reacted to each change (a change
 * refreshes the trees, which must not race with the rows a test then loads).
 */
export async function settings(ctx: App, values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const section = vscode.workspace.getConfiguration('koodrive');
    if (section.inspect(key)?.globalValue === value || (value === '' && section.inspect(key)?.globalValue === undefined)) {
      continue;
    }
    const seen = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      const subscription = ctx.config.onDidChange((keys) => {
        if (keys.some((changed) => changed === key)) {
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        }
      });
    });
    await section.update(key, value, vscode.ConfigurationTarget.Global);
    await seen;
  }
}

/**
 * Starts (once) an emulator with a 10,000-item album and activates the extension; then, for each
 * test, resets the emulator's data, signs out, points the settings at the emulator, and installs
 * a fresh scripted prompter. Leaves the user signed out.
 */
export async function fixture(): Promise<Fixture> {
  if (!shared) {
    const emulator = await startEmulator({ scale: { albumItems: LARGE } });
    const extension = vscode.extensions.getExtension<KooDriveExtensionApi>(ExtensionId);
    assert.ok(extension, 'the KooDrive extension is installed');
    const api = await extension.activate();
    assert.ok(api.app && api.runRemoval && api.albumDrop && api.secrets, 'the extension exposes its context in test mode');
    shared = { emulator, ctx: api.app, runRemoval: api.runRemoval, albumDrop: api.albumDrop, secrets: api.secrets };
  }
  const { emulator, ctx, runRemoval, albumDrop, secrets } = shared;
  await ctx.background.idle();
  await ctx.quota.settled();
  await vscode.commands.executeCommand(CommandId.clearSharedFolderFilter);
  await signOutAll(ctx);
  // A test that revealed a row left the KooDrive views open, where the workbench would load
  // listings on its own, before a test's faults are in place: each test starts with them closed.
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await emulator.control.reset({ albumItems: LARGE });
  await emulator.control.clearFaults();
  await emulator.control.setClockOffset(0);
  await settings(ctx, { endpoint: emulator.url, userId: '', pageSize: 100, deleteConfirmation: 'modal', requestTimeoutSeconds: 30, language: 'auto' });
  const prompter = new ScriptedPrompter();
  ctx.prompter = prompter;
  const owner = emulator.users.find((user) => user.role === 'owner');
  const member = emulator.users.find((user) => user.role === 'member');
  assert.ok(owner && member);
  return { emulator, ctx, runRemoval, albumDrop, secrets, owner, member, prompter };
}

/** Signs every account out (their tokens leave the secret storage). */
export async function signOutAll(ctx: App): Promise<void> {
  for (const account of [...ctx.accounts.all()]) {
    await ctx.accounts.remove(account);
  }
}

/** Signs in through the real command, answering its prompts. */
export async function signIn(fx: Fixture, user: EmulatorUser): Promise<void> {
  await settings(fx.ctx, { userId: user.userId });
  fx.prompter.script({ input: user.token, prompt: /access token/ });
  await vscode.commands.executeCommand(CommandId.signIn);
  assert.deepEqual(fx.prompter.unexpected, []);
  assert.equal(fx.ctx.accounts.state(), 'signedIn');
  await fx.prompter.waitForNotification(/^Signed in to KooDrive/);
  await fx.ctx.quota.settled(); // the status bar's storage reading starts with the session
  fx.prompter.notifications.length = 0; // tests look only at what comes after signing in
}

export async function stopFixture(): Promise<void> {
  if (shared) {
    await signOutAll(shared.ctx);
    await shared.emulator.close();
    shared = undefined;
  }
}

export function labelOf(node: TreeNode): string {
  const label = node.treeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** The children of `path` (labels from the root), as the tree would show them. */
export async function rows(tree: KooTreeProvider, ...path: string[]): Promise<TreeNode[]> {
  let children = await tree.getChildren();
  for (const step of path) {
    const next = children.find((node) => labelOf(node) === step);
    assert.ok(next, `no row "${step}" among ${JSON.stringify(children.map(labelOf))}`);
    children = await tree.getChildren(next);
  }
  return children;
}

/** The album at `path` in the Albums tree (e.g. 'Personal', 'Manual', 'Cat photos'). */
export async function albumRow(fx: Fixture, ...path: string[]): Promise<AlbumNode> {
  const node = await row(fx.ctx.albums, ...path);
  assert.ok('albumId' in node, `${path.join(' / ')} is an album row`);
  return node as AlbumNode;
}

/** The shared folder `name` under `group` ('Created by me' or 'Joined'). */
export async function folderRow(fx: Fixture, group: string, name: string): Promise<SharedFolderNode> {
  const node = await row(fx.ctx.sharedFolders, group, name);
  assert.ok('folderId' in node, `${name} is a folder row`);
  return node as SharedFolderNode;
}

/** Every item of an album as rows of it, as Load all in a picker reads them (the tree keeps its window). */
export async function allItems(node: AlbumNode): Promise<AlbumContentNode[]> {
  return (await node.loadAll(new AbortController().signal)) as AlbumContentNode[];
}

export async function row(tree: KooTreeProvider, ...path: string[]): Promise<TreeNode> {
  const parent = await rows(tree, ...path.slice(0, -1));
  const found = parent.find((node) => labelOf(node) === path[path.length - 1]);
  assert.ok(found, `no row "${path[path.length - 1]}" among ${JSON.stringify(parent.map(labelOf))}`);
  return found;
}

/** Ids of an album's contents as the emulator holds them now (read through the API, all pages). */
export async function albumIds(fx: Fixture, albumId: string, as?: EmulatorUser): Promise<string[]> {
  const client = as ? fx.ctx.makeClient({ userId: () => as.userId, getToken: () => Promise.resolve(as.token) }) : fx.ctx.client;
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listAlbumContent(albumId, { pageSize: 100, ...(cursor ? { pageCursor: cursor } : {}) });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor || undefined;
  } while (cursor);
  return ids;
}

/** Waits until `check` holds (polling), else fails naming `what`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What the tree shows for `node` as its description (a busy label while a command works on it). */
export function shownDescription(tree: KooTreeProvider, node: TreeNode): string | undefined {
  const description = tree.getTreeItem(node).description;
  return typeof description === 'string' ? description : undefined;
}
