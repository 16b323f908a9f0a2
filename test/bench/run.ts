/**
 * Benchmarks, printed as figures (never asserted in the test suite):
 *  - time to the first page of a 100,000-item album, and to page through all of it;
 *  - heap held per loaded page, to show why the tree keeps pages, not listings;
 *  - removal of 10,000 items in chunks of 1,000 with 4 in flight: requests, seconds, items/s;
 *  - the first page of 10,000 albums.
 * Run with `npm run bench`.
 */
import { albumContentPages } from '../../src/api/paging';
import { removeAlbumContentInBatches } from '../../src/api/batch';
import { KooDriveClient } from '../../src/api/client';
import { AlbumKind, AlbumType } from '../../src/api/types';
import { startEmulator } from '../emulator/server';

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
  const emulator = await startEmulator({ scale: { albumItems: ITEMS, albums: ALBUMS } });
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

  const before = heapMb();
  started = process.hrtime.bigint();
  let first = 0;
  let count = 0;
  const held: unknown[] = [];
  for await (const page of albumContentPages(client, large, { pageSize: 100 })) {
    if (count === 0) {
      first = ms(started);
    }
    count += page.length;
    if (held.length < 10) {
      held.push(page);
    }
  }
  const all = ms(started);
  const tenPages = heapMb() - before;
  console.log(`album of ${ITEMS}: first page in ${first.toFixed(1)} ms; all ${count} items in ${(all / 1000).toFixed(2)} s (${((count / all) * 1000).toFixed(0)} items/s, 100 per request)`);
  console.log(`heap held by 10 loaded pages (1,000 rows): ${tenPages.toFixed(2)} MB; the tree loads a page per "Load more…"`);

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
  await emulator.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
