import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setE2eContext } from '../e2e/context';
import { openWorkbench, screenshot } from '../e2e/workbench';
import { startEmulator } from '../emulator/server';
import { launchChromium } from './browser';
import { startCodeServer } from './codeServer';
import { log, repoRoot, resultsDir } from './paths';
import { ensureTools } from './tools';

/** Builds the production bundle and packages it as a user would install it. */
function packageExtension(dir: string): string {
  const vsix = path.join(dir, 'koodrive.vsix');
  for (const [command, args] of [
    [process.execPath, ['esbuild.mjs', '--production']],
    [process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix]],
  ] as const) {
    const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) {
      throw new Error(`${args.join(' ')} failed`);
    }
  }
  return vsix;
}

/**
 * The end-to-end tier: the packaged extension installed in code-server (without the test
 * driver, so notifications show), a local emulator, and Chromium driven by Playwright; the
 * mocha suite in out/test/e2e runs here, sharing one workbench page in file order.
 */
async function main(): Promise<number> {
  const tools = ensureTools();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-e2e-'));
  const vsix = packageExtension(work);
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  const emulator = await startEmulator();
  const server = await startCodeServer(tools, { smokeTestDriver: false, installVsix: vsix, userSettings: { 'koodrive.endpoint': emulator.url } });
  const browser = await launchChromium(tools);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    await openWorkbench(page, url);
    setE2eContext({ page, emulator, url, screenshots: resultsDir });
    const { default: Mocha } = await import('mocha');
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000 });
    mocha.suite.afterEach(async function screenshotOnFailure() {
      if (this.currentTest?.state === 'failed') {
        log(`screenshot: ${await screenshot(page, resultsDir, this.currentTest.fullTitle())}`);
        await page.keyboard.press('Escape'); // close what the failed test left open (a modal, a picker)
        await page.keyboard.press('Escape');
      }
    });
    const dir = path.join(repoRoot, 'out', 'test', 'e2e');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort()) {
      mocha.addFile(path.join(dir, file));
    }
    return await new Promise<number>((resolve) => mocha.run(resolve));
  } finally {
    await browser.close();
    await server.stop();
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (failures) => process.exit(failures > 0 ? 1 : 0),
  (error: unknown) => {
    log(`e2e run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
