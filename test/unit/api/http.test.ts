import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import type { KooDriveClient } from '../../../src/api/client';
import type { KooDriveError } from '../../../src/api/errors';
import { AlbumKind, AlbumType } from '../../../src/api/types';
import { networkInterfaces } from 'node:os';
import { matching, rejectsWith, SeedIds, startRecordingServer, useEmulator } from './helpers';

const MINUTE = 60_000;
const personalManual = { albumKind: AlbumKind.personal, albumType: AlbumType.manual } as const;

/** `yyyyMMddTHHmmssZ` back to ms. */
function parseXDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(m, `bad X-Date ${value}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('api/http over the emulator', () => {
  const h = useEmulator();

  describe('headers', () => {
    it('sends every required header in the documented format', async () => {
      const client = h.client();
      await client.listAlbums(personalManual);
      await client.removeAlbumContent(SeedIds.albums.westLake, ['not-in-album-1', 'not-in-album-2']);
      await client.createSharedFolder({ containerId: (await client.getSpace(h.owner.userId)).containerId, name: 'Header check' });
      const requests = await h.requests();
      assert.equal(requests.length, 4);
      for (const request of requests) {
        assert.equal(request.status, 200, `${request.method} ${request.path}`);
        assert.equal(request.headers.authorization, 'Bearer <redacted>');
        assert.equal(request.headers['x-user-id'], h.owner.userId);
        assert.match(request.headers['x-traceid'], /^[0-9a-f]{58}$/);
        assert.equal(request.headers.language, 'en-US');
        assert.equal(request.headers.accept, 'application/json');
        const stamp = parseXDate(request.headers['x-date']);
        const arrival = Date.parse(request.at);
        assert.ok(stamp <= arrival && stamp >= arrival - 15 * MINUTE, `X-Date ${request.headers['x-date']} vs ${request.at}`);
      }
      assert.equal(new Set(requests.map((request) => request.headers['x-traceid'])).size, 4);
      const [list, remove, space, create] = requests;
      assert.equal(list.headers['content-type'], undefined);
      assert.equal(list.body, undefined);
      assert.equal(space.headers['content-type'], undefined);
      assert.equal(remove.method, 'DELETE');
      assert.equal(remove.headers['content-type'], 'application/json');
      assert.deepEqual(remove.body, { ids: ['not-in-album-1', 'not-in-album-2'] });
      assert.equal(create.headers['content-type'], 'application/json');
      assert.deepEqual(space.query, { type: '1' });
    });

    it('sends them on every endpoint of the client, a body only with Content-Type, and never a GET body', async () => {
      const owner = h.client();
      const member = h.client(h.member);
      const [item] = (await owner.listAlbumContent(SeedIds.albums.cats, { pageSize: 1 })).items;
      await owner.listAlbums(personalManual);
      const album = await owner.createAlbum({ type: '2', albumKind: '1', name: 'Tour' });
      assert.ok(album.id);
      await owner.updateAlbum(album.id, { name: 'Tour 2' });
      await owner.addAlbumContent(album.id, [{ fileId: item.id, ownerId: h.owner.userId }]);
      await owner.removeAlbumContent(album.id, [item.id]);
      await owner.deleteAlbum(album.id);
      const { containerId } = await owner.getSpace(h.owner.userId);
      const folder = await owner.createSharedFolder({ containerId, name: 'Tour folder' });
      assert.ok(folder.groupId);
      await owner.renameSharedFolder(folder.id, 'Tour folder 2');
      await owner.getSharedFolder(folder.id);
      await owner.listSharedFolders({ offset: 0, limit: 10 });
      const inviteId = await owner.inviteMember(folder.groupId, '0027829876543');
      await member.listPendingInvites();
      await member.getInvite(inviteId);
      await member.confirmInvite(folder.groupId, inviteId, true);
      await owner.listInvitees(folder.groupId);
      await owner.listGroupMembers(folder.groupId, { offset: 0, limit: 10 });
      await owner.removeMember({ ownerId: h.owner.userId, groupId: folder.groupId, deleteUserId: h.member.userId });
      await owner.deleteSharedFolder(folder.id);
      await owner.getUser(h.member.userId);
      await owner.getUserInfo({ userId: h.outsider.userId });

      const requests = await h.requests();
      assert.equal(requests.length, 22);
      // One request per endpoint (the first ListAlbumContent only found an item to add).
      const routes = new Set(requests.slice(1).map((request) => `${request.method} ${request.path.replace(/\d{6,}/g, '{id}')}`));
      assert.equal(routes.size, 21, [...routes].join('\n'));
      const memberPaths = new Set([`/koodrive/ose/v1/usergroupsInvite/inviteConfrimList`, `/koodrive/ose/v1/usergroupsInvite/detail/${inviteId}`, `/koodrive/ose/v1/usergroupsInvite/inviteConfirm/${folder.groupId}`]);
      for (const request of requests) {
        const what = `${request.method} ${request.path}`;
        assert.equal(request.status, 200, what);
        assert.equal(request.headers.authorization, 'Bearer <redacted>', what);
        assert.equal(request.headers['x-user-id'], memberPaths.has(request.path) ? h.member.userId : h.owner.userId, what);
        assert.equal(request.headers.language, 'en-US', what);
        assert.equal(request.headers['x-traceid']?.length, 58, what);
        assert.equal(request.headers['x-traceid'], request.traceId, what);
        assert.match(request.headers['x-date'], /^\d{8}T\d{6}Z$/, what);
        const stamp = parseXDate(request.headers['x-date']);
        const arrival = Date.parse(request.at); // on the emulator's clock
        assert.ok(stamp <= arrival && stamp >= arrival - 15 * MINUTE, `${what}: X-Date ${request.headers['x-date']} vs ${request.at}`);
        if (request.method === 'GET') {
          assert.equal(request.body, undefined, what);
          assert.ok(!request.headers['content-length'] || request.headers['content-length'] === '0', what);
          assert.equal(request.headers['transfer-encoding'], undefined, what);
        }
        assert.equal(request.headers['content-type'], request.body === undefined ? undefined : 'application/json', what);
      }
      assert.equal(new Set(requests.map((request) => request.headers['x-traceid'])).size, requests.length);
      const batchDelete = requests.find((request) => request.method === 'DELETE' && request.path.endsWith('/batchDelete'));
      assert.equal(batchDelete?.headers['content-type'], 'application/json');
      assert.deepEqual(batchDelete?.body, { ids: [item.id] });
      assert.ok(requests.some((request) => request.method === 'GET'));
    });

    it('never sends what the reference forbids: no Bearer+, no wrong-length trace id', async () => {
      const client = h.client();
      await Promise.all(Array.from({ length: 20 }, () => client.listAlbums(personalManual)));
      for (const request of await h.requests()) {
        assert.doesNotMatch(request.headers.authorization, /\+/);
        assert.equal(request.headers['x-traceid'].length, 58);
      }
    });

    it('leaves out an empty language, and passes another one through', async () => {
      await h.client(h.owner, { language: () => '' }).listAlbums(personalManual);
      const zh = await rejectsWith(h.client(h.owner, { language: () => 'zh-CN' }).getSharedFolder('1'), 'notFound');
      const [plain, chinese] = await h.requests();
      assert.equal(plain.headers.language, undefined);
      assert.equal(chinese.headers.language, 'zh-CN');
      assert.match(zh.serverMessage ?? '', /[\u4e00-\u9fff]/);
    });

    it('answers notFound for ids that, unencoded, would reach a real album or folder', async () => {
      const client = h.client();
      const { cats } = SeedIds.albums;
      const { family } = SeedIds.folders;
      // Unencoded, each of these would address the seeded album or folder (or another route).
      await rejectsWith(client.listAlbumContent(`${cats}?pageSize=1`), 'notFound');
      await rejectsWith(client.listAlbumContent(`${cats}/list#`), 'notFound');
      await rejectsWith(client.getSharedFolder(`${family}?x=1`), 'notFound');
      await rejectsWith(client.deleteAlbum(`${cats}#`), 'notFound');
      await rejectsWith(client.updateAlbum(`album/${cats}`, { name: 'Hijacked' }), 'notFound');
      const requests = await h.requests();
      assert.deepEqual(requests.map((request) => request.path), [
        `/koodrive/ose/v1/album/${cats}%3FpageSize%3D1/list`,
        `/koodrive/ose/v1/album/${cats}%2Flist%23/list`,
        `/koodrive/ose/v1/sharefolder/metadata/${family}%3Fx%3D1`,
        `/koodrive/ose/v1/album/${cats}%23`,
        `/koodrive/ose/v1/album%2F${cats}/update`,
      ]);
      assert.ok(requests.every((request) => Object.keys(request.query).length === 0));
      const { albums } = await client.listAlbums({ ...personalManual, pageSize: 100 });
      assert.equal(albums.find((album) => album.id === cats)?.name, 'Cat photos');
    });

    it('encodes query values and keeps the endpoint path prefix', async () => {
      await h.client(h.owner, { endpoint: () => `${h.emulator.url}/` }).listSharedFolders({ offset: 0, limit: 10, keyWord: 'a&b=c 家' });
      const [request] = await h.requests();
      assert.equal(request.path, '/koodrive/ose/v1/sharefolder/list');
      assert.deepEqual(request.query, { offset: '0', limit: '10', keyWord: 'a&b=c 家' });
    });

    it('keeps an id with "/", "?" or "#" inside its own path segment', async () => {
      const client = h.client();
      await rejectsWith(client.getSharedFolder('a/b?c=1#d'), 'notFound');
      await rejectsWith(client.removeAlbumContent('x/../y', ['1']), 'notFound');
      await rejectsWith(client.listAlbumContent('..'), 'invalidInput');
      const requests = await h.requests();
      assert.deepEqual(requests.map((request) => request.path), ['/koodrive/ose/v1/sharefolder/metadata/a%2Fb%3Fc%3D1%23d', '/koodrive/ose/v1/x%2F..%2Fy/batchDelete']);
      assert.deepEqual(requests[0].query, {});
    });
  });

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

  describe('configuration', () => {
    it('refuses to send without a user id, a token or a valid endpoint', async () => {
      const cases: [string, Partial<Parameters<typeof h.client>[1]>, RegExp][] = [
        ['no user id', { userId: () => undefined }, /no KooDrive user id/],
        ['blank user id', { userId: () => '  ' }, /no KooDrive user id/],
        ['no token', { getToken: () => Promise.resolve(undefined) }, /not signed in/],
        ['empty token', { getToken: () => Promise.resolve('') }, /not signed in/],
        ['plain http to a remote host', { endpoint: () => 'http://koodrive.example.com' }, /https/],
        ['garbage endpoint', { endpoint: () => 'not a url' }, /not an absolute URL/],
      ];
      for (const [name, overrides, message] of cases) {
        const error = await rejectsWith(h.client(h.owner, overrides).listAlbums(personalManual), 'configuration');
        assert.match(error.message, message, name);
        assert.match(error.message, /^GET \/koodrive\/ose\/v1\/album\/list was not sent: /, name);
        assert.equal(error.traceId, '', name);
      }
      assert.equal((await h.requests()).length, 0);
      assert.equal(h.log.length, 0);
    });

    it('lets what the option callbacks throw propagate unchanged', async () => {
      const settingsError = new Error('Set koodrive.endpoint first');
      await assert.rejects(h.client(h.owner, { endpoint: () => { throw settingsError; } }).listAlbums(personalManual), (error) => error === settingsError);
      const storeError = new Error('keychain locked');
      await assert.rejects(h.client(h.owner, { getToken: () => Promise.reject(storeError) }).listAlbums(personalManual), (error) => error === storeError);
      assert.equal((await h.requests()).length, 0);
    });

    it('reads the endpoint on every request', async () => {
      let endpoint = h.emulator.url;
      const client = h.client(h.owner, { endpoint: () => endpoint });
      await client.listAlbums(personalManual);
      endpoint = 'https://user:pw@koodrive.example.com';
      await rejectsWith(client.listAlbums(personalManual), 'configuration');
      assert.equal((await h.requests()).length, 1);
    });
  });

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
      await h.emulator.control.addFault({ times: 5, fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'X-Date is in the future.' }, headers: { Date: 'Mon, 01 Jan 2001 00:00:00 GMT' } } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'sessionExpired');
      assert.equal((await h.requests()).length, 2);
      assert.equal(error.traceId, h.log[1].traceId);
    });

    it('does not count the date retry among the backoff attempts', async () => {
      await h.emulator.control.addFault({ fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'X-Date is in the future.' }, headers: { Date: 'Mon, 01 Jan 2001 00:00:00 GMT' } } });
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

    it('never retries a create, whatever the failure', async () => {
      const client = h.client();
      const { containerId } = await client.getSpace(h.owner.userId);
      await h.emulator.control.clearRequests();
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/create$', fault: { type: 'drop' } });
      await rejectsWith(client.createSharedFolder({ containerId, name: 'Dropped' }), 'network');
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/create$', fault: { type: 'status', status: 503 } });
      await rejectsWith(client.createSharedFolder({ containerId, name: 'Busy' }), 'server');
      await h.emulator.control.addFault({ pathPattern: '/album/create$', fault: { type: 'status', status: 429, headers: { 'Retry-After': '1' } } });
      await rejectsWith(client.createAlbum({ type: '2', albumKind: '1', name: 'Throttled' }), 'throttled');
      assert.equal((await h.requests()).length, 3);
      assert.deepEqual(h.sleeps, []);
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

    it('reports malformed JSON on a 200 as badResponse, without retrying', async () => {
      await h.emulator.control.addFault({ fault: { type: 'malformedJson' } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'badResponse');
      assert.match(error.message, /HTTP 200: the answer was not JSON/);
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
      await h.emulator.control.addFault({ fault: { type: 'status', status: 200, body: { code: 0, msg: 'ok', albumList: 'none' } } });
      const error = await rejectsWith(h.client().listAlbums(personalManual), 'badResponse');
      assert.match(error.message, /"albumList" is not a list/);
    });

    it('never follows a redirect', async () => {
      await h.emulator.control.addFault({ fault: { type: 'status', status: 302, headers: { Location: `${h.emulator.url}/koodrive/ose/v1/sharefolder/list?offset=0&limit=1` } } });
      await rejectsWith(h.client().listAlbums(personalManual), 'badResponse');
      assert.equal((await h.requests()).length, 1);
    });
  });

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

  describe('plain http beyond this computer (D13)', () => {
    it('refuses a non-loopback http endpoint before anything is sent', async () => {
      const server = await startRecordingServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"code":0,"msg":"Success.","albumList":[]}');
      }, '0.0.0.0');
      try {
        const port = new URL(h.emulator.url).port;
        const external = Object.values(networkInterfaces()).flat().find((address) => address && !address.internal && address.family === 'IPv4')?.address;
        // 0.0.0.0 reaches this machine's loopback services, but it is not a loopback address.
        const endpoints = [`http://0.0.0.0:${port}`, `http://0.0.0.0:${server.port}`, 'http://example.com', 'http://koodrive.example.com:80'];
        if (external) {
          endpoints.push(`http://${external}:${server.port}`);
        }
        for (const endpoint of endpoints) {
          const error = await rejectsWith(h.client(h.owner, { endpoint: () => endpoint }).listAlbums(personalManual), 'configuration');
          assert.match(error.message, /https/, endpoint);
          assert.equal(error.traceId, '', endpoint);
        }
        assert.deepEqual(server.hits, []);
        assert.deepEqual(await h.requests(), []);
        assert.deepEqual(h.log, []);
        // The same server over loopback is reached, so the refusals above are the client's doing.
        await h.client(h.owner, { endpoint: () => `http://127.0.0.1:${server.port}` }).listAlbums(personalManual);
        assert.equal(server.hits.length, 1);
      } finally {
        await server.close();
      }
    });
  });

  describe('timeouts and cancellation', () => {
    it('times out a slow answer as kind timeout', async () => {
      await h.emulator.control.addFault({ fault: { type: 'delay', ms: 2_000 } });
      const started = Date.now();
      const error = await rejectsWith(h.client(h.owner, { timeoutMs: () => 150, retry: { attempts: 1 } }).listAlbums(personalManual), 'timeout');
      assert.ok(Date.now() - started < 1_500);
      assert.match(error.message, /no answer within 150 ms/);
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
      const started = Date.now();
      await rejectsWith(h.client().listAlbums(personalManual, { signal: controller.signal }), 'cancelled');
      assert.ok(Date.now() - started < 1_000);
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
});
