import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { personalManual, rejectsWith, type RecordingServer, startRecordingServer, useEmulator } from './helpers';

const MB = 2 ** 20;

/** `megabytes` of JSON-looking filler, gzip'd as small as it goes (300 MB become about 300 KB). */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const filler = Buffer.alloc(MB, 0x20);
  gzip.write('{"code":0,"msg":"Success.","albumList":[');
  for (let i = 0; i < megabytes; i++) {
    if (!gzip.write(filler)) {
      await new Promise((resolve) => gzip.once('drain', resolve));
    }
  }
  gzip.end(']}');
  await done;
  return Buffer.concat(out);
}

/** Writes the headers and `partial`, then cuts the connection once that much is on the wire. */
function cutAfter(res: ServerResponse, headers: Record<string, string>, partial: string): void {
  res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  res.write(partial, () => res.socket?.destroy());
}

describe('api/http: answers that are too large or cut short', () => {
  const h = useEmulator();
  let server: RecordingServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const clientOf = (running: RecordingServer, timeoutMs = 10_000) =>
    h.client(h.owner, { endpoint: () => `http://127.0.0.1:${running.port}`, timeoutMs: () => timeoutMs, retry: { attempts: 1 } });

  describe('bounded answers (D16)', () => {
    // How little memory refusing it costs is a figure of the bench (npm run bench), not a test.
    it('refuses a gzip answer that inflates beyond 16 MB as unreadable', async () => {
      const bomb = await gzipBomb(300);
      server = await startRecordingServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
        res.end(bomb);
      });
      const error = await rejectsWith(clientOf(server).listAlbums(personalManual), 'badResponse');
      assert.match(error.message, /larger than 16 MB/);
      assert.equal(error.status, 200);
    });

    it('refuses a plain answer streamed beyond 16 MB without a length', async () => {
      server = await startRecordingServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const filler = Buffer.alloc(MB, 0x20);
        let sent = 0;
        const more = (): void => {
          while (sent < 20 && !res.destroyed) {
            sent++;
            if (!res.write(filler)) {
              res.once('drain', more);
              return;
            }
          }
          res.end();
        };
        res.write('{"code":0,"albumList":[');
        more();
      });
      const error = await rejectsWith(clientOf(server).listAlbums(personalManual), 'badResponse');
      assert.match(error.message, /larger than 16 MB/);
    });

    it('refuses at once an answer whose Content-Length is beyond 16 MB', async () => {
      server = await startRecordingServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(64 * MB) });
        res.write('{"code":0,"albumList":[');
      });
      const error = await rejectsWith(clientOf(server).listAlbums(personalManual), 'badResponse');
      assert.match(error.message, /larger than 16 MB/);
    });
  });

  describe('a connection cut mid-body', () => {
    it('fails at once as a network error, not a timeout, when the answer has a length', async () => {
      server = await startRecordingServer((_req, res) => cutAfter(res, { 'Content-Length': '1000' }, '{"code":0,"msg":"Success.","albumList":['));
      const error = await rejectsWith(clientOf(server).listAlbums(personalManual), 'network');
      assert.match(error.message, /network error/);
    });

    it('fails as a network error when a chunked answer stops before its last chunk', async () => {
      server = await startRecordingServer((_req, res) => cutAfter(res, {}, '{"code":0,"msg":"Success.","albumList":['));
      await rejectsWith(clientOf(server).listAlbums(personalManual), 'network');
    });

    it('fails as a network error when a gzip answer is cut', async () => {
      const bomb = await gzipBomb(2);
      server = await startRecordingServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
        res.write(bomb.subarray(0, bomb.length >> 1), () => res.socket?.destroy());
      });
      await rejectsWith(clientOf(server).listAlbums(personalManual), 'network');
    });

    it('retries a cut answer on a read, which then succeeds', async () => {
      let answers = 0;
      server = await startRecordingServer((_req, res) => {
        if (++answers === 1) {
          cutAfter(res, { 'Content-Length': '1000' }, '{"code":0,');
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"code":0,"msg":"Success.","albumList":[{"id":"1"}]}');
        }
      });
      const client = h.client(h.owner, { endpoint: () => `http://127.0.0.1:${server?.port ?? 0}`, timeoutMs: () => 10_000 });
      assert.deepEqual((await client.listAlbums(personalManual)).albums, [{ id: '1' }]);
      assert.deepEqual(h.log.map((entry) => [entry.outcome, entry.errorKind]), [['retry', 'network'], ['ok', undefined]]);
    });
  });
});
