import * as dns from 'node:dns/promises';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchChromium } from './browser';
import { startCodeServer } from './codeServer';
import { integrationReport, log, repoRoot } from './paths';
import { ensureTools } from './tools';

const testsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index');
const overallTimeoutMs = 15 * 60 * 1000;

type Launcher = 'electron' | 'code-server';

/** Desktop VS Code is downloadable only where update.code.visualstudio.com resolves. */
async function desktopReachable(): Promise<boolean> {
  try {
    await Promise.race([dns.lookup('update.code.visualstudio.com'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return true;
  } catch {
    return false;
  }
}

async function chooseLauncher(): Promise<Launcher> {
  const flag = process.argv.find((arg) => arg.startsWith('--launcher='))?.split('=')[1] ?? process.env.KOODRIVE_TEST_LAUNCHER ?? 'auto';
  if (flag === 'electron' || flag === 'code-server') {
    return flag;
  }
  if (flag !== 'auto') {
    throw new Error(`unknown launcher "${flag}": use electron, code-server or auto`);
  }
  return (await desktopReachable()) ? 'electron' : 'code-server';
}

function workspace(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-workspace-'));
}

async function viaElectron(): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  return runTests({ extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath, launchArgs: [workspace(), '--disable-extensions', '--disable-workspace-trust'] });
}

/** Follows the suite's report file, printing new lines as they arrive. */
function follow(file: string): () => void {
  let printed = 0;
  const timer = setInterval(() => {
    if (!fs.existsSync(file)) {
      return;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed));
      printed = text.length;
    }
  }, 250);
  return () => {
    clearInterval(timer);
    if (fs.existsSync(file)) {
      process.stdout.write(fs.readFileSync(file, 'utf8').slice(printed));
    }
  };
}

async function viaCodeServer(): Promise<number> {
  const tools = ensureTools();
  const server = await startCodeServer(tools, { smokeTestDriver: true });
  const browser = await launchChromium(tools);
  fs.rmSync(integrationReport, { force: true });
  const stopFollowing = follow(integrationReport);
  try {
    const page = await browser.newPage();
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (type === 'error' && process.env.KOODRIVE_VERBOSE) {
        log(`workbench ${type}: ${JSON.stringify(args).slice(0, 500)}`);
      }
    });
    const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = [['extensionDevelopmentPath', remote(repoRoot)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace())}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise<number>((resolve) => setTimeout(() => {
      log(`the integration suite did not finish within ${overallTimeoutMs / 60000} minutes`);
      resolve(1);
    }, overallTimeoutMs).unref());
    return await Promise.race([exit, timeout]);
  } finally {
    stopFollowing();
    await browser.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const launcher = await chooseLauncher();
  log(`integration tests in a real VS Code extension host via ${launcher === 'electron' ? '@vscode/test-electron (desktop VS Code)' : 'code-server (VS Code 1.139 server + web workbench)'}`);
  const code = launcher === 'electron' ? await viaElectron() : await viaCodeServer();
  process.exit(code);
}

main().catch((error: unknown) => {
  log(`integration run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
