import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { KooDriveClient } from '../../src/api/client';
import { AlbumKind, AlbumType } from '../../src/api/types';
import { answerInputBox, expandTreeItem, openViewContainer, openWorkbench, setViewExpanded, treeItem, view } from '../e2e/workbench';
import { lookOf } from '../emulator/fileCatalogue';
import { fileId } from '../emulator/ids';
import { type EmulatorUser, type RunningEmulator, startEmulator } from '../emulator/server';
import { launchChromium } from '../harness/browser';
import { startCodeServer } from '../harness/codeServer';
import type { Tools } from '../harness/tools';
import { HostMonitor } from './hostMonitor';
import { PageProbe } from './pageProbe';
import { InputLock, PaletteProbe } from './paletteProbe';
import { RequestCounter } from './requestCounter';

/** The albums the benchmark drives (the emulator's names) and the filter it types. */
export const LARGE = 'Large album';
export const OTHER = 'Cat photos';
export const FILTER = 'VID_';

/** Stops what a session started, newest first; each stop runs once, also from Ctrl+C. */
export class Cleanups {
  private readonly stops: { what: string; run: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  add(what: string, run: () => Promise<void> | void): void {
    this.stops.push({ what, run });
  }

  /** Runs the stops; a second caller (Ctrl+C during the normal end) waits for the same run. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      for (let stop = this.stops.pop(); stop; stop = this.stops.pop()) {
        try {
          await stop.run();
        } catch (error) {
          process.stdout.write(`  (stopping the ${stop.what} failed: ${String(error)})\n`);
        }
      }
      this.running = undefined;
    })();
    return this.running;
  }
}

/** One size's world: the emulator, code-server with the packaged extension, Chromium signed in. */
export interface Session {
  size: number;
  page: Page;
  url: string;
  emulator: RunningEmulator;
  owner: EmulatorUser;
  counter: RequestCounter;
  monitor: HostMonitor;
  lock: InputLock;
  probe: PaletteProbe;
  pageProbe: PageProbe;
  /** Items of the large album whose name contains the filter, from the emulator's catalogue. */
  expectedMatches: number;
}

/** The large album's id, and the files of the other album (for telling their lookups apart). */
async function albumsOf(emulator: RunningEmulator, owner: EmulatorUser): Promise<{ largeId: string; otherIds: string[] }> {
  const client = new KooDriveClient({ endpoint: () => emulator.url, userId: () => owner.userId, getToken: () => Promise.resolve(owner.token), language: () => 'en-US', timeoutMs: () => 30_000 });
  const { albums } = await client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 100 });
  const large = albums.find((album) => album.name === LARGE);
  const other = albums.find((album) => album.name === OTHER);
  if (!large || !other) {
    throw new Error(`the emulator's seed has no "${LARGE}" or "${OTHER}"`);
  }
  const otherIds = (await client.listAlbumContent(other.id, { pageSize: 100 })).items.map((item) => item.id);
  return { largeId: large.id, otherIds };
}

/**
 * How many of the large album's items the filter matches. The seed fills it with camera files
 * `<albumId>/<i>` (emulator/seedAlbums.ts); their names come from the catalogue, so nothing is
 * asked over HTTP and the emulator's caches stay cold for the extension.
 */
function expectedMatches(largeId: string, size: number, ownerId: string): number {
  let count = 0;
  for (let i = 0; i < size; i++) {
    if (lookOf(fileId(`${largeId}/${i}`), { ownerId, theme: 'camera', index: i }).name.toLowerCase().includes(FILTER.toLowerCase())) {
      count++;
    }
  }
  return count;
}

/** Signs in through the welcome's button as a person would, unless already signed in. */
export async function signIn(page: Page, owner: EmulatorUser): Promise<void> {
  await openViewContainer(page, 'KooDrive');
  const albums = view(page, 'Albums');
  const button = albums.locator('.monaco-button', { hasText: 'Sign In' });
  await button.or(treeItem(albums, OTHER)).first().waitFor({ timeout: 60_000 });
  if (await button.isVisible()) {
    await button.click();
    await answerInputBox(page, owner.userId, /user id/);
    await answerInputBox(page, owner.token, /access token/);
  }
  await treeItem(albums, OTHER).waitFor({ timeout: 60_000 });
  // Room for the Albums tree: the other view is not measured.
  await setViewExpanded(page, 'Shared Folders', false);
  await expandTreeItem(albums, 'Personal');
  await expandTreeItem(albums, 'Manual');
}

/**
 * Starts one size's world and signs in; registers every stop with `cleanups`.
 * @throws when a part cannot start (the caller's cleanups stop the rest).
 */
export async function openSession(options: { tools: Tools; vsix: string; size: number; limitMs: number; settings?: Record<string, unknown>; cleanups: Cleanups }): Promise<Session> {
  const { tools, vsix, size, limitMs, cleanups } = options;
  const counter = new RequestCounter();
  const emulator = await startEmulator({ scale: { albumItems: size }, onRequest: counter.onRequest });
  cleanups.add('emulator', () => emulator.close());
  const owner = emulator.users.find((user) => user.role === 'owner');
  if (!owner) {
    throw new Error('the emulator has no owner');
  }
  const { largeId, otherIds } = await albumsOf(emulator, owner);
  counter.track(largeId, size, otherIds);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-scale-'));
  cleanups.add('temp folder', () => fs.rmSync(work, { recursive: true, force: true }));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  // Without the smoke-test driver, so that notifications (the progress of the filter) show.
  const server = await startCodeServer({ tools, smokeTestDriver: false, installVsix: vsix, userSettings: { ...options.settings, 'koodrive.endpoint': emulator.url, 'koodrive.pageSize': 50 } });
  cleanups.add('code-server', () => server.stop());
  const browser = await launchChromium(tools, { handleSignals: false }); // hostScale.ts stops everything on Ctrl+C
  cleanups.add('Chromium', () => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  await openWorkbench(page, url);
  await signIn(page, owner);
  const monitor = new HostMonitor(server.pid);
  monitor.start();
  cleanups.add('memory sampler', () => monitor.stop());
  const lock = new InputLock();
  const probe = new PaletteProbe(page, lock, limitMs);
  probe.start();
  cleanups.add('palette probe', () => probe.stop());
  const pageProbe = new PageProbe(page);
  pageProbe.start();
  cleanups.add('page probe', () => pageProbe.stop());
  return { size, page, url, emulator, owner, counter, monitor, lock, probe, pageProbe, expectedMatches: expectedMatches(largeId, size, owner.userId) };
}
