import type { Browser, Page } from 'playwright-core';
import type { RunningEmulator } from '../emulator/server';

/** What the e2e runner (test/harness/runE2e.ts) sets up once per run for every UI test. */
export interface E2eContext {
  /** The one Chromium of the run. */
  browser: Browser;
  /** The workbench page every test drives, opened once by the root hook (tests run in file order). */
  page: Page;
  /** The local KooDrive emulator, in this process; `koodrive.endpoint` points at it. */
  emulator: RunningEmulator;
  /** code-server's base URL, e.g. `http://127.0.0.1:PORT`. */
  codeServerUrl: string;
  /** The workbench URL: code-server with the test workspace folder open. */
  url: string;
  /** Where screenshots go (test-results/). */
  screenshots: string;
}

let current: E2eContext | undefined;

export function setE2eContext(context: E2eContext | undefined): void {
  current = context;
}

/**
 * The run's shared context.
 * @throws when the tests were not started by the e2e runner.
 */
export function e2e(): E2eContext {
  if (!current) {
    throw new Error('the e2e context is set by test/harness/runE2e.ts; run the tests with npm run test:e2e');
  }
  return current;
}
