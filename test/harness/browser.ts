import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless and offline (playwright-core brings no browser). Each launch gets
 * a fresh profile: Playwright makes a temporary user-data-dir itself (it refuses a
 * `--user-data-dir` argument), and HOME points at a fresh folder so nothing lands in the real
 * home; both go when the browser closes.
 */
export async function launchChromium(tools: { chromium: string }): Promise<Browser> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-chromium-'));
  const browser = await chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  browser.once('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
  return browser;
}
