import * as fs from 'node:fs';
import * as path from 'node:path';
import { setE2eContext } from '../e2e/context';
import { openWorkbench, screenshot } from '../e2e/workbench';
import { log, repoRoot, resultsDir } from './paths';
import { ensureTools } from './tools';
import { type Cleanup, runCleanups, startWorkbenchSession } from './workbenchSession';

/**
 * `npm run test:e2e`: the packaged extension installed in code-server (without the smoke-test
 * driver, so notifications show), a local emulator in this process, and one Chromium driven by
 * Playwright; mocha runs out/test/e2e/**\/*.test.js here, in file order, on one shared page.
 */

const overallTimeoutMs = Number(process.env.KOODRIVE_E2E_TIMEOUT_MS) || 20 * 60_000;

/** The compiled UI tests, in file order; one whose source was deleted (tsc leaves it in out/) is skipped. */
function testFiles(): string[] {
  const dir = path.join(repoRoot, 'out', 'test', 'e2e');
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => {
      const kept = fs.existsSync(path.join(repoRoot, 'test', 'e2e', name.replace(/\.js$/, '.ts')));
      if (!kept) {
        log(`skipping out/test/e2e/${name}: its source is gone`);
      }
      return kept;
    })
    .sort()
    .map((name) => path.join(dir, name));
}

async function main(): Promise<number> {
  const cleanups: Cleanup[] = [];
  try {
    const tools = await ensureTools();
    const { emulator, server, browser, page, url } = await startWorkbenchSession({ tools, cleanups });
    fs.mkdirSync(resultsDir, { recursive: true });
    const pageLog = path.join(resultsDir, 'e2e-page-errors.log');
    fs.writeFileSync(pageLog, '');
    page.on('pageerror', (error) => fs.appendFileSync(pageLog, `${error.stack ?? error.message}\n`));
    setE2eContext({ browser, page, emulator, codeServerUrl: server.url, url, screenshots: resultsDir });
    cleanups.push({ what: 'context', run: () => setE2eContext(undefined) });

    const { default: Mocha } = await import('mocha');
    // KOODRIVE_TEST_GREP runs only the tests whose full title matches (while working on them);
    // the UI tests share one workbench in file order, so keep the ones a test builds on.
    const grep = process.env.KOODRIVE_TEST_GREP;
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000, ...(grep ? { grep } : {}) });
    mocha.suite.beforeAll('open the workbench', async function openOnce() {
      this.timeout(180_000); // the first load parses a 19 MB script: 10 to 15 s on 2 cores, more under load
      await openWorkbench(page, url);
    });
    mocha.suite.afterEach(async function screenshotOnFailure() {
      if (this.currentTest?.state === 'failed') {
        log(`screenshot: ${await screenshot(page, this.currentTest.fullTitle(), resultsDir)}`);
        await page.keyboard.press('Escape'); // close what the failed test left open (a modal, a picker)
        await page.keyboard.press('Escape');
      }
    });
    for (const file of testFiles()) {
      mocha.addFile(file);
    }
    // A failed hook (before/after) gets no afterEach: take its screenshot from the runner's event.
    const hookShots: Promise<void>[] = [];
    let timer: NodeJS.Timeout | undefined;
    let running = true;
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('fail', (test) => {
        const runnable: Mocha.Runnable = test; // typed as a Test, but hooks fail through here too
        if (runnable instanceof Mocha.Hook) {
          hookShots.push(screenshot(page, runnable.fullTitle(), resultsDir).then((file) => log(`screenshot: ${file}`), () => undefined));
        }
      });
      void server.exited.then((code) => {
        if (!running) {
          return;
        }
        log(`FAILED: code-server exited (${String(code)}) during the run; stopping after the current test`);
        runner.abort();
      });
      timer = setTimeout(() => {
        log(`FAILED: the e2e run did not finish within ${overallTimeoutMs / 60_000} minutes (KOODRIVE_E2E_TIMEOUT_MS)`);
        resolve(1);
      }, overallTimeoutMs);
    });
    running = false;
    clearTimeout(timer);
    await Promise.all(hookShots);
    return failures > 0 ? 1 : 0;
  } finally {
    await runCleanups(cleanups);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`FAILED: e2e run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
