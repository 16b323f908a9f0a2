import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileSink } from '../../../src/api/fileSink';
import type { SaveSink } from '../../../src/api/saveSink';
import type { FaultRule } from '../../emulator/server';
import { rejectsWith, SeedIds, startRecordingServer, useEmulator } from './helpers';
import { sha256, target, useFolder, wrap } from './saveHelpers';

const { files } = SeedIds;
const CONTENT = '^/__files/content/';

describe('api/save: saving files to disk (D22)', () => {
  const h = useEmulator();
  const folder = useFolder();
  const sink = (name = 'file', overwrite = false): SaveSink => fileSink(folder.dir, name, { overwrite });
  const downloads = async (): Promise<number> => (await h.requests()).filter((request) => request.path.startsWith('/__files/content/')).length;
  const fault = (rule: Omit<FaultRule, 'pathPattern'>): Promise<void> => h.emulator.control.addFault({ pathPattern: CONTENT, ...rule });

  describe('whole files', () => {
    it('saves a picture byte for byte, its sha256 checked, and leaves nothing else in the folder', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      const saved = await h.client().save(link, sink('西湖断桥残雪.jpg'), expected);
      assert.deepEqual(saved, { size: expected.size, sha256: expected.sha256, contentType: 'image/jpeg' });
      assert.deepEqual(folder.list(), ['西湖断桥残雪.jpg']);
      const onDisk = readFileSync(path.join(folder.dir, '西湖断桥残雪.jpg'));
      assert.ok(onDisk.equals((await h.client().download(link, { usage: 'content' })).bytes));
      assert.equal(sha256(onDisk), expected.sha256);
    });

    it('streams a generated video, reporting progress up to its size', async () => {
      const { link, ...expected } = await target(h, files.boatRide);
      const progress: number[] = [];
      await h.client().save(link, sink('Boat ride 游船.mp4'), { ...expected, onProgress: (received, total) => progress.push(received, total) });
      const onDisk = readFileSync(path.join(folder.dir, 'Boat ride 游船.mp4'));
      assert.deepEqual([onDisk.length, sha256(onDisk)], [expected.size, expected.sha256]);
      assert.deepEqual(progress.slice(-2), [expected.size, expected.size]);
      assert.equal(onDisk.subarray(4, 8).toString('latin1'), 'ftyp');
    });

    it('writes one chunk at a time: a slow disk slows the transfer instead of piling up chunks', async () => {
      const { link, ...expected } = await target(h, files.boatRide);
      const inner = sink('video.mp4');
      let inFlight = 0;
      let most = 0;
      let writes = 0;
      const slow = wrap(inner, {
        write: async (chunk) => {
          most = Math.max(most, ++inFlight);
          writes++;
          await new Promise((resolve) => setTimeout(resolve, 2));
          await inner.write(chunk);
          inFlight--;
        },
      });
      await h.client().save(link, slow, expected);
      assert.ok(writes > 3, `${writes} writes`);
      assert.equal(most, 1);
      assert.equal(sha256(readFileSync(path.join(folder.dir, 'video.mp4'))), expected.sha256);
    });

    it('checks the size alone when no sha256 is given', async () => {
      const { link, size } = await target(h, files.tripPlan, h.member, h.member);
      const saved = await h.client(h.member).save(link, sink('plan.docx'), { size });
      assert.equal(saved.size, size);
      assert.deepEqual(folder.list(), ['plan.docx']);
    });

    it('sends the KooDrive headers to its own origin', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      await h.client().save(link, sink(), expected);
      const [request] = (await h.requests()).filter((entry) => entry.path.startsWith('/__files/'));
      assert.equal(request.headers.authorization, 'Bearer <redacted>');
      assert.equal(request.headers['x-user-id'], h.owner.userId);
    });
  });

  describe('links refused', () => {
    it('never follows a redirect, and writes nothing', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      await fault({ fault: { type: 'status', status: 302, headers: { Location: link } } });
      const error = await rejectsWith(h.client().save(link, sink(), expected), 'badResponse');
      assert.match(error.message, /redirect/);
      assert.equal(await downloads(), 1);
      assert.deepEqual(folder.list(), []);
    });

    it('refuses a bad link, size or sha256 before anything is sent', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      await rejectsWith(h.client().save('http://files.example.com/F1', sink(), expected), 'invalidInput');
      await rejectsWith(h.client().save(link, sink(), { ...expected, size: -1 }), 'invalidInput');
      await rejectsWith(h.client().save(link, sink(), { ...expected, sha256: 'abc' }), 'invalidInput');
      assert.equal(await downloads(), 0);
      assert.deepEqual(folder.list(), []);
    });

    it('an unknown file is notFound, with nothing on disk', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      await rejectsWith(h.client().save(link.replace(files.brokenBridge, 'Fnope'), sink(), expected), 'notFound');
      assert.deepEqual(folder.list(), []);
    });
  });

  describe('bytes that are not the file', () => {
    it('corrupt: the right size with the wrong bytes is an integrity error naming the sha256, not retried, nothing kept', async () => {
      const { link, ...expected } = await target(h, files.boatRide);
      await fault({ fault: { type: 'corrupt' } });
      const error = await rejectsWith(h.client().save(link, sink(), expected), 'integrity');
      assert.match(error.message, new RegExp(`sha256: expected ${expected.sha256}, received [0-9a-f]{64}`));
      assert.equal(await downloads(), 1);
      assert.deepEqual(folder.list(), []);
    });

    it('truncate: fewer bytes announced is an integrity error naming both sizes', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      await fault({ fault: { type: 'truncate', bytes: 500 } });
      const error = await rejectsWith(h.client().save(link, sink(), expected), 'integrity');
      assert.match(error.message, new RegExp(`size: expected ${expected.size} bytes, the answer announced 500`));
      assert.deepEqual(folder.list(), []);
    });

    it('a size that getFile did not give is an integrity error too, whether the answer says it or not', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      await rejectsWith(h.client().save(link, sink(), { size: expected.size + 1 }), 'integrity');
      const server = await startRecordingServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/jpeg' });
        res.end('x'.repeat(20));
      });
      try {
        const other = `http://127.0.0.1:${server.port}/F1`;
        assert.match((await rejectsWith(h.client().save(other, sink(), { size: 10 }), 'integrity')).message, /expected 10 bytes, received more/);
        assert.match((await rejectsWith(h.client().save(other, sink(), { size: 30 }), 'integrity')).message, /expected 30 bytes, received 20/);
      } finally {
        await server.close();
      }
      assert.deepEqual(folder.list(), []);
    });
  });

  describe('transfers that stop', () => {
    it('cut: a network error at once, nothing on disk', async () => {
      const { link, ...expected } = await target(h, files.boatRide);
      await fault({ fault: { type: 'cut', afterBytes: 100_000 } });
      await rejectsWith(h.client(h.owner, { retry: { attempts: 1 }, timeoutMs: () => 30_000 }).save(link, sink(), expected), 'network');
      assert.deepEqual(folder.list(), []);
    });

    it('is retried like a read, into a fresh temporary file each attempt', async () => {
      const { link, ...expected } = await target(h, files.boatRide);
      await fault({ fault: { type: 'cut', afterBytes: 100_000 } });
      await fault({ fault: { type: 'status', status: 503 } });
      const inner = sink('video.mp4');
      let opens = 0;
      const counting = wrap(inner, { open: () => (opens++, inner.open()) });
      await h.client().save(link, counting, expected);
      assert.deepEqual(h.log.filter((entry) => entry.path.startsWith('/__files/')).map((entry) => [entry.outcome, entry.errorKind]), [['retry', 'network'], ['retry', 'server'], ['ok', undefined]]);
      assert.equal(opens, 2, 'the 503 opened nothing');
      assert.deepEqual(folder.list(), ['video.mp4']);
      assert.equal(sha256(readFileSync(path.join(folder.dir, 'video.mp4'))), expected.sha256);
    });

    it('cancel mid-way: cancelled at once, the temporary file gone', async () => {
      const { link, ...expected } = await target(h, files.longVideo);
      const controller = new AbortController();
      let seen: string[] = [];
      await rejectsWith(
        h.client().save(link, sink(), {
          ...expected,
          signal: controller.signal,
          onProgress: (received) => {
            if (received > 1_000_000) {
              seen = folder.list();
              controller.abort();
            }
          },
        }),
        'cancelled',
      );
      assert.equal(seen.length, 1, 'a temporary file was being written');
      assert.match(seen[0], /^\.file\.[0-9a-f]{12}\.koodrive-part$/);
      assert.deepEqual(folder.list(), []);
    });

    it('times out a stalled body, and deletes what it wrote', async () => {
      const server = await startRecordingServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': '1000' });
        res.write('x'.repeat(100));
      });
      try {
        const client = h.client(h.owner, { timeoutMs: () => 200, retry: { attempts: 1 } });
        const error = await rejectsWith(client.save(`http://127.0.0.1:${server.port}/F1`, sink(), { size: 1000 }), 'timeout');
        assert.match(error.message, /no data for 200 ms/);
      } finally {
        await server.close();
      }
      assert.deepEqual(folder.list(), []);
    });

    it('expired: notPermitted, nothing on disk', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      await fault({ fault: { type: 'expired' } });
      await rejectsWith(h.client().save(link, sink(), expected), 'notPermitted');
      assert.deepEqual(folder.list(), []);
    });

    it('expired: refreshed once through refreshLink, then saved; a second refusal is final', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      let refreshed = 0;
      const refreshLink = async (): Promise<string> => {
        refreshed++;
        return (await target(h, files.brokenBridge)).link;
      };
      await fault({ fault: { type: 'expired' } });
      await h.client().save(link, sink('a.jpg'), { ...expected, refreshLink });
      assert.equal(refreshed, 1);
      assert.deepEqual(folder.list(), ['a.jpg']);
      await fault({ times: 2, fault: { type: 'expired' } });
      await rejectsWith(h.client().save(link, sink('b.jpg'), { ...expected, refreshLink }), 'notPermitted');
      assert.equal(refreshed, 2);
      assert.deepEqual(folder.list(), ['a.jpg']);
    });
  });

  describe('the disk', () => {
    it('a full disk is a disk error with the system code and no path, not retried, the temporary file gone', async () => {
      const { link, ...expected } = await target(h, files.boatRide);
      const inner = sink();
      let writes = 0;
      const full = wrap(inner, {
        write: async (chunk) => {
          if (++writes === 3) {
            throw Object.assign(new Error(`ENOSPC: no space left on device, write '${folder.dir}/x'`), { code: 'ENOSPC' });
          }
          await inner.write(chunk);
        },
      });
      const error = await rejectsWith(h.client().save(link, full, expected), 'disk');
      assert.equal(error.systemCode, 'ENOSPC');
      assert.ok(!error.message.includes(folder.dir), error.message);
      assert.equal(await downloads(), 1);
      assert.deepEqual(folder.list(), []);
    });

    it('never replaces a file that appeared before the commit: EEXIST, the other file intact', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      const inner = sink('photo.jpg');
      const racing = wrap(inner, {
        commit: async () => {
          writeFileSync(path.join(folder.dir, 'photo.jpg'), 'theirs');
          await inner.commit();
        },
      });
      const error = await rejectsWith(h.client().save(link, racing, expected), 'disk');
      assert.equal(error.systemCode, 'EEXIST');
      assert.deepEqual(folder.list(), ['photo.jpg']);
      assert.equal(readFileSync(path.join(folder.dir, 'photo.jpg'), 'utf8'), 'theirs');
    });

    it('replaces a file when told to overwrite', async () => {
      const { link, ...expected } = await target(h, files.brokenBridge);
      writeFileSync(path.join(folder.dir, 'photo.jpg'), 'old');
      await h.client().save(link, sink('photo.jpg', true), expected);
      assert.deepEqual(folder.list(), ['photo.jpg']);
      assert.equal(sha256(readFileSync(path.join(folder.dir, 'photo.jpg'))), expected.sha256);
    });
  });
});

describe("api/save with downloads on another origin (downloads: 'separate')", () => {
  const h = useEmulator(undefined, 'separate');
  const folder = useFolder();

  it('fetches the pre-signed link bare: no credentials leave for that origin, and the file is saved', async () => {
    const { link, ...expected } = await target(h, files.boatRide);
    assert.ok(link.startsWith(`${h.emulator.downloadsUrl}/`));
    await h.client().save(link, fileSink(folder.dir, 'video.mp4', { overwrite: false }), expected);
    assert.equal(sha256(readFileSync(path.join(folder.dir, 'video.mp4'))), expected.sha256);
    const [request] = (await h.requests()).filter((entry) => entry.origin === 'downloads');
    assert.equal(request.status, 200);
    for (const name of ['authorization', 'x-user-id', 'x-date', 'x-traceid']) {
      assert.equal(request.headers[name], undefined, name);
    }
  });

  it('an expired pre-signed link is notPermitted, with nothing on disk', async () => {
    const { link, ...expected } = await target(h, files.boatRide);
    await h.emulator.control.setClockOffset(2 * 3_600_000);
    await rejectsWith(h.client().save(link, fileSink(folder.dir, 'video.mp4', { overwrite: false }), expected), 'notPermitted');
    assert.deepEqual(folder.list(), []);
  });
});
