import * as assert from 'node:assert/strict';
import { personalManual, rejectsWith, SeedIds, startRecordingServer, useEmulator } from './helpers';

describe('api/http: redirects, timeouts and cancellation', () => {
  const h = useEmulator();

  describe('redirects (never followed: the token would travel with them)', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      it(`does not follow a ${status} to another port`, async () => {
        const target = await startRecordingServer((_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"code":0,"msg":"Success.","albumList":[],"total":0}');
        });
        const redirector = await startRecordingServer((_req, res) => {
          res.writeHead(status, { Location: `http://127.0.0.1:${target.port}/koodrive/ose/v1/album/list?albumKind=1&albumType=2` });
          res.end();
        });
        try {
          const client = h.client(h.owner, { endpoint: () => `http://127.0.0.1:${redirector.port}` });
          const error = await rejectsWith(client.listAlbums(personalManual), 'badResponse');
          await rejectsWith(client.removeAlbumContent(SeedIds.albums.cats, ['F1']), 'badResponse');
          assert.equal(error.status, status);
          assert.match(error.message, /redirect/);
          assert.deepEqual(redirector.hits.map((hit) => [hit.method, hit.authorization?.startsWith('Bearer ')]), [['GET', true], ['DELETE', true]]);
          assert.deepEqual(target.hits, []);
        } finally {
          await Promise.all([target.close(), redirector.close()]);
        }
      });
    }
  });

  describe('timeouts and cancellation', () => {
    it('times out a slow answer as kind timeout', async () => {
      await h.emulator.control.addFault({ fault: { type: 'delay', ms: 2_000 } });
      const error = await rejectsWith(h.client(h.owner, { timeoutMs: () => 150, retry: { attempts: 1 } }).listAlbums(personalManual), 'timeout');
      assert.match(error.message, /no answer within 150 ms/);
    });

    it('clamps a timeout beyond what timers accept instead of timing out at once', async () => {
      await h.emulator.control.addFault({ times: 2, fault: { type: 'delay', ms: 100 } });
      for (const timeoutMs of [2 ** 31, 2 ** 40]) {
        const { albums } = await h.client(h.owner, { timeoutMs: () => timeoutMs, retry: { attempts: 1 } }).listAlbums(personalManual);
        assert.ok(albums.length > 0, String(timeoutMs));
      }
      assert.deepEqual(h.log.map((entry) => entry.outcome), ['ok', 'ok']);
    });

    it('retries a timed-out read, but never a timed-out create', async () => {
      const client = h.client(h.owner, { timeoutMs: () => 150 });
      await h.emulator.control.addFault({ pathPattern: '/album/list$', fault: { type: 'delay', ms: 1_000 } });
      await client.listAlbums(personalManual);
      assert.deepEqual(h.log.map((entry) => entry.errorKind ?? entry.outcome), ['timeout', 'ok']);
      h.log.length = 0;
      await h.emulator.control.addFault({ pathPattern: '/album/create$', fault: { type: 'delay', ms: 1_000 } });
      await rejectsWith(client.createAlbum({ type: '2', albumKind: '1', name: 'Slow' }), 'timeout');
      assert.equal(h.log.length, 1);
    });

    it('does not send when the signal is already aborted', async () => {
      await rejectsWith(h.client().listAlbums(personalManual, { signal: AbortSignal.abort() }), 'cancelled');
      assert.equal((await h.requests()).length, 0);
    });

    it('cancels a request in flight, and does not retry it', async () => {
      await h.emulator.control.addFault({ fault: { type: 'delay', ms: 3_000 } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      // Without the cancel, the delayed answer would arrive and the call succeed.
      await rejectsWith(h.client().listAlbums(personalManual, { signal: controller.signal }), 'cancelled');
      assert.deepEqual(h.log.map((entry) => [entry.outcome, entry.errorKind]), [['error', 'cancelled']]);
    });

    it('cancels while waiting to retry', async () => {
      const controller = new AbortController();
      const client = h.client(h.owner, {
        sleep: () => {
          controller.abort();
          return Promise.reject(new Error('aborted'));
        },
      });
      await h.emulator.control.addFault({ fault: { type: 'status', status: 503 } });
      await rejectsWith(client.listAlbums(personalManual, { signal: controller.signal }), 'cancelled');
      assert.equal((await h.requests()).length, 1);
    });
  });

  describe('stopping: nothing more is sent, nothing on the wire is aborted', () => {
    /** A backoff sleep that lasts until its signal aborts (or 300 ms, so a missing signal shows as a resend). */
    const waitForAbort = (_ms: number, signal?: AbortSignal): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 300);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      });

    it('ends the wait for a retry and fails with the last error, without sending again', async () => {
      const stop = new AbortController();
      const client = h.client(h.owner, { sleep: waitForAbort, onRequest: (entry) => entry.outcome === 'retry' && stop.abort() });
      await h.emulator.control.addFault({ fault: { type: 'status', status: 429, headers: { 'Retry-After': '3' } } });
      const error = await rejectsWith(client.listAlbums(personalManual, { stop: stop.signal }), 'throttled');
      assert.equal(error.retryAfterMs, 3_000);
      assert.equal((await h.requests()).length, 1);
    });

    it('sends nothing when stopped before the first request', async () => {
      await rejectsWith(h.client().listAlbums(personalManual, { stop: AbortSignal.abort() }), 'cancelled');
      assert.equal((await h.requests()).length, 0);
    });

    it('lets a request already on the wire finish and returns its answer', async () => {
      const stop = new AbortController();
      const server = await startRecordingServer((_req, res) => {
        stop.abort(); // the request has arrived: stopping now must not lose its answer
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"code":0,"msg":"Success.","albumList":[{"id":"7"}]}');
      });
      try {
        const client = h.client(h.owner, { endpoint: () => `http://127.0.0.1:${server.port}` });
        assert.deepEqual((await client.listAlbums(personalManual, { stop: stop.signal })).albums, [{ id: '7' }]);
      } finally {
        await server.close();
      }
    });
  });
});
