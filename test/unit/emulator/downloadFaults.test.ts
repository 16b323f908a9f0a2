import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import type { FileDetails, GetFileResponse } from '../../../src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, outcome, owner } from './helpers';

const { files } = SeedIds;
const CONTENT = '^/__files/content/';

/** What arrived of one download: status, headers, bytes, and whether the body ended cleanly. */
interface Received {
  status: number;
  contentLength: number;
  bytes: Buffer;
  clean: boolean;
}

describe('emulator: download faults (D22)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const details = async (fileId: string): Promise<FileDetails> => {
    const result = await call(emulator, `/files/${fileId}/detail`, { method: 'POST', body: { containerId: owner(emulator).containerId } });
    return (result.json as GetFileResponse).data as FileDetails;
  };

  /** Downloads with node:http, which tells a clean end from a cut connection and keeps the bytes of both. */
  const download = (fileId: string, headers: Record<string, string> = {}): Promise<Received> =>
    new Promise((resolve, reject) => {
      const request = get(`${emulator.url}/__files/content/${fileId}`, { headers: { Authorization: `Bearer ${owner(emulator).token}`, 'X-User-Id': owner(emulator).userId, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => undefined); // a cut: 'close' tells it
        res.once('close', () => resolve({ status: res.statusCode ?? 0, contentLength: Number(res.headers['content-length']), bytes: Buffer.concat(chunks), clean: res.complete }));
      });
      request.once('error', reject);
    });

  const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

  it('corrupt: the full, announced length with some bytes changed, so the size matches and the sha256 does not', async () => {
    for (const fileId of [files.brokenBridge, files.boatRide]) {
      const file = await details(fileId);
      await emulator.control.addFault({ method: 'GET', pathPattern: CONTENT, fault: { type: 'corrupt' } });
      const spoiled = await download(fileId);
      assert.deepEqual([spoiled.status, spoiled.contentLength, spoiled.bytes.length, spoiled.clean], [200, file.size, file.size, true]);
      assert.notEqual(sha256(spoiled.bytes), file.sha256);
      const intact = await download(fileId);
      assert.equal(sha256(intact.bytes), file.sha256, 'the next download is intact, and so are the shared picture bytes');
    }
  });

  it('cut: the full Content-Length, then N bytes, then the connection is destroyed', async () => {
    const file = await details(files.boatRide);
    await emulator.control.addFault({ pathPattern: CONTENT, fault: { type: 'cut', afterBytes: 100_000 } });
    const cut = await download(files.boatRide);
    assert.deepEqual([cut.status, cut.contentLength, cut.bytes.length, cut.clean], [200, file.size, 100_000, false]);
    const intact = await download(files.boatRide);
    assert.ok(cut.bytes.equals(intact.bytes.subarray(0, 100_000)), 'the bytes sent are the real ones');
  });

  it('cut after 0 bytes still sends the headers', async () => {
    await emulator.control.addFault({ pathPattern: CONTENT, fault: { type: 'cut', afterBytes: 0 } });
    const cut = await download(files.brokenBridge);
    assert.deepEqual([cut.status, cut.bytes.length, cut.clean], [200, 0, false]);
  });

  it('truncate: only the first N bytes, announced as N, ending cleanly', async () => {
    const file = await details(files.brokenBridge);
    await emulator.control.addFault({ pathPattern: CONTENT, fault: { type: 'truncate', bytes: 500 } });
    const short = await download(files.brokenBridge);
    assert.deepEqual([short.status, short.contentLength, short.bytes.length, short.clean], [200, 500, 500, true]);
    assert.ok(Number(file.size) > 500);
    assert.ok(short.bytes.equals((await download(files.brokenBridge)).bytes.subarray(0, 500)));
  });

  it('expired: HTTP 403, code 13000410, a msg saying the link has expired, in English or Chinese', async () => {
    await emulator.control.addFault({ pathPattern: CONTENT, times: 2, fault: { type: 'expired' } });
    const english = await download(files.brokenBridge);
    const chinese = await download(files.brokenBridge, { language: 'zh-CN' });
    for (const [answer, text] of [[english, /download link has expired/], [chinese, /下载链接已过期/]] as const) {
      const body = JSON.parse(answer.bytes.toString('utf8')) as { code: number; msg: string };
      assert.deepEqual([answer.status, body.code], [403, 13000410]);
      assert.match(body.msg, text);
    }
    assert.equal((await download(files.brokenBridge)).status, 200);
  });

  it('never match an API request, which leaves the rule for the next download', async () => {
    await emulator.control.addFault({ fault: { type: 'truncate', bytes: 10 } });
    assert.deepEqual(outcome(await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 } })), [200, 0]);
    assert.equal((await download(files.brokenBridge)).bytes.length, 10);
  });

  it('a refused download gets its refusal, and uses the rule up', async () => {
    await emulator.control.addFault({ pathPattern: CONTENT, fault: { type: 'corrupt' } });
    assert.equal((await download(files.brokenBridge, { Authorization: 'Bearer wrong' })).status, 401);
    const file = await details(files.brokenBridge);
    assert.equal(sha256((await download(files.brokenBridge)).bytes), file.sha256);
  });

  it('refuses malformed rules', async () => {
    for (const fault of [{ type: 'cut' }, { type: 'cut', afterBytes: -1 }, { type: 'truncate', bytes: 1.5 }, { type: 'truncate' }]) {
      await assert.rejects(emulator.control.addFault({ fault } as never), /HTTP 400/, JSON.stringify(fault));
    }
  });
});
