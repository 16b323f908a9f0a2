// `npm start`: compiles and builds, starts the local KooDrive emulator, and opens the extension in
// a real VS Code pointed at it: a desktop `code` when one is on the PATH, else code-server on
// 127.0.0.1. Prints where to go and what to paste to sign in; Ctrl+C stops everything.
// Plain JS: it runs before anything is compiled.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const say = (line) => process.stdout.write(`${line}\n`);
const stops = [];
let stopping = false;

/** Stops what was started, newest first, then exits. */
async function stopAll(code) {
  if (stopping) {
    return;
  }
  stopping = true;
  say('\nStopping…');
  for (const halt of stops.reverse()) {
    await halt().catch((error) => say(`  (stopping: ${error.message})`));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('SIGHUP', () => void stopAll(0));

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`"${path.basename(command)} ${args.join(' ')}" failed; fix the error above and run npm start again`);
  }
}

/** A child in its own process group, so stopping it also stops whatever it forks. */
function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
  });
  return { child, exited };
}

/** Starts the emulator CLI and reads its first line: `{"url": …, "users": [{userId, token, role, name}]}`. */
async function startEmulator() {
  const { child } = spawnGroup(process.execPath, [path.join(root, 'out/test/emulator/cli.js'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  readline.createInterface({ input: child.stderr }).on('line', (line) => say(`[emulator] ${line}`));
  const lines = readline.createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    lines.once('line', (line) => {
      try {
        resolve({ ...JSON.parse(line), child });
      } catch {
        reject(new Error(`the emulator's first line is not JSON: ${line}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with code ${code}`)));
  });
}

async function main() {
  step(path.join(root, 'node_modules/.bin/tsc'), ['-p', '.']);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-start-'));
  stops.push(async () => fs.rmSync(work, { recursive: true, force: true }));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);

  const emulator = await startEmulator();
  const owner = emulator.users.find((user) => user.role === 'owner');
  const member = emulator.users.find((user) => user.role === 'member');
  const settings = { 'koodrive.endpoint': emulator.url, 'koodrive.userId': owner.userId };
  let where;

  const hasDesktopCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;
  if (hasDesktopCode) {
    step(process.execPath, ['esbuild.mjs']);
    const userData = path.join(work, 'user-data');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const { exited } = spawnGroup('code', ['--wait', '--new-window', `--extensionDevelopmentPath=${root}`, '--user-data-dir', userData, '--extensions-dir', path.join(work, 'extensions'), workspace], { stdio: 'inherit' });
    void exited.then(() => stopAll(0)); // closing the window ends the session
    where = 'VS Code is opening a window with the extension under development (close it or press Ctrl+C to stop).';
  } else {
    step(process.execPath, ['esbuild.mjs', '--production']);
    const vsix = path.join(work, 'koodrive.vsix');
    step(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix]);
    step(process.execPath, ['esbuild.mjs']); // leave the development build in dist/
    const { ensureTools } = require(path.join(root, 'out/test/harness/tools.js'));
    const { startCodeServer } = require(path.join(root, 'out/test/harness/codeServer.js'));
    const server = await startCodeServer({ tools: await ensureTools(), smokeTestDriver: false, installVsix: vsix, userSettings: settings });
    stops.push(() => server.stop());
    void server.exited.then((code) => {
      if (!stopping) {
        say(`code-server exited unexpectedly (${code}).`);
        void stopAll(1);
      }
    });
    where = `Open ${server.url}/?folder=${encodeURIComponent(workspace)} in a browser.`;
  }

  say(`
${where}

Local KooDrive emulator: ${emulator.url}  (koodrive.endpoint and koodrive.userId are set)
Sign in: click the KooDrive icon in the activity bar, then "Sign In" (or run "KooDrive: Sign In"):
  owner   ${owner.name}
          user id  ${owner.userId}
          token    ${owner.token}${member ? `
  To try as the family member instead, sign out, set koodrive.userId to ${member.userId}
  and sign in with token ${member.token}` : ''}

Press Ctrl+C to stop.`);
}

main().catch((error) => {
  say(`npm start failed: ${error.message}`);
  void stopAll(1);
});
