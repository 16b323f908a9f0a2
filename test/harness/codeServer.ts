import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { log } from './paths';
import { ensureTools, type Tools } from './tools';

export interface CodeServerOptions {
  /** Needed for the in-host test runner (a development payload); hides notification toasts. */
  smokeTestDriver: boolean;
  /** Merged over the quiet settings into `<userDataDir>/User/settings.json`. */
  userSettings?: Record<string, unknown>;
  /** An extensions folder to use (and keep); by default a fresh one inside the run folder. */
  extensionsDir?: string;
  /** A packaged extension to install, with the same binary, before starting. */
  installVsix?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Extra environment for the server and so for its extension host. */
  env?: Record<string, string>;
  /** From ensureTools(); looked up when absent. */
  tools?: Tools;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  port: number;
  /** The server's pid, which is also its process group's id: its extension hosts are found in that group. */
  pid: number;
  userDataDir: string;
  extensionsDir: string;
  /** The fresh folder holding HOME, the user data and the server's log; removed by stop(). */
  runDir: string;
  /** The server's stdout and stderr. */
  logFile: string;
  /** Settles when the server's main process exits, with its exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Ends the server's whole process group and waits for it; idempotent. */
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and offline. */
export const quietSettings: Record<string, unknown> = {
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
  // Beyond the doc's list: the empty chat side bar would take a third of the test window.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** A port that was free a moment ago: bind port 0 on 127.0.0.1, read it, release it. */
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** True while any process of the group lives. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.signalCode ?? `code ${String(child.exitCode)}`}) before it was ready`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/** Environment that keeps everything code-server writes inside `home`. */
function serverEnv(tools: Tools, home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    PATH: `${path.join(tools.node24, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
}

function installVsix(tools: Tools, env: NodeJS.ProcessEnv, dirs: string[], vsix: string): void {
  log(`installing ${path.basename(vsix)} into code-server`);
  const installed = spawnSync(tools.codeServer, [...dirs, '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 180_000 });
  if (installed.status !== 0) {
    throw new Error(`installing ${vsix} failed (${installed.error?.message ?? `exit ${String(installed.status)}`}): ${installed.stderr}${installed.stdout}`);
  }
}

/**
 * Starts code-server on 127.0.0.1 in a fresh run folder of its own (HOME and XDG folders, user
 * data, extensions unless given), detached in its own process group so that stop() also ends
 * the file watcher it forks, and waits until `GET /healthz` answers.
 * @throws when the tools cannot be installed, the extension cannot be installed, or the server
 * does not become healthy within a minute (after printing the end of its log).
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const tools = options.tools ?? (await ensureTools());
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-code-server-'));
  const home = path.join(runDir, 'home');
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  const logFile = path.join(runDir, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...options.userSettings }, null, 2));
  const env = serverEnv(tools, home, options.env);
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const cleanUp = (): void => {
    if (!process.env.KOODRIVE_KEEP_RUN_DIR) {
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  };
  try {
    if (options.installVsix) {
      installVsix(tools, env, dirs, options.installVsix);
    }
  } catch (error) {
    cleanUp();
    throw error;
  }

  // A port found free can be taken before code-server binds it: then try another.
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port || (await freePort());
    const args = [
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...dirs,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened', '--reconnection-grace-time', '5',
      ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ];
    const out = fs.openSync(logFile, 'a');
    const child = spawn(tools.codeServer, args, { env, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const pgid = child.pid ?? 0;
    // If this process ends without stop() (a crash, process.exit), take the server down with it.
    const killOnExit = (): void => signalGroup(pgid, 'SIGKILL');
    process.on('exit', killOnExit);
    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> => {
      stopped ??= (async () => {
        signalGroup(pgid, 'SIGTERM');
        const deadline = Date.now() + 10_000;
        while (groupAlive(pgid) && Date.now() < deadline) {
          if (Date.now() > deadline - 5000) {
            signalGroup(pgid, 'SIGKILL');
          }
          await sleep(100);
        }
        process.off('exit', killOnExit);
        cleanUp();
      })();
      return stopped;
    };
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(url, child, 60_000);
    } catch (error) {
      const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      if (!options.port && attempt < 3 && /EADDRINUSE/.test(text)) {
        log(`port ${port} was taken; trying another`);
        signalGroup(pgid, 'SIGKILL');
        process.off('exit', killOnExit);
        fs.rmSync(logFile, { force: true });
        continue;
      }
      log(`code-server log (end):\n${text.slice(-3000)}`);
      await stop();
      throw error;
    }
    log(`code-server ${options.smokeTestDriver ? '(smoke-test driver) ' : ''}at ${url} (run folder ${runDir})`);
    return { url, port, pid: pgid, userDataDir, extensionsDir, runDir, logFile, exited, stop };
  }
}
