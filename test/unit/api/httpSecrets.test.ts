import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type { KooDriveClient } from '../../../src/api/client';
import type { KooDriveError } from '../../../src/api/errors';
import { closedPort, personalManual, rejectsWith, useEmulator } from './helpers';

describe('api/http: the log hook and the token', () => {
  const h = useEmulator();

  describe('log hook and token handling', () => {
    it('logs one entry per attempt, without token, headers or bodies', async () => {
      await h.emulator.control.addFault({ pathPattern: '/album/list$', fault: { type: 'status', status: 503 } });
      await h.client().listAlbums(personalManual);
      const requests = await h.requests();
      assert.equal(h.log.length, 2);
      assert.deepEqual(h.log.map((entry) => [entry.attempt, entry.outcome, entry.status, entry.errorKind]), [[1, 'retry', 503, 'server'], [2, 'ok', 200, undefined]]);
      assert.deepEqual(h.log.map((entry) => entry.traceId), requests.map((request) => request.traceId));
      for (const entry of h.log) {
        assert.deepEqual(Object.keys(entry).sort(), ['attempt', 'code', 'errorKind', 'method', 'ms', 'outcome', 'path', 'status', 'traceId']);
        assert.equal(entry.path, '/koodrive/ose/v1/album/list');
        assert.ok(!JSON.stringify(entry).includes(h.owner.token));
      }
      assert.equal(h.log[1].code, '0');
    });

    it('asks for the token on every attempt and keeps it nowhere', async () => {
      let asked = 0;
      const client = h.client(h.owner, { getToken: () => { asked++; return Promise.resolve(h.owner.token); } });
      await h.emulator.control.addFault({ pathPattern: '/album/list$', fault: { type: 'status', status: 500 } });
      await client.listAlbums(personalManual);
      await client.listSharedFolders({ offset: 0, limit: 5 });
      assert.equal(asked, 3);
      assert.ok(!inspect(client, { depth: 20, showHidden: true }).includes(h.owner.token));
    });

    it('survives a log hook that throws', async () => {
      const client = h.client(h.owner, { onRequest: () => { throw new Error('log broke'); } });
      assert.equal((await client.listAlbums(personalManual)).albums.length > 0, true);
    });

    describe('a distinctive token never appears in an error', () => {
      const token = 'TOPSECRET-7f3a9c-TOKEN';
      const assertClean = (error: KooDriveError): void => {
        const views = [String(error), error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(Object.values(error))];
        for (const view of views) {
          assert.ok(!view.includes(token), `token leaked into: ${view}`);
          assert.ok(!view.includes('7f3a9c'), `part of the token leaked into: ${view}`);
        }
        assert.ok(!JSON.stringify(h.log).includes(token));
      };
      const withToken = (overrides = {}): KooDriveClient => h.client(h.owner, { getToken: () => Promise.resolve(token), ...overrides });

      it('when the server rejects it (401)', async () => {
        const error = await rejectsWith(withToken().listAlbums(personalManual), 'sessionExpired');
        assert.match(error.message, /^GET \/koodrive\/ose\/v1\/album\/list failed: HTTP 401, code 13000100: .+ \(trace id [0-9a-f]{58}\)$/);
        assertClean(error);
      });

      it('when the server echoes it in msg', async () => {
        await h.emulator.control.addFault({ fault: { type: 'status', status: 400, body: { code: 13000102, msg: `Bearer ${token} is malformed; token=${token}` } } });
        const error = await rejectsWith(withToken().listAlbums(personalManual), 'invalidInput');
        assert.match(error.serverMessage ?? '', /<redacted>/);
        assertClean(error);
      });

      it('when the server echoes it URL-encoded, form-encoded, twice encoded or with its case changed', async () => {
        const special = 'Ab/Cd+Ef=7f3a9c~x.Y';
        const echoes = [
          encodeURIComponent(special),
          encodeURIComponent(special).toLowerCase(),
          new URLSearchParams({ t: special }).toString().slice(2),
          encodeURIComponent(encodeURIComponent(special)),
          special.toUpperCase(),
          special.toLowerCase(),
          special.replace('+', ' '),
        ];
        await h.emulator.control.addFault({ fault: { type: 'status', status: 400, body: { code: 13000102, msg: `rejected: ${echoes.join(' | ')}` } } });
        const error = await rejectsWith(h.client(h.owner, { getToken: () => Promise.resolve(special) }).listAlbums(personalManual), 'invalidInput');
        assert.equal(error.serverMessage, `rejected: ${echoes.map(() => '<redacted>').join(' | ')}`);
        for (const view of [String(error), error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
          assert.ok(!/7f3a9c/i.test(view), `the token leaked into: ${view}`);
        }
      });

      it('when the server echoes it where msg is cut to 500 characters', async () => {
        // 483 + 1 characters, then the token: the cut at 500 keeps its first 16 characters.
        await h.emulator.control.addFault({ fault: { type: 'status', status: 400, body: { code: 13000102, msg: `${'x'.repeat(483)} ${token}` } } });
        const error = await rejectsWith(withToken().listAlbums(personalManual), 'invalidInput');
        assertClean(error);
      });

      it('when a gateway answers with a non-JSON error', async () => {
        await h.emulator.control.addFault({ times: 3, fault: { type: 'html', status: 502 } });
        assertClean(await rejectsWith(withToken().listAlbums(personalManual), 'server'));
      });

      it('when the connection is refused', async () => {
        const port = await closedPort();
        const error = await rejectsWith(withToken({ endpoint: () => `http://127.0.0.1:${port}`, retry: { attempts: 1 } }).listAlbums(personalManual), 'network');
        assert.match(error.message, /network error \(ECONNREFUSED\)/);
        assertClean(error);
      });

      it('when the request times out', async () => {
        await h.emulator.control.addFault({ fault: { type: 'delay', ms: 2_000 } });
        assertClean(await rejectsWith(withToken({ timeoutMs: () => 100, retry: { attempts: 1 } }).listAlbums(personalManual), 'timeout'));
      });

      it('when the token cannot go in a header', async () => {
        const error = await rejectsWith(h.client(h.owner, { getToken: () => Promise.resolve(`${token}\nX-Evil: 1`) }).listAlbums(personalManual), 'configuration');
        assertClean(error);
        assert.equal((await h.requests()).length, 0);
      });
    });
  });
});
