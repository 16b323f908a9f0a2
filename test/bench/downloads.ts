/**
 * Download… (D22), measured: 100 files of 1 MiB and one large file from the emulator on
 * loopback, saved by the client (its link rules, its streaming into a temporary file, its size
 * and sha256 checks, four files at a time) against a floor that pipes the same links to disk
 * with node:http, fs.createWriteStream and a SHA-256, nothing else, four at a time too. Also the
 * client's peak memory growth while it saves the large file. Figures only: nothing is asserted.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { KooDriveClient } from '../../src/api/client';
import { fileSink } from '../../src/api/fileSink';
import { contentToSave } from '../../src/api/save';
import { megabyteFileId, SeedIds } from '../emulator/seedIds';
import { interleave, type Pair, since } from './stats';

/** A file to save: its link, size and sha256 as getFile gives them. */
interface Wanted {
  link: string;
  size: number;
  sha256?: string;
}

/** The links of the benchmark's files, read once (the large file's sha256 is computed by the emulator on the first getFile). */
export async function wantedFiles(client: KooDriveClient, containerId: string, count: number): Promise<{ small: Wanted[]; big: Wanted }> {
  const read = async (id: string): Promise<Wanted> => {
    const wanted = contentToSave(await client.getFile(id, containerId));
    if (!wanted) {
      throw new Error(`no content for ${id}`);
    }
    return wanted;
  };
  const small: Wanted[] = [];
  for (let index = 0; index < count; index++) {
    small.push(await read(megabyteFileId(index)));
  }
  return { small, big: await read(SeedIds.files.bigVideo) };
}

/** Runs `work` over `items`, four at a time. */
async function fourAtATime<T>(items: T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  }));
}

/** The client's save of `files` into a fresh folder; ms. */
async function clientSave(client: KooDriveClient, files: Wanted[]): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'koodrive-bench-save-'));
  try {
    const start = process.hrtime.bigint();
    await fourAtATime(files, async (file, index) => {
      await client.save(file.link, fileSink(dir, `f${index}.bin`, { overwrite: false }), { size: file.size, sha256: file.sha256 });
    });
    return since(start);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor: node:http into fs.createWriteStream with a SHA-256 on the way, then a rename; ms. */
async function floorSave(headers: Record<string, string>, files: Wanted[]): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'koodrive-bench-floor-'));
  const agent = new http.Agent({ keepAlive: true });
  try {
    const start = process.hrtime.bigint();
    await fourAtATime(files, (file, index) => new Promise<void>((resolve, reject) => {
      const part = path.join(dir, `.f${index}.part`);
      http.get(file.link, { agent, headers }, (res) => {
        const hash = createHash('sha256');
        const out = createWriteStream(part);
        res.on('data', (chunk: Buffer) => hash.update(chunk));
        res.pipe(out);
        out.on('finish', () => {
          if (file.sha256 && hash.digest('hex') !== file.sha256) {
            reject(new Error('sha256 mismatch'));
            return;
          }
          fs.rename(part, path.join(dir, `f${index}.bin`)).then(resolve, reject);
        });
        out.on('error', reject);
      }).on('error', reject);
    }));
    return since(start);
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time of the client against the floor, interleaved. */
export function savePairs(client: KooDriveClient, headers: () => Record<string, string>, files: Wanted[], rounds: number): Promise<Pair[]> {
  return interleave(rounds, () => clientSave(client, files), () => floorSave(headers(), files));
}

/** The growth of this process's resident memory while `work` runs, sampled every 20 ms; MB. */
export async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return (Math.max(peak, process.memoryUsage().rss) - before) / 2 ** 20;
}

/** The client saving one file, for the memory figure. */
export function saveOnce(client: KooDriveClient, file: Wanted): Promise<number> {
  return clientSave(client, [file]);
}
