import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { log } from './paths';
import type { Tools } from './tools';

export interface CodeServerOptions {
  /** Needed for the in-host test runner; hides notification toasts, so UI tests start without it. */
  smokeTestDriver: boolean;
  userSettings?: Record<string, unknown>;
  /** A packaged extension to install before starting. */
  installVsix?: string;
  env?: Record<string, string>;
}

export interface CodeServer {
  url: string;
  port: number;
  runDir: string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and offline. */
const quietSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * Starts code-server on 127.0.0.1 in a fresh folder of its own (HOME, XDG folders, user data,
 * extensions), in its own process group so that stop() also ends the file watcher it forks.
 */
export async function startCodeServer(tools: Tools, options: CodeServerOptions): Promise<CodeServer> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-code-server-'));
  const home = path.join(runDir, 'home');
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...options.userSettings }, null, 2));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PATH: `${path.join(tools.node24, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
  const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];
  if (options.installVsix) {
    const installed = spawnSync(tools.codeServer, [...dirs, '--install-extension', options.installVsix], { env, encoding: 'utf8' });
    if (installed.status !== 0) {
      throw new Error(`installing ${options.installVsix} failed: ${installed.stderr || installed.stdout}`);
    }
  }
  const port = await freePort();
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...dirs,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', '--reconnection-grace-time', '5',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const logFile = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
  const child = spawn(tools.codeServer, args, { env, detached: true, stdio: ['ignore', logFile, logFile] });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid ?? 0), 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(logFile);
    if (!process.env.KOODRIVE_KEEP_RUN_DIR) {
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  };
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    log(fs.readFileSync(path.join(runDir, 'code-server.log'), 'utf8').slice(-3000));
    await stop();
    throw error;
  }
  log(`code-server ${options.smokeTestDriver ? '(test driver) ' : ''}at ${url}`);
  return { url, port, runDir, stop };
}
