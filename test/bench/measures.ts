/** The six measures of `npm run bench`, each against its floor. */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { removeAlbumContentInBatches } from '../../src/api/batch';
import type { KooDriveClient } from '../../src/api/client';
import { parseLossless } from '../../src/api/json';
import { albumContentPages } from '../../src/api/paging';
import { AlbumKind, AlbumType } from '../../src/api/types';
import { measureChild, prepareStub } from './activation';
import type { BareClient } from './floor';
import { interleave, median, type Pair, since } from './stats';

const ROOT = path.resolve(__dirname, '../../..');

interface BuildModule {
  buildOptions(settings: { production: boolean; outfile: string }): esbuild.BuildOptions;
}

async function productionOptions(outfile: string): Promise<esbuild.BuildOptions> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as BuildModule;
  return { ...module.buildOptions({ production: true, outfile }), logLevel: 'silent' };
}

/** dist/extension.js as `npm run package` builds it, against node-fetch alone bundled the same way. Returns the bundle's path too. */
export async function bundleSize(dir: string): Promise<{ pairs: Pair[]; bundle: string }> {
  const bundle = path.join(dir, 'extension.js');
  await esbuild.build(await productionOptions(bundle));
  const floor = path.join(dir, 'node-fetch-alone.js');
  const { entryPoints: _entry, ...options } = await productionOptions(floor);
  await esbuild.build({ ...options, stdin: { contents: "module.exports = require('node-fetch');", resolveDir: ROOT, loader: 'js' } });
  return { pairs: [{ project: statSync(bundle).size, floor: statSync(floor).size }], bundle };
}

/**
 * require + activate() of `bundle` in fresh processes, against requiring an empty module; with
 * `preload`, both after loading the Node modules VS Code's extension host has already loaded.
 */
export async function activation(bundle: string, rounds: number, preload: boolean): Promise<{ pairs: Pair[]; requireMs: number; activateMs: number }> {
  const { nodePath, empty } = prepareStub(mkdtempSync(path.join(tmpdir(), 'koodrive-stub-')));
  const parts: { requireMs: number; activateMs: number }[] = [];
  const pairs = await interleave(
    rounds,
    async () => {
      const part = await measureChild(nodePath, bundle, true, preload);
      parts.push(part);
      return part.requireMs + part.activateMs;
    },
    async () => {
      const part = await measureChild(nodePath, empty, false, preload);
      return part.requireMs + part.activateMs;
    },
  );
  return { pairs, requireMs: median(parts.map((part) => part.requireMs)), activateMs: median(parts.map((part) => part.activateMs)) };
}

/** Median µs per request of `count` sequential album-list GETs, client against bare http. */
export async function perRequest(client: KooDriveClient, bare: BareClient, rounds: number, count: number): Promise<Pair[]> {
  const query = { albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageNum: 1, pageSize: 10 } as const;
  const path = `/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageNum=1&pageSize=10`;
  const timed = async (call: () => Promise<unknown>): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = process.hrtime.bigint();
      await call();
      times.push(since(start) * 1000);
    }
    return median(times);
  };
  await timed(() => client.listAlbums(query));
  await timed(() => bare.get(path));
  return interleave(rounds, () => timed(() => client.listAlbums(query)), () => timed(() => bare.get(path)));
}

/** ms to list every item of `albumId` by cursor, 100 a page, client against bare http. */
export async function listing(client: KooDriveClient, bare: BareClient, albumId: string, expected: number, rounds: number): Promise<Pair[]> {
  const project = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    let count = 0;
    for await (const page of albumContentPages(client, albumId, { pageSize: 100 })) {
      count += page.length;
    }
    check(count, expected);
    return since(start);
  };
  const floor = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    let count = 0;
    let cursor = '';
    do {
      const page = (await bare.get(`/koodrive/ose/v1/album/${albumId}/list?pageSize=100${cursor ? `&pageCursor=${encodeURIComponent(cursor)}` : ''}`)) as { contentList: unknown[]; nextPageCursor?: string };
      count += page.contentList.length;
      cursor = page.nextPageCursor ?? '';
    } while (cursor);
    check(count, expected);
    return since(start);
  };
  return interleave(rounds, project, floor);
}

function check(count: number, expected: number): void {
  if (count !== expected) {
    throw new Error(`listed ${count} items, expected ${expected}`);
  }
}

/** ms of the batch engine's own work for `total` ids (a client that answers at once), against a bare chunk loop. */
export async function batchBookkeeping(total: number, rounds: number): Promise<Pair[]> {
  const ids = Array.from({ length: total }, (_, i) => `F${String(i).padStart(8, '0')}`);
  const instant = { removeAlbumContent: () => Promise.resolve() } as unknown as KooDriveClient;
  const project = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    const result = await removeAlbumContentInBatches(instant, 'album', ids, { concurrency: 4 });
    check(result.done.length, total);
    return since(start);
  };
  const floor = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) {
        const chunk = ids.slice(next, (next += 1000));
        await instant.removeAlbumContent('album', chunk);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return since(start);
  };
  await interleave(3, project, floor);
  return interleave(rounds, project, floor);
}

/** A page of 1,000 shared folders as the wire has it: ids as strings, groupId and ownerId as bare numbers beyond 2^53. */
export function folderPage(): string {
  const rows = Array.from({ length: 1_000 }, (_, i) => {
    const id = 1765148493107805441n + BigInt(i);
    return `{"id":"${id}","name":"Family folder ${i}","tenantId":"100","creator":"1644817543959100032","createTime":"2025-09-01T02:34:57.815Z","ownerId":1644817543959100032,"status":0,"containerId":"C${i}","shareFolderFileId":"${id + 7n}","groupId":${1765148492881313793n + BigInt(i)},"maxMember":10}`;
  });
  return `{"code":0,"msg":"success","folders":[${rows.join(',')}]}`;
}

/** Median ms of one parseLossless of `text`, against one JSON.parse. */
export async function losslessJson(text: string, rounds: number, iterations: number): Promise<Pair[]> {
  const timed = (parse: (text: string) => unknown) => (): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      parse(text);
      times.push(since(start));
    }
    return Promise.resolve(median(times));
  };
  await interleave(2, timed(parseLossless), timed(JSON.parse));
  return interleave(rounds, timed(parseLossless), timed(JSON.parse));
}
