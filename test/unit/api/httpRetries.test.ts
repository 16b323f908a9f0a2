import * as assert from 'node:assert/strict';
import { MINUTE, personalManual, rejectsWith, SeedIds, useEmulator } from './helpers';

describe('api/http: retries and unreadable answers', () => {
  const h = useEmulator();

  describe('retries', () => {
    it('honours Retry-After seconds on 429, then succeeds', async () => {
      await h.emulator.control.addFault({ pathPattern: '/album/list$', fault: { type: 'status', status: 429, headers: { 'Retry-After': '1' } } });
      const { albums } = await h.client().listAlbums(personalManual);
      assert.ok(albums.length > 0);
      assert.deepEqual(h.sleeps, [1_000]);
      assert.deepEqual((await h.requests()).map((request) => request.status), [429, 200]);
    });

    it('honours a Retry-After HTTP date, measured on the server clock', async () => {
      await h.emulator.control.setClockOffset(-30 * MINUTE);
      const at = new Date(Date.now() - 30 * MINUTE + 4_000).toUTCString();
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/list$', fault: { type: 'status', status: 429, headers: { 'Retry-After': at } } });
      const client = h.client();
      await client.listAlbums(personalManual); // learns the skew (one date retry)
      await client.listSharedFolders({ offset: 0, limit: 10 });
      assert.equal(h.sleeps.length, 1);
      assert.ok(h.sleeps[0] >= 2_000 && h.sleeps[0] <= 5_000, String(h.sleeps[0]));
    });

    it('caps a long Retry-After', async () => {
      await h.emulator.control.addFault({ fault: { type: 'status', status: 503, headers: { 'Retry-After': '3600' } } });
      await h.client().listAlbums(personalManual);
      assert.deepEqual(h.sleeps, [8_000]);
    });

    it('retries a 503 once, then succeeds with the data', async () => {
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/list$', fault: { type: 'status', status: 503, body: { code: 13000201, msg: 'Service busy' } } });
      const folders = await h.client().listSharedFolders({ offset: 0, limit: 100 });
      assert.ok(folders.some((folder) => folder.id === SeedIds.folders.family));
      assert.deepEqual((await h.requests()).map((request) => request.status), [503, 200]);
      assert.equal(h.sleeps.length, 1);
      assert.ok(h.sleeps[0] >= 0 && h.sleeps[0] <= 250, String(h.sleeps[0]));
    });

    it('never retries a 401, even on a read and with a Retry-After', async () => {
      await h.emulator.control.addFault({ times: 3, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'Authorization carries an invalid or expired access token.' }, headers: { 'Retry-After': '1' } } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'sessionExpired');
      assert.equal(error.status, 401);
      assert.equal((await h.requests()).length, 1);
      assert.deepEqual(h.sleeps, []);
      assert.deepEqual(h.log.map((entry) => entry.outcome), ['error']);
    });

    it('backs off with jitter on 5xx, then succeeds', async () => {
      await h.emulator.control.addFault({ times: 2, fault: { type: 'status', status: 502, body: { code: 13000201, msg: 'busy' } } });
      await h.client().listAlbums(personalManual);
      assert.deepEqual(h.sleeps, [125, 250]);
      assert.deepEqual((await h.requests()).map((request) => request.status), [502, 502, 200]);
    });

    it('gives up after the configured attempts with the last error', async () => {
      await h.emulator.control.addFault({ times: 10, fault: { type: 'status', status: 500, body: { code: 13000201, msg: 'Internal error' } } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'server');
      const requests = await h.requests();
      assert.equal(requests.length, 3);
      assert.equal(error.status, 500);
      assert.equal(error.code, '13000201');
      assert.equal(error.traceId, requests[2].traceId);
      assert.deepEqual(h.log.map((entry) => entry.outcome), ['retry', 'retry', 'error']);
      await h.emulator.control.clearRequests();
      await rejectsWith(h.client(h.owner, { retry: { attempts: 1 } }).listAlbums(personalManual), 'server');
      assert.equal((await h.requests()).length, 1);
    });

    it('retries a dropped connection on a read', async () => {
      await h.emulator.control.addFault({ pathPattern: '/album/list$', fault: { type: 'drop' } });
      await h.client().listAlbums(personalManual);
      assert.deepEqual((await h.requests()).map((request) => request.status), [0, 200]);
      assert.equal(h.log[0].errorKind, 'network');
    });

    it('retries the idempotent album-content removal', async () => {
      await h.emulator.control.addFault({ method: 'DELETE', fault: { type: 'status', status: 503 } });
      await h.client().removeAlbumContent(SeedIds.albums.westLake, ['nope']);
      assert.deepEqual((await h.requests()).map((request) => request.status), [503, 200]);
    });

    it('never retries a create after a failure the server may have acted on', async () => {
      const client = h.client();
      const { containerId } = await client.getSpace(h.owner.userId);
      await h.emulator.control.clearRequests();
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/create$', fault: { type: 'drop' } });
      await rejectsWith(client.createSharedFolder({ containerId, name: 'Dropped' }), 'network');
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/create$', fault: { type: 'status', status: 503 } });
      await rejectsWith(client.createSharedFolder({ containerId, name: 'Busy' }), 'server');
      await h.emulator.control.addFault({ pathPattern: '/album/create$', fault: { type: 'status', status: 400, body: { code: 13000201, msg: 'Internal invoke failure.' } } });
      await rejectsWith(client.createAlbum({ type: '2', albumKind: '1', name: 'Failed' }), 'server');
      assert.equal((await h.requests()).length, 3);
      assert.deepEqual(h.sleeps, []);
    });

    it('retries a 429 on a create after Retry-After, since a throttled request was not carried out', async () => {
      await h.emulator.control.addFault({ pathPattern: '/album/create$', fault: { type: 'status', status: 429, headers: { 'Retry-After': '1' } } });
      const created = await h.client().createAlbum({ type: '2', albumKind: '1', name: 'Throttled' });
      assert.ok(created.id);
      assert.deepEqual(h.sleeps, [1_000]);
      assert.deepEqual((await h.requests()).map((request) => request.status), [429, 200]);
      const { albums } = await h.client().listAlbums({ ...personalManual, pageSize: 100 });
      assert.equal(albums.filter((album) => album.name === 'Throttled').length, 1);
    });

    it('treats HTTP 400 with code 13000201 as a server error, and retries it on a read', async () => {
      await h.emulator.control.addFault({ pathPattern: '/album/list$', fault: { type: 'status', status: 400, body: { code: 13000201, msg: 'Internal invoke failure.' } } });
      const { albums } = await h.client().listAlbums(personalManual);
      assert.ok(albums.length > 0);
      assert.deepEqual((await h.requests()).map((request) => request.status), [400, 200]);
      assert.deepEqual(h.log.map((entry) => [entry.outcome, entry.errorKind]), [['retry', 'server'], ['ok', undefined]]);
    });
  });

  describe('unreadable answers', () => {
    it('treats a 200 whose code is not 0 as an error (D6), whatever msg says', async () => {
      await h.emulator.control.addFault({ fault: { type: 'status', status: 200, body: { code: 13000102, msg: 'success', albumList: [{ id: '1' }] } } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'invalidInput');
      assert.equal(error.status, 200);
      assert.equal(error.code, '13000102');
      assert.equal(error.serverMessage, 'success');
      assert.equal((await h.requests()).length, 1);
      await h.emulator.control.addFault({ fault: { type: 'status', status: 200, body: { code: '13000309', msg: 'Album not found.' } } });
      await rejectsWith(h.client().listAlbumContent(SeedIds.albums.cats), 'notFound');
    });

    it('retries an unreadable 200 once on a read, then reports badResponse if it persists', async () => {
      await h.emulator.control.addFault({ fault: { type: 'malformedJson' } });
      assert.ok((await h.client().listAlbums(personalManual)).albums.length > 0);
      assert.deepEqual(h.log.map((entry) => [entry.outcome, entry.errorKind]), [['retry', 'badResponse'], ['ok', undefined]]);
      await h.emulator.control.clearRequests();
      await h.emulator.control.addFault({ times: 5, fault: { type: 'malformedJson' } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'badResponse');
      assert.match(error.message, /HTTP 200: the answer was not JSON/);
      assert.equal((await h.requests()).length, 2);
    });

    it('retries the removal once after an unreadable 200 or a timeout, so its outcome is known', async () => {
      await h.emulator.control.addFault({ method: 'DELETE', fault: { type: 'malformedJson' } });
      await h.client().removeAlbumContent(SeedIds.albums.westLake, ['nope']);
      await h.emulator.control.addFault({ method: 'DELETE', fault: { type: 'delay', ms: 1_000 } });
      await h.client(h.owner, { timeoutMs: () => 150 }).removeAlbumContent(SeedIds.albums.westLake, ['nope']);
      assert.deepEqual(h.log.map((entry) => [entry.outcome, entry.errorKind]), [['retry', 'badResponse'], ['ok', undefined], ['retry', 'timeout'], ['ok', undefined]]);
    });

    it('never retries an unreadable 200 on a create: the server did what was asked', async () => {
      await h.emulator.control.addFault({ pathPattern: '/album/create$', fault: { type: 'malformedJson' } });
      await rejectsWith(h.client().createAlbum({ type: '2', albumKind: '1', name: 'Unreadable' }), 'badResponse');
      assert.equal((await h.requests()).length, 1);
    });

    it('retries an HTML 502 page from a gateway, then succeeds', async () => {
      await h.emulator.control.addFault({ fault: { type: 'html', status: 502 } });
      await h.client().listAlbums(personalManual);
      assert.deepEqual((await h.requests()).map((request) => request.status), [502, 200]);
    });

    it('reports HTML error pages that persist by their status', async () => {
      await h.emulator.control.addFault({ times: 3, fault: { type: 'html', status: 502 } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'server');
      assert.equal(error.status, 502);
      assert.deepEqual((await h.requests()).map((request) => request.status), [502, 502, 502]);
      assert.equal(h.sleeps.length, 2);
      await h.emulator.control.addFault({ fault: { type: 'html', status: 404 } });
      await rejectsWith(h.client().listAlbums(personalManual), 'badResponse');
    });

    it('reports a success whose payload has the wrong shape', async () => {
      await h.emulator.control.addFault({ times: 2, fault: { type: 'status', status: 200, body: { code: 0, msg: 'ok', albumList: 'none' } } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'badResponse');
      assert.match(error.message, /"albumList" is not a list/);
    });

    it('never follows a redirect', async () => {
      await h.emulator.control.addFault({ fault: { type: 'status', status: 302, headers: { Location: `${h.emulator.url}/koodrive/ose/v1/sharefolder/list?offset=0&limit=1` } } });
      await rejectsWith(h.client().listAlbums(personalManual), 'badResponse');
      assert.equal((await h.requests()).length, 1);
    });
  });
});
