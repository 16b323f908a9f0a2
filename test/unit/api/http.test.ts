import * as assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { MINUTE, parseXDate, personalManual, rejectsWith, SeedIds, startRecordingServer, useEmulator } from './helpers';

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

    it('reads each setting once per attempt, no more', async () => {
      const reads: Record<string, number> = {};
      const counted = <T>(name: string, value: () => T) => (): T => {
        reads[name] = (reads[name] ?? 0) + 1;
        return value();
      };
      const client = h.client(h.owner, {
        endpoint: counted('endpoint', () => h.emulator.url),
        userId: counted('userId', () => h.owner.userId),
        getToken: counted('getToken', () => Promise.resolve(h.owner.token)),
        language: counted('language', () => 'en-US'),
        timeoutMs: counted('timeoutMs', () => 5_000),
      });
      await h.emulator.control.addFault({ fault: { type: 'status', status: 503 } });
      await client.listAlbums(personalManual);
      assert.deepEqual(reads, { endpoint: 2, userId: 2, getToken: 2, language: 2, timeoutMs: 2 });
    });
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
});
