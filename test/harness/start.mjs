// `npm start`: builds the extension, starts the local KooDrive emulator, and opens the extension
// in a real VS Code pointed at it: a desktop `code` when one is on the PATH, else code-server on
// 127.0.0.1. Prints where to go and what to type to sign in; Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (line) => process.stdout.write(`${line}\n`);

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say(`"${path.basename(command)} ${args.join(' ')}" failed; fix the error above and run npm start again.`);
    process.exit(1);
  }
}

function startEmulator() {
  const child = spawn(process.execPath, [path.join(root, 'out/test/emulator/cli.js'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, ...JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`the emulator exited with code ${code}`)));
  });
}

const hasDesktopCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;

step(path.join(root, 'node_modules/.bin/tsc'), ['-p', '.']);
const emulator = await startEmulator();
const owner = emulator.users.find((user) => user.role === 'owner');
const member = emulator.users.find((user) => user.role === 'member');
const settings = { 'koodrive.endpoint': emulator.url, 'koodrive.userId': owner.userId };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-start-'));
const workspace = path.join(work, 'workspace');
fs.mkdirSync(workspace);
const stops = [async () => emulator.child.kill('SIGTERM')];

if (hasDesktopCode) {
  step(process.execPath, ['esbuild.mjs']);
  const userData = path.join(work, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const code = spawn('code', ['--wait', '--new-window', `--extensionDevelopmentPath=${root}`, '--user-data-dir', userData, workspace], { stdio: 'inherit' });
  stops.push(async () => code.kill('SIGTERM'));
  say('\nVS Code is opening with the extension under development.');
} else {
  step(process.execPath, ['esbuild.mjs', '--production']);
  const vsix = path.join(work, 'koodrive.vsix');
  step(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix]);
  const { ensureTools } = await import(path.join(root, 'out/test/harness/tools.js'));
  const { startCodeServer } = await import(path.join(root, 'out/test/harness/codeServer.js'));
  const server = await startCodeServer(ensureTools(), { smokeTestDriver: false, installVsix: vsix, userSettings: settings });
  stops.push(() => server.stop());
  say(`\nOpen ${server.url}/?folder=${encodeURIComponent(workspace)} in a browser.`);
}

say(`
Local KooDrive emulator: ${emulator.url}  (koodrive.endpoint is already set to it)
Sign in: click the KooDrive icon in the activity bar, then "Sign In", and paste this access token
  owner  ${owner.name}  user id ${owner.userId}
         token ${owner.token}
To try as the family member instead, set koodrive.userId to ${member.userId} and use
         token ${member.token}

Press Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) {
    return;
  }
  stopping = true;
  say('\nStopping…');
  for (const halt of stops.reverse()) {
    await halt().catch(() => undefined);
  }
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
