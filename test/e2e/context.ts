import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../emulator/server';

/** What the e2e runner sets up once per run and every UI test uses. */
export interface E2eContext {
  page: Page;
  emulator: RunningEmulator;
  /** The workbench URL, with the test workspace folder. */
  url: string;
  screenshots: string;
}

let current: E2eContext | undefined;

export function setE2eContext(context: E2eContext): void {
  current = context;
}

export function e2e(): E2eContext {
  if (!current) {
    throw new Error('the e2e context is set by test/harness/runE2e.ts; run the tests with npm run test:e2e');
  }
  return current;
}
