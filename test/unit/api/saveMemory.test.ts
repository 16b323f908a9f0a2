import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { fileSink } from '../../../src/api/fileSink';
import { SeedIds, useEmulator } from './helpers';
import { target, useFolder } from './saveHelpers';

const MIB = 2 ** 20;
const FILE_MIB = 256;
/** Far below the file: a client that held it, or let the network run ahead of the disk, would pass it. */
const MOST_GROWTH = 64 * MIB;

describe('api/save: memory while saving a large file (D22)', function () {
  // Generating, hashing and writing 256 MB takes seconds on a slow machine; no time is asserted.
  this.timeout(180_000);
  const h = useEmulator({ bigFileMb: FILE_MIB });
  const folder = useFolder();

  it(`saves a ${FILE_MIB} MB file while the process grows by less than ${MOST_GROWTH / MIB} MB`, async () => {
    // getFile hashes the video first (in this process, streamed): before the baseline.
    const { link, ...expected } = await target(h, SeedIds.files.bigVideo);
    assert.equal(expected.size, FILE_MIB * MIB);
    const before = process.memoryUsage().rss;
    let peak = before;
    let nextSample = 0;
    await h.client().save(link, fileSink(folder.dir, 'big.mp4', { overwrite: false }), {
      ...expected,
      onProgress: (received) => {
        if (received >= nextSample) {
          nextSample = received + 4 * MIB;
          peak = Math.max(peak, process.memoryUsage().rss);
        }
      },
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    assert.equal(statSync(path.join(folder.dir, 'big.mp4')).size, FILE_MIB * MIB);
    assert.ok(peak - before < MOST_GROWTH, `the process grew by ${((peak - before) / MIB).toFixed(1)} MB`);
  });
});
