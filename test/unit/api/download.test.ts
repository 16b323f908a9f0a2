import * as assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import type { KooDriveClient } from '../../../src/api/client';
import type { ClientOptions } from '../../../src/api/options';
import { rejectsWith, type RecordingServer, startRecordingServer, useEmulator } from './helpers';

const MB = 2 ** 20;
const KOODRIVE_HEADERS = ['authorization', 'x-user-id', 'x-date', 'x-traceid'];
const TOKEN = 'DL-SECRET-4e5f6a-TOKEN';

/** Streams `total` bytes of `fill` in `chunk`-byte writes, respecting backpressure. */
function stream(res: ServerResponse, total: number, chunk = 64 * 1024, fill = 0x61): void {
  const block = Buffer.alloc(chunk, fill);
  let sent = 0;
  const more = (): void => {
    while (sent < total && !res.destroyed) {
      const size = Math.min(chunk, total - sent);
      sent += size;
      if (!res.write(size === chunk ? block : block.subarray(0, size))) {
        res.once('drain', more);
        return;
      }
    }
    res.end();
  };
  more();
}

describe('api/download (D15)', () => {
  const h = useEmulator();
  let origin: RecordingServer; // plays the configured endpoint
  let other: RecordingServer; // another origin: a storage service with pre-signed links
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  const serve = (req: IncomingMessage, res: ServerResponse): void => handler(req, res);

  before(async () => {
    origin = await startRecordingServer(serve);
    other = await startRecordingServer(serve);
  });
  after(async () => {
    await Promise.all([origin.close(), other.close()]);
  });
  beforeEach(() => {
    origin.hits.length = 0;
    other.hits.length = 0;
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': '5' });
      res.end('JPEG!');
    };
  });

  const on = (server: RecordingServer, path = '/__files/content/F1'): string => `http://127.0.0.1:${server.port}${path}`;
  const client = (overrides: Partial<ClientOptions> = {}): KooDriveClient =>
    h.client(h.owner, { endpoint: () => on(origin, ''), getToken: () => Promise.resolve(TOKEN), ...overrides });

  describe('headers per origin', () => {
    it('sends the KooDrive headers to the endpoint\'s own origin', async () => {
      const file = await client().download(on(origin), { usage: 'content' });
      assert.deepEqual(file, { bytes: Buffer.from('JPEG!'), contentType: 'image/jpeg' });
      const [hit] = origin.hits;
      assert.equal(hit.headers.authorization, `Bearer ${TOKEN}`);
      assert.equal(hit.headers['x-user-id'], h.owner.userId);
      assert.match(String(hit.headers['x-date']), /^\d{8}T\d{6}Z$/);
      assert.match(String(hit.headers['x-traceid']), /^[0-9a-f]{58}$/);
    });

    it('fetches a link on another origin bare, as a pre-signed URL, query kept', async () => {
      const link = on(other, '/bucket/F1.jpg?X-Signature=abc%2Fdef&Expires=1');
      const file = await client().download(link, { usage: 'thumbnail' });
      assert.equal(file.bytes.toString(), 'JPEG!');
      const [hit] = other.hits;
      assert.equal(hit.url, '/bucket/F1.jpg?X-Signature=abc%2Fdef&Expires=1');
      for (const name of KOODRIVE_HEADERS) {
        assert.equal(hit.headers[name], undefined, name);
      }
      assert.deepEqual(origin.hits, []);
    });

    it('treats another name for the same server as another origin', async () => {
      await client({ endpoint: () => `http://localhost:${origin.port}` }).download(on(origin), { usage: 'content' });
      assert.equal(origin.hits[0].headers.authorization, undefined);
    });
  });

  describe('links refused before anything is sent', () => {
    for (const [name, link] of [
      ['plain http beyond this computer', 'http://files.example.com/F1'],
      ['another scheme', 'ftp://127.0.0.1/F1'],
      ['no absolute URL', '/__files/content/F1'],
      ['credentials in the link', 'https://user:pw@files.example.com/F1'],
    ] as const) {
      it(`refuses ${name}`, async () => {
        const error = await rejectsWith(client().download(link, { usage: 'content' }), 'invalidInput');
        assert.match(error.message, /download link/);
        assert.equal(error.traceId, '');
        assert.deepEqual(h.log, []);
      });
    }

    it('refuses an http:// link to this computer when the endpoint is a remote https:// server', async () => {
      // A hostile server could otherwise make every hover probe local services.
      const remote = client({ endpoint: () => 'https://drive.example.com' });
      await rejectsWith(remote.download(on(origin), { usage: 'thumbnail' }), 'invalidInput');
      assert.deepEqual(origin.hits, []);
    });

    it('refuses an unknown usage', async () => {
      await rejectsWith(client().download(on(origin), { usage: 'original' as 'content' }), 'invalidInput');
      assert.deepEqual(origin.hits, []);
    });
  });

  it('never follows a redirect', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { Location: on(origin) });
      res.end();
    };
    const error = await rejectsWith(client().download(on(other), { usage: 'content' }), 'badResponse');
    assert.match(error.message, /redirect/);
    assert.equal(other.hits.length, 1);
    assert.deepEqual(origin.hits, []);
  });

  describe('size caps', () => {
    it('refuses a thumbnail over 2 MB from its Content-Length, without reading it', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(3 * MB) });
        res.write('JPEG');
      };
      let progress = 0;
      const error = await rejectsWith(client().download(on(other), { usage: 'thumbnail', onProgress: () => progress++ }), 'tooLarge');
      assert.match(error.message, /larger than 2 MB/);
      assert.equal(progress, 0);
      assert.equal(other.hits.length, 1, 'a file too large is not retried');
    });

    it('stops a stream without a length as soon as it passes the cap', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/jpeg' });
        stream(res, 3 * MB);
      };
      let most = 0;
      const error = await rejectsWith(client().download(on(other), { usage: 'thumbnail', onProgress: (received) => (most = Math.max(most, received)) }), 'tooLarge');
      assert.match(error.message, /larger than 2 MB/);
      assert.ok(most <= 2 * MB, `${most} bytes were accepted`);
    });

    it('allows content up to 50 MB and refuses more', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'video/mp4' });
        stream(res, 3 * MB);
      };
      assert.equal((await client().download(on(other), { usage: 'content' })).bytes.length, 3 * MB);
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'video/mp4' });
        stream(res, 51 * MB, 1 * MB);
      };
      const error = await rejectsWith(client().download(on(other), { usage: 'content' }), 'tooLarge');
      assert.match(error.message, /the file is larger than 50 MB/);
    });
  });

  describe('transfer', () => {
    it('reports progress as bytes arrive, with the announced total', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(3 * 1024) });
        stream(res, 3 * 1024, 1024);
      };
      const calls: [number, number | undefined][] = [];
      const file = await client().download(on(other), { usage: 'content', onProgress: (received, total) => calls.push([received, total]) });
      assert.equal(file.bytes.length, 3 * 1024);
      assert.ok(calls.length >= 1);
      assert.deepEqual(calls.at(-1), [3 * 1024, 3 * 1024]);
      assert.ok(calls.every(([received], i) => i === 0 || received > calls[i - 1][0]));
    });

    it('fails a connection cut mid-body as a network error', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': '1000' });
        res.write('PNG', () => res.socket?.destroy());
      };
      await rejectsWith(client({ retry: { attempts: 1 }, timeoutMs: () => 10_000 }).download(on(other), { usage: 'content' }), 'network');
    });

    it('waits through slow but steady chunks: the timeout is for each gap, not the whole file', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        let left = 6;
        const tick = (): void => {
          res.write('x');
          if (--left === 0) {
            res.end();
          } else {
            setTimeout(tick, 100);
          }
        };
        tick();
      };
      const file = await client({ timeoutMs: () => 300, retry: { attempts: 1 } }).download(on(other), { usage: 'content' });
      assert.equal(file.bytes.toString(), 'xxxxxx');
    });

    it('times out a stalled body', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.write('x');
      };
      await rejectsWith(client({ timeoutMs: () => 150, retry: { attempts: 1 } }).download(on(other), { usage: 'content' }), 'timeout');
    });

    it('is cancelled by its signal, before sending or mid-body', async () => {
      await rejectsWith(client().download(on(other), { usage: 'content', signal: AbortSignal.abort() }), 'cancelled');
      assert.deepEqual(other.hits, []);
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.write('first');
      };
      const controller = new AbortController();
      await rejectsWith(client().download(on(other), { usage: 'content', signal: controller.signal, onProgress: () => controller.abort() }), 'cancelled');
      assert.equal(other.hits.length, 1);
    });

    it('retries like a read', async () => {
      let answers = 0;
      handler = (_req, res) => {
        res.writeHead(++answers === 1 ? 503 : 200, { 'Content-Type': 'image/png' });
        res.end('PNG');
      };
      assert.equal((await client().download(on(other), { usage: 'content' })).bytes.toString(), 'PNG');
      assert.deepEqual(h.log.map((entry) => [entry.outcome, entry.status]), [['retry', 503], ['ok', 200]]);
    });
  });

  describe('errors', () => {
    const answering = (status: number) => (_req: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 13000100, msg: `token ${TOKEN} refused`, sig: 'SIG-9d8c7b' }));
    };

    it('gives typed errors: 401 on the endpoint is a lost session, 403 and 404 are what they say', async () => {
      handler = answering(401);
      await rejectsWith(client().download(on(origin), { usage: 'content' }), 'sessionExpired');
      handler = answering(403);
      await rejectsWith(client().download(on(other), { usage: 'content' }), 'notPermitted');
      handler = answering(404);
      await rejectsWith(client().download(on(other), { usage: 'content' }), 'notFound');
    });

    it('never shows the token, nor the link\'s signature, in errors or the log', async () => {
      handler = answering(403);
      const link = on(other, '/bucket/F1.jpg?X-Signature=SIG-9d8c7b&Expires=1');
      const error = await rejectsWith(client().download(link, { usage: 'content' }), 'notPermitted');
      for (const view of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(h.log)]) {
        assert.ok(!view.includes('SIG-9d8c7b'), `the signature leaked into: ${view}`);
        assert.ok(!view.includes('4e5f6a'), `the token leaked into: ${view}`);
      }
      assert.deepEqual(h.log.map((entry) => [entry.method, entry.path, entry.status]), [['GET', '/bucket/F1.jpg', 403]]);
      handler = answering(401);
      const expired = await rejectsWith(client().download(on(origin, '/f?sig=SIG-9d8c7b'), { usage: 'content' }), 'sessionExpired');
      assert.ok(!`${expired.message}${expired.stack ?? ''}`.includes('4e5f6a'));
    });
  });
});
