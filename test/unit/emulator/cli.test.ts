import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from '../../emulator/cli';
import { SeedIds } from '../../emulator/seedIds';
import { xDate } from './helpers';

const CLI = path.join(__dirname, '..', '..', 'emulator', 'cli.js');

/** Resolves with the first stdout line. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        resolve(buffer.slice(0, end));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('emulator: CLI', () => {
  it('prints {url, users} first, logs requests on stderr without tokens, exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--albums', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = exitCode(child);
    try {
      const info = JSON.parse(await firstLine(child)) as { url: string; users: { userId: string; token: string; role: string; name: string }[] };
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(info.users.map((user) => user.role), ['owner', 'member', 'outsider']);
      const [user] = info.users;
      const response = await fetch(`${info.url}/koodrive/ose/v1/album/list?albumKind=1&albumType=2`, {
        headers: { Authorization: `Bearer ${user.token}`, 'X-User-Id': user.userId, 'X-Date': xDate(), 'X-Traceid': 'x'.repeat(58) },
      });
      assert.equal(((await response.json()) as { total: number }).total, 7);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.match(stderr, /GET \/koodrive\/ose\/v1\/album\/list 200 code=0 trace=x{58}/);
      assert.ok(!stderr.includes(user.token));
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });

  it('--downloads separate adds downloadsUrl, the second origin, to the first line', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--downloads', 'separate'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = exitCode(child);
    try {
      const info = JSON.parse(await firstLine(child)) as { url: string; downloadsUrl?: string };
      assert.match(info.downloadsUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(info.downloadsUrl, info.url);
      assert.equal((await fetch(`${info.downloadsUrl}/__files/content/Fx`)).status, 403, 'unsigned');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });

  it('--big-file-mb and --mb-files add the download benchmark albums, and the JSON line still comes first', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--big-file-mb', '1', '--mb-files', '2'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = exitCode(child);
    try {
      const info = JSON.parse(await firstLine(child)) as { url: string; users: { userId: string; token: string }[] };
      const [user] = info.users;
      const response = await fetch(`${info.url}/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=100`, {
        headers: { Authorization: `Bearer ${user.token}`, 'X-User-Id': user.userId, 'X-Date': xDate() },
      });
      const names = ((await response.json()) as { albumList: { id: string; name: string }[] }).albumList.map((album) => [album.id, album.name]);
      assert.deepEqual(names.slice(-2), [[SeedIds.scaleAlbums.bigFiles, 'Big files 大文件'], [SeedIds.scaleAlbums.megabytes, 'Megabytes 兆字节']]);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });

  it('exits 0 on SIGINT too', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = exitCode(child);
    await firstLine(child);
    child.kill('SIGINT');
    assert.equal(await exited, 0);
  });

  it('exits 2 on bad arguments', async () => {
    const child = spawn(process.execPath, [CLI, '--port', 'abc'], { stdio: 'ignore' });
    assert.equal(await exitCode(child), 2);
  });

  it('parses its arguments', () => {
    assert.deepEqual(parseArgs(['--port', '0', '--album-items', '100000', '--shared-folders', '12']), {
      port: 0,
      scale: { albumItems: 100000, sharedFolders: 12 },
      downloads: 'same-origin',
    });
    assert.deepEqual(parseArgs(['--big-file-mb', '512', '--mb-files', '100']).scale, { bigFileMb: 512, megabyteFiles: 100 });
    assert.throws(() => parseArgs(['--big-file-mb', '-1']), /--big-file-mb needs a non-negative integer/);
    assert.equal(parseArgs(['--downloads', 'separate', '--port', '0']).downloads, 'separate');
    assert.throws(() => parseArgs(['--downloads', 'elsewhere']), /--downloads/);
    assert.equal(parseArgs([]).port, 0);
    assert.throws(() => parseArgs(['--port', '1', '--what', '2']), /unknown/);
    assert.throws(() => parseArgs(['--port', '70000']), /--port/);
  });
});
