import * as assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matching, MINUTE, parseXDate, personalManual, rejectsWith, startRecordingServer, useEmulator } from './helpers';

/** True when the request's X-Date lies within the real clock's last 15 minutes. */
function freshStamp(req: IncomingMessage): boolean {
  const header = String(req.headers['x-date']);
  if (!/^\d{8}T\d{6}Z$/.test(header)) {
    return false;
  }
  const stamp = parseXDate(header);
  return stamp <= Date.now() && stamp >= Date.now() - 15 * MINUTE;
}

/** Answers an album list when the stamp is fresh, else 401 as the emulator would; `Date` as given. */
function answer(req: IncomingMessage, res: ServerResponse, date: string): void {
  const fresh = freshStamp(req);
  res.writeHead(fresh ? 200 : 401, { 'Content-Type': 'application/json', Date: date });
  res.end(JSON.stringify(fresh ? { code: 0, msg: 'Success.', albumList: [] } : { code: 13000100, msg: 'X-Date is outside the window.' }));
}

describe('api/http: the server clock', () => {
  const h = useEmulator();

  describe('clock skew (D2)', () => {
    /** X-Date of `request` lies in [emulator now - 15 min, emulator now]. */
    const inWindow = (request: { headers: Record<string, string>; at: string }): boolean => {
      const stamp = parseXDate(request.headers['x-date']);
      const arrival = Date.parse(request.at); // on the emulator's (offset) clock
      return stamp <= arrival && stamp >= arrival - 15 * MINUTE;
    };

    it('succeeds at once when the server clock is 10 minutes ahead', async () => {
      await h.emulator.control.setClockOffset(10 * MINUTE);
      const { albums } = await h.client().listAlbums(personalManual);
      assert.ok(albums.length > 0);
      const requests = await h.requests();
      assert.deepEqual(requests.map((request) => request.status), [200]);
      assert.ok(inWindow(requests[0]));
    });

    it('stamps inside the emulator\'s window once the skew is learned, both ways', async () => {
      for (const offset of [10 * MINUTE, -20 * MINUTE, 20 * MINUTE]) {
        await h.emulator.control.reset();
        await h.emulator.control.setClockOffset(offset);
        const client = h.client();
        await client.listAlbums(personalManual);
        await client.listSharedFolders({ offset: 0, limit: 10 });
        await client.getSpace(h.owner.userId);
        const requests = await h.requests();
        assert.ok(requests.length <= 4, `${offset}: ${requests.length} requests`);
        assert.deepEqual(requests.slice(-3).map((request) => request.status), [200, 200, 200], String(offset));
        assert.ok(requests.slice(-3).every(inWindow), String(offset));
        assert.ok(requests.filter((request) => request.status !== 200).every((request) => !inWindow(request)), String(offset));
      }
    });

    it('retries once, and only once, when the server clock is 20 minutes behind', async () => {
      await h.emulator.control.setClockOffset(-20 * MINUTE);
      const client = h.client();
      await client.listAlbums(personalManual);
      await client.listSharedFolders({ offset: 0, limit: 10 });
      const requests = await h.requests();
      assert.deepEqual(requests.map((request) => [request.status, request.code]), [[401, 13000100], [200, 0], [200, 0]]);
      assert.deepEqual(h.log.map((entry) => entry.outcome), ['retry', 'ok', 'ok']);
      assert.deepEqual(h.sleeps, []);
      assert.notEqual(requests[0].traceId, requests[1].traceId);
    });

    it('retries once when the server clock is 20 minutes ahead (stamp too old)', async () => {
      await h.emulator.control.setClockOffset(20 * MINUTE);
      await h.client().listAlbums(personalManual);
      assert.deepEqual((await h.requests()).map((request) => request.status), [401, 200]);
    });

    it('retries a create too, since the rejected request was never carried out', async () => {
      await h.emulator.control.setClockOffset(-20 * MINUTE);
      const client = h.client();
      const space = await client.getSpace(h.owner.userId);
      const created = await client.createSharedFolder({ containerId: space.containerId, name: 'Skewed' });
      const creates = matching(await h.requests(), '/sharefolder/create');
      assert.deepEqual(creates.map((request) => request.status), [200]);
      assert.ok((await client.listSharedFolders({ offset: 0, limit: 100, queryType: 1 })).some((folder) => folder.id === created.id));
    });

    it('does not retry a 401 that the Date header does not blame on the stamp', async () => {
      const client = h.client(h.owner, { getToken: () => Promise.resolve('wrong-token') });
      await rejectsWith(client.listAlbums(personalManual), 'sessionExpired');
      assert.equal((await h.requests()).length, 1);
    });

    it('stops after one date retry even if the server keeps blaming the date', async () => {
      await h.emulator.control.addFault({ times: 5, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'X-Date is in the future.' }, headers: { Date: new Date(Date.now() - 60 * MINUTE).toUTCString() } } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'sessionExpired');
      assert.equal((await h.requests()).length, 2);
      assert.equal(error.traceId, h.log[1].traceId);
    });

    it('does not count the date retry among the backoff attempts', async () => {
      await h.emulator.control.addFault({ fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'X-Date is in the future.' }, headers: { Date: new Date(Date.now() - 60 * MINUTE).toUTCString() } } });
      await h.emulator.control.addFault({ times: 2, fault: { type: 'status', status: 503 } });
      await h.client().listAlbums(personalManual);
      assert.deepEqual((await h.requests()).map((request) => request.status), [401, 503, 503, 200]);
      assert.deepEqual(h.sleeps, [125, 250]);
      assert.deepEqual(h.log.map((entry) => entry.attempt), [1, 2, 3, 4]);
    });

    it('also re-learns after a 400 whose Date shows the stamp was stale', async () => {
      const future = new Date(Date.now() + 60 * MINUTE).toUTCString();
      await h.emulator.control.addFault({ fault: { type: 'status', status: 400, body: { code: 13000102, msg: 'X-Date expired' }, headers: { Date: future } } });
      await h.emulator.control.setClockOffset(60 * MINUTE);
      await h.client().listAlbums(personalManual);
      assert.deepEqual((await h.requests()).map((request) => request.status), [400, 200]);
    });
  });

  describe('a poisoned clock heals (D17)', () => {
    /** Makes `calls` calls to a server whose answers carry the Date `dateFor(n)`; returns how many it received. */
    async function requestsSent(calls: number, dateFor: (answer: number) => string): Promise<number> {
      let answers = 0;
      const server = await startRecordingServer((req, res) => answer(req, res, dateFor(++answers)));
      try {
        const client = h.client(h.owner, { endpoint: () => `http://127.0.0.1:${server.port}` });
        for (let call = 0; call < calls; call++) {
          await client.listAlbums(personalManual);
        }
        return server.hits.length;
      } finally {
        await server.close();
      }
    }

    it('keeps sending after an answer dated in the year 275760, and the next sane Date repairs the clock', async () => {
      assert.equal(await requestsSent(3, (n) => (n === 1 ? 'Sat, 13 Sep 275760 00:00:00 GMT' : new Date().toUTCString())), 3);
    });

    it('is not fooled by a Date header that is not an HTTP date, even on every answer', async () => {
      assert.equal(await requestsSent(3, () => '1'), 3);
    });

    it('ignores a Date more than 24 hours away from the local clock', async () => {
      assert.equal(await requestsSent(2, () => new Date(Date.now() - 25 * 60 * MINUTE).toUTCString()), 2);
    });
  });
});
