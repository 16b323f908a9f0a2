import * as dns from 'node:dns/promises';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { SUITE_DONE, SUITE_OUTPUT_PREFIX, SUITE_PREFIX_ENV } from '../integration/index';
import { launchChromium } from './browser';
import { type CodeServer, startCodeServer } from './codeServer';
import { argument, log, repoRoot, resultsDir, toolsDir } from './paths';
import { ensureTools } from './tools';

/**
 * `npm run test:integration`: the mocha suite of out/test/integration inside a real VS Code
 * extension host, launched by @vscode/test-electron (desktop VS Code) where one can be had, else
 * by code-server's web workbench in Debian's Chromium. Exits with the suite's code.
 */

const testsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index');
const overallTimeoutMs = Number(process.env.KOODRIVE_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;
/** Lets the suite find the repository (and its emulator) wherever it is loaded from. */
// KOODRIVE_TEST_GREP runs only the tests whose full title matches (while working on them).
const suiteEnv = { KOODRIVE_REPO_ROOT: repoRoot, ...(process.env.KOODRIVE_TEST_GREP ? { KOODRIVE_TEST_GREP: process.env.KOODRIVE_TEST_GREP } : {}) };

type Launcher = 'electron' | 'code-server';

/** A desktop VS Code test-electron downloaded before (`.vscode-test/vscode-<platform>-<version>`). */
function desktopCached(): boolean {
  return fs.existsSync(toolsDir) && fs.readdirSync(toolsDir).some((name) => /^vscode-[a-z0-9-]+-[0-9.]+$/.test(name) && fs.existsSync(path.join(toolsDir, name, 'is-complete')));
}

/** Desktop VS Code is downloadable only where update.code.visualstudio.com resolves. */
async function desktopReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), 2000);
  });
  try {
    await Promise.race([dns.lookup('update.code.visualstudio.com'), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function chooseLauncher(): Promise<Launcher> {
  const wanted = argument('launcher') ?? process.env.KOODRIVE_TEST_LAUNCHER ?? 'auto';
  if (wanted === 'electron' || wanted === 'code-server') {
    return wanted;
  }
  if (wanted !== 'auto') {
    throw new Error(`unknown launcher "${wanted}": use electron, code-server or auto`);
  }
  return desktopCached() || (await desktopReachable()) ? 'electron' : 'code-server';
}

function withTimeout(work: Promise<number>, what: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      log(`FAILED: ${what} did not finish within ${overallTimeoutMs / 60_000} minutes (KOODRIVE_INTEGRATION_TIMEOUT_MS)`);
      resolve(1);
    }, overallTimeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function viaElectron(workspace: string): Promise<number> {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no DISPLAY: a desktop VS Code needs one (run under xvfb-run), or use --launcher=code-server');
  }
  const { runTests, TestRunFailedError } = await import('@vscode/test-electron');
  try {
    return await runTests({
      cachePath: toolsDir,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsPath,
      extensionTestsEnv: suiteEnv,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) {
      return error.code ?? 1;
    }
    throw error;
  }
}

/**
 * Prints the suite's lines arriving through `codeAutomationLog` and appends everything else the
 * workbench logs to `workbenchLog`. `finished` settles once the suite's closing line arrives.
 */
async function forwardSuiteOutput(page: Page, workbenchLog: string): Promise<{ finished: Promise<void> }> {
  let suiteDone!: () => void;
  const finished = new Promise<void>((resolve) => {
    suiteDone = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
    for (const line of text.split('\n')) {
      if (!line.startsWith(SUITE_OUTPUT_PREFIX)) {
        fs.appendFileSync(workbenchLog, `${type}: ${line}\n`);
        if (process.env.KOODRIVE_VERBOSE) {
          log(`workbench ${type}: ${line.slice(0, 500)}`);
        }
      } else if (line.startsWith(`${SUITE_OUTPUT_PREFIX}${SUITE_DONE}`)) {
        suiteDone();
      } else {
        process.stdout.write(`${line.slice(SUITE_OUTPUT_PREFIX.length)}\n`);
      }
    }
  });
  return { finished };
}

/**
 * The suite's exit code from `codeAutomationExit`, or 1 at once when the page crashes or
 * code-server dies (rather than at the time limit). `isRunning` mutes both after the run.
 */
async function suiteExitCode(page: Page, server: CodeServer, isRunning: () => boolean): Promise<{ exit: Promise<number> }> {
  let settle!: (code: number) => void;
  const exit = new Promise<number>((resolve) => {
    settle = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
  const fail = (why: string): void => {
    if (isRunning()) {
      log(`FAILED: ${why}`);
      settle(1);
    }
  };
  page.once('crash', () => fail('the workbench page crashed'));
  void server.exited.then((code) => fail(`code-server exited (${String(code)}) during the run`));
  return { exit };
}

/**
 * Opens the workbench with a development payload (which code-server honours only with the
 * smoke-test driver) and resolves with the suite's exit code; the suite's output is printed.
 */
async function viaCodeServer(workspace: string): Promise<number> {
  const tools = await ensureTools();
  const server = await startCodeServer({ tools, smokeTestDriver: true, env: { ...suiteEnv, [SUITE_PREFIX_ENV]: SUITE_OUTPUT_PREFIX } });
  fs.mkdirSync(resultsDir, { recursive: true });
  const workbenchLog = path.join(resultsDir, 'integration-workbench.log');
  const serverLog = path.join(resultsDir, 'integration-code-server.log');
  fs.writeFileSync(workbenchLog, '');
  let code = 1;
  let running = true;
  try {
    const browser = await launchChromium(tools);
    try {
      const page = await browser.newPage();
      const { exit } = await suiteExitCode(page, server, () => running);
      const { finished } = await forwardSuiteOutput(page, workbenchLog);
      const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
      const payload = [['extensionDevelopmentPath', remote(repoRoot)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']];
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      code = await withTimeout(exit, 'the integration suite');
      // The suite's last lines travel the same channel as the exit code: let them arrive.
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 3000))]);
      return code;
    } finally {
      running = false;
      await browser.close();
    }
  } finally {
    if (code !== 0) {
      fs.copyFileSync(server.logFile, serverLog);
      log(`workbench and server logs: ${workbenchLog}, ${serverLog}`);
    }
    await server.stop();
  }
}

async function main(): Promise<number> {
  if (!fs.existsSync(`${testsPath}.js`) || !fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('compile and build first: npm run test:integration does (tsc -p . && node esbuild.mjs)');
  }
  const launcher = await chooseLauncher();
  log(`integration tests in a real VS Code extension host via ${launcher === 'electron' ? '@vscode/test-electron (desktop VS Code)' : 'code-server 4.139.1 (VS Code 1.139 server, web workbench in Chromium)'}`);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-workspace-'));
  try {
    return launcher === 'electron' ? await withTimeout(viaElectron(workspace), 'the desktop VS Code run') : await viaCodeServer(workspace);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`FAILED: integration run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
