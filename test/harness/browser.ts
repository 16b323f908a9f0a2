import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless and offline (playwright-core brings no browser). Each launch gets
 * a fresh profile: Playwright makes a temporary user-data-dir itself (it refuses a
 * `--user-data-dir` argument), and HOME points at a fresh folder so nothing lands in the real
 * home; both go when the browser closes. `handleSignals: false` leaves Ctrl+C to the caller.
 */
export async function launchChromium(tools: { chromium: string }, options: { handleSignals?: boolean } = {}): Promise<Browser> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-chromium-'));
  // By default Playwright closes the browser and exits on Ctrl+C; a caller that stops its own
  // servers first (the scale benchmark) handles the signals itself.
  const handleSignals = options.handleSignals ?? true;
  const browser = await chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  browser.once('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
  return browser;
}
