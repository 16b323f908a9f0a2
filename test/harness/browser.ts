import { type Browser, chromium } from 'playwright-core';
import type { Tools } from './tools';

/**
 * Debian's Chromium, headless and offline (playwright-core brings no browser). Playwright gives
 * each launch a fresh temporary profile of its own.
 */
export function launchChromium(tools: Tools): Promise<Browser> {
  return chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}
