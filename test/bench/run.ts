/**
 * `npm run bench`: six measures of the client against a floor that does the same work without
 * it, interleaved in one run, printed as `project / floor = ratio` with the ratio's min, median
 * and max over the runs. Figures only: no test asserts a time.
 *  1. dist/extension.js (production) / node-fetch alone, bundled the same way;
 *  2. require + activate() of that bundle / requiring an empty module, in fresh processes that
 *     have loaded what VS Code's extension host loads before extensions (and, for reference, cold);
 *  3. per request, median of 2,000 sequential GETs / a bare node:http keep-alive client with the
 *     same headers and JSON.parse, on a near-zero-cost raw server and on the emulator;
 *  4. listing 100,000 album items by cursor / the same pages through the bare client;
 *  5. the batch engine's own work for 100,000 ids (a client that answers at once) / a bare chunk loop;
 *  6. lossless JSON of a 1,000-item page / JSON.parse;
 *  7. a 50-item page: the list request alone, and the time until its last file name.
 *  8. Download…: 100 files of 1 MiB and one of 512 MiB saved to disk / node:http piped to
 *     fs.createWriteStream with a SHA-256; and the client's peak memory growth on the large file.
 * The servers run in child processes, so the figures are the client's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { removeAlbumContentInBatches } from '../../src/api/batch';
import { KooDriveClient } from '../../src/api/client';
import { albumContentPages } from '../../src/api/paging';
import { AlbumKind, AlbumType } from '../../src/api/types';
import { EmulatorControl } from '../emulator/control';
import { BareClient } from './floor';
import { activation, batchBookkeeping, bundleSize, folderPage, listing, losslessJson, perRequest } from './measures';
import { namesForPage, namesReport } from './names';
import { peakGrowth, saveOnce, savePairs, wantedFiles } from './downloads';
import { kb, ms, report, since, us } from './stats';

const ITEMS = 100_000;
/** Measure 8's files: this many of 1 MiB, and one of this many MiB. */
const MB_FILES = 100;
const BIG_FILE_MB = 512;

interface Child {
  url: string;
  users: { userId: string; token: string; role: string; containerId?: string }[];
  stop: () => void;
}

/** Starts `script` (compiled, under out/test) and reads its first stdout line as JSON. */
function startChild(script: string, args: string[] = []): Promise<Child> {
  const child = spawn(process.execPath, [path.join(__dirname, script), ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      const parsed = JSON.parse(line) as Partial<Omit<Child, 'stop'>>;
      resolve({ url: parsed.url ?? '', users: parsed.users ?? [], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${String(code)}`)));
  });
}

function clientFor(url: string, userId: string, token: string): KooDriveClient {
  return new KooDriveClient({ endpoint: () => url, userId: () => userId, getToken: () => Promise.resolve(token), language: () => 'en-US', timeoutMs: () => 30_000 });
}

async function main(): Promise<void> {
  console.log(`Benchmarks: node ${process.version}, ${availableParallelism()} cores. Each line: project / floor = ratio of medians (the ratio's min, median, max over interleaved runs).`);
  const dir = mkdtempSync(path.join(tmpdir(), 'koodrive-bench-'));

  const { pairs: size, bundle } = await bundleSize(dir);
  console.log(report('1. dist/extension.js (production), against node-fetch alone', size, kb, 'at most 120 KB'));

  const activated = await activation(bundle, 15, true);
  const split = (figures: { requireMs: number; activateMs: number }): string => `require ${ms(figures.requireMs)}, activate() ${ms(figures.activateMs)}`;
  console.log(report('2. require + activate(), http/https/net/tls loaded as in the extension host, against an empty module', activated.pairs, ms, `at most 8 ms (${split(activated)})`));
  const cold = await activation(bundle, 9, false);
  console.log(report('   the same in a bare process, nothing loaded before', cold.pairs, ms, `none; for reference (${split(cold)})`));

  const raw = await startChild('rawServer.js');
  const emulator = await startChild('../emulator/cli.js', ['--port', '0', '--album-items', String(ITEMS), '--mb-files', String(MB_FILES), '--big-file-mb', String(BIG_FILE_MB)]);
  const owner = emulator.users.find((user) => user.role === 'owner');
  if (!owner) {
    throw new Error('no owner in the seed');
  }
  try {
    const rawBare = new BareClient(raw.url, owner.userId, owner.token);
    console.log(report('3a. per request, raw server (median of 2,000 sequential GETs)', await perRequest(clientFor(raw.url, owner.userId, owner.token), rawBare, 5, 2_000), us, 'at most 1.3x'));
    rawBare.close();
    const client = clientFor(emulator.url, owner.userId, owner.token);
    const bare = new BareClient(emulator.url, owner.userId, owner.token);
    console.log(report('3b. per request, emulator (median of 2,000 sequential GETs)', await perRequest(client, bare, 5, 2_000), us, 'at most 1.3x'));

    const { albums } = await client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 100 });
    const large = albums.find((album) => album.name === 'Large album')?.id;
    if (!large) {
      throw new Error('no "Large album" in the seed');
    }
    console.log(report(`4. listing ${ITEMS.toLocaleString('en-US')} album items, 100 a page`, await listing(client, bare, large, ITEMS, 5), ms, 'at most 1.3x'));
    console.log(report(`5. batch-engine bookkeeping for ${ITEMS.toLocaleString('en-US')} ids`, await batchBookkeeping(ITEMS, 15), ms, 'at most 10 ms'));
    console.log(report('6. lossless JSON of a 1,000-item page, against JSON.parse', await losslessJson(folderPage(), 9, 50), ms, 'at most 2x'));
    const paging = albums.find((album) => album.name === 'Paging 250 翻页')?.id;
    if (paging) {
      console.log(namesReport(50, 0, await namesForPage(client, owner.userId, paging, 50, 9)));
      // A network's round trip, played by the emulator's delay fault on every request.
      const control = new EmulatorControl(emulator.url);
      await control.addFault({ times: 100_000, fault: { type: 'delay', ms: 20 } });
      console.log(namesReport(50, 20, await namesForPage(client, owner.userId, paging, 50, 5)));
      await control.clearFaults();
    }

    const files = await wantedFiles(client, owner.containerId ?? '', MB_FILES);
    const headers = (): Record<string, string> => bare.headers();
    console.log(report(`8a. Download… of ${MB_FILES} files of 1 MiB, 4 at a time, against node:http + createWriteStream + sha256`, await savePairs(client, headers, files.small, 4), ms, 'at most 1.15x'));
    console.log(report(`8b. Download… of one ${BIG_FILE_MB} MiB file, against the same floor`, await savePairs(client, headers, [files.big], 4), ms, 'at most 1.15x'));
    console.log(`8c. the client's peak memory growth while it saves the ${BIG_FILE_MB} MiB file: ${(await peakGrowth(() => saveOnce(client, files.big))).toFixed(1)} MB; goal under 64 MB`);

    const ids: string[] = [];
    for await (const page of albumContentPages(client, large, { pageSize: 100 })) {
      for (const item of page) {
        ids.push(item.id);
      }
    }
    const start = process.hrtime.bigint();
    const result = await removeAlbumContentInBatches(client, large, ids, { concurrency: 4 });
    console.log(`(for reference) removed ${result.done.length.toLocaleString('en-US')} items over the emulator in ${(since(start) / 1000).toFixed(2)} s, 1,000 a request, 4 in flight`);
    bare.close();
  } finally {
    raw.stop();
    emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
