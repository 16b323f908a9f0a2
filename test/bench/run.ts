/**
 * Benchmarks, printed as figures (never asserted in the test suite):
 *  - time to the first page of a 100,000-item album, and to page through all of it;
 *  - heap held by the whole listing against one page, to show why the tree keeps pages;
 *  - removal of 10,000 items in chunks of 1,000 with 4 in flight: requests, seconds, items/s;
 *  - the first page of 10,000 albums.
 * Run with `npm run bench`. The emulator runs in a child process so the heap figures are the client's.
 */

interface Started {
  url: string;
  users: { userId: string; token: string; role: string }[];
  stop: () => void;
}

function startEmulatorProcess(): Promise<Started> {
  const child = spawn(process.execPath, [path.join(__dirname, '../emulator/cli.js'), '--port', '0', '--album-items', String(ITEMS), '--albums', String(ALBUMS)], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      const parsed = JSON.parse(line) as Omit<Started, 'stop'>;
      resolve({ ...parsed, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with code ${String(code)}`)));
  });
}
import { albumContentPages } from '../../src/api/paging';
import { removeAlbumContentInBatches } from '../../src/api/batch';
import { KooDriveClient } from '../../src/api/client';
import { AlbumKind, AlbumType } from '../../src/api/types';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

const ITEMS = 100_000;
const ALBUMS = 10_000;
const REMOVE = 10_000;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function main(): Promise<void> {
  let started = process.hrtime.bigint();
  const emulator = await startEmulatorProcess();
  console.log(`emulator with ${ITEMS} items and ${ALBUMS} extra albums started in ${ms(started).toFixed(0)} ms`);
  const owner = emulator.users.find((user) => user.role === 'owner');
  if (!owner) {
    throw new Error('no owner in the seed');
  }
  const requests: string[] = [];
  const client = new KooDriveClient({
    endpoint: () => emulator.url,
    userId: () => owner.userId,
    getToken: () => Promise.resolve(owner.token),
    language: () => 'en-US',
    timeoutMs: () => 30_000,
    onRequest: (entry) => requests.push(`${entry.method} ${entry.path}`),
  });

  started = process.hrtime.bigint();
  const { albums, total } = await client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageNum: 1, pageSize: 100 });
  console.log(`first page of albums: ${albums.length} of ${total ?? '?'} in ${ms(started).toFixed(1)} ms`);

  let large: string | undefined;
  for (let page = 1; !large; page++) {
    const result = await client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageNum: page, pageSize: 100 });
    large = result.albums.find((album) => album.name === 'Large album')?.id;
    if (result.albums.length < 100) {
      break;
    }
  }
  if (!large) {
    throw new Error('no "Large album" in the seed');
  }

  started = process.hrtime.bigint();
  let first = 0;
  const everything: unknown[] = [];
  for await (const page of albumContentPages(client, large, { pageSize: 100 })) {
    if (everything.length === 0) {
      first = ms(started);
    }
    everything.push(...page);
  }
  const all = ms(started);
  console.log(`album of ${ITEMS}: first page in ${first.toFixed(1)} ms; all ${everything.length} items in ${(all / 1000).toFixed(2)} s (${((everything.length / all) * 1000).toFixed(0)} items/s, 100 per request)`);
  const withAll = heapMb();
  everything.length = 0;
  const held = withAll - heapMb();
  console.log(`heap held by the whole listing: ${held.toFixed(1)} MB, i.e. ${((held / ITEMS) * 1000 * 1024).toFixed(0)} KB per 1,000 rows; the tree holds only the pages the user loaded with "Load more…"`);

  const ids: string[] = [];
  for await (const page of albumContentPages(client, large, { pageSize: 100 })) {
    ids.push(...page.map((item) => item.id));
    if (ids.length >= REMOVE) {
      break;
    }
  }
  requests.length = 0;
  started = process.hrtime.bigint();
  const result = await removeAlbumContentInBatches(client, large, ids.slice(0, REMOVE), { concurrency: 4 });
  const removal = ms(started);
  const deletes = requests.filter((line) => line.startsWith('DELETE')).length;
  console.log(`removed ${result.done.length} items in ${deletes} requests, ${(removal / 1000).toFixed(2)} s (${((result.done.length / removal) * 1000).toFixed(0)} items/s)`);
  console.log(`peak RSS: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  emulator.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
