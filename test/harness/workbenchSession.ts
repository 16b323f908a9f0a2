import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../emulator/server';
import { launchChromium } from './browser';
import { type CodeServer, startCodeServer } from './codeServer';
import { packageExtension } from './packaging';
import { log } from './paths';
import type { Tools } from './tools';

/** What stops a part of a session; run newest first. */
export interface Cleanup {
  what: string;
  run: () => Promise<void> | void;
}

/** The packaged extension in code-server, on a local emulator, and one Chromium page. */
export interface WorkbenchSession {
  work: string;
  emulator: RunningEmulator;
  server: CodeServer;
  browser: Browser;
  page: Page;
  /** The workbench with an empty workspace folder open. */
  url: string;
}

/**
 * Packages the extension as a user installs it, starts an emulator, code-server with the package
 * installed (without the smoke-test driver, so notifications show) and Chromium. Shared by the
 * UI tests and `npm run screenshots`. Every part it starts is pushed onto `cleanups`.
 * @throws when a part cannot start (the caller runs the cleanups).
 */
export async function startWorkbenchSession(options: { tools: Tools; cleanups: Cleanup[]; emulator?: EmulatorOptions; viewport?: { width: number; height: number } }): Promise<WorkbenchSession> {
  const { tools, cleanups } = options;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-workbench-'));
  cleanups.push({ what: 'temp folder', run: () => fs.rmSync(work, { recursive: true, force: true }) });
  const vsix = packageExtension(work);
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  cleanups.push({ what: 'emulator', run: () => emulator.close() });
  log(`emulator at ${emulator.url}`);
  const server = await startCodeServer({ tools, smokeTestDriver: false, installVsix: vsix, userSettings: { 'koodrive.endpoint': emulator.url } });
  cleanups.push({ what: 'code-server', run: () => server.stop() });
  const browser = await launchChromium(tools);
  cleanups.push({ what: 'Chromium', run: () => browser.close() });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  return { work, emulator, server, browser, page, url: `${server.url}/?folder=${encodeURIComponent(workspace)}` };
}

/** Runs the cleanups newest first; a failing one is logged and the others still run. */
export async function runCleanups(cleanups: Cleanup[]): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup.run();
    } catch (error) {
      log(`stopping the ${cleanup.what} failed: ${String(error)}`);
    }
  }
}
