import * as assert from 'node:assert/strict';
import { ShareFolderQueryType } from '../../../src/api/types';
import { matching, rejectsWith, SeedIds, useEmulator } from './helpers';

const folders = SeedIds.folders;

describe('api/sharedFolders over the emulator', () => {
  const h = useEmulator();

  describe('listSharedFolders', () => {
    it('lists created and joined folders, with every id a string of exact digits', async () => {
      const client = h.client();
      const all = await client.listSharedFolders({ offset: 0, limit: 1000 });
      assert.deepEqual(all.map((folder) => folder.id), [folders.joined, folders.solo, folders.family]);
      const family = all.find((folder) => folder.id === folders.family);
      assert.equal(family?.ownerId, SeedIds.users.owner); // a bare Long beyond 2^53 on the wire
      assert.equal(family?.groupId, SeedIds.groups.family);
      assert.equal(family?.name, 'Family Photos 家庭相册');
      assert.ok(all.every((folder) => typeof folder.ownerId === 'string' && typeof folder.id === 'string'));
      const created = await client.listSharedFolders({ offset: 0, limit: 1000, queryType: ShareFolderQueryType.created });
      const joined = await client.listSharedFolders({ offset: 0, limit: 1000, queryType: ShareFolderQueryType.joined });
      assert.deepEqual(created.map((folder) => folder.id), [folders.solo, folders.family]);
      assert.deepEqual(joined.map((folder) => folder.id), [folders.joined]);
      assert.equal(joined[0].ownerId, SeedIds.users.member);
    });

    it('pages by offset and limit, and filters by keyword', async () => {
      const client = h.client();
      assert.deepEqual((await client.listSharedFolders({ offset: 1, limit: 1 })).map((folder) => folder.id), [folders.solo]);
      assert.deepEqual((await client.listSharedFolders({ offset: 0, limit: 10, keyWord: '家庭' })).map((folder) => folder.id), [folders.family]);
      const requests = await h.requests();
      assert.deepEqual(requests[0].query, { offset: '1', limit: '1' });
    });

    it('refuses bad paging locally', async () => {
      const client = h.client();
      await rejectsWith(client.listSharedFolders({ offset: -1, limit: 10 }), 'invalidInput');
      await rejectsWith(client.listSharedFolders({ offset: 0, limit: 0 }), 'invalidInput');
      await rejectsWith(client.listSharedFolders({ offset: 0, limit: 1_001 }), 'invalidInput');
      await rejectsWith(client.listSharedFolders({ offset: 0.5, limit: 10 }), 'invalidInput');
      await rejectsWith(client.listSharedFolders({ offset: 0, limit: 10, keyWord: 'k'.repeat(33) }), 'invalidInput');
      await rejectsWith(client.listSharedFolders({ offset: 0, limit: 10, queryType: 3 as ShareFolderQueryType }), 'invalidInput');
      assert.equal((await h.requests()).length, 0);
    });
  });

  describe('create, rename, metadata', () => {
    it('creates a folder whose groupId, beyond 2^53, keeps all its digits', async () => {
      const client = h.client();
      const { containerId } = await client.getSpace(h.owner.userId);
      const created = await client.createSharedFolder({ containerId, name: 'Holiday 假期' });
      assert.match(created.groupId ?? '', /^\d{19}$/);
      assert.ok(BigInt(created.groupId ?? '0') > BigInt(Number.MAX_SAFE_INTEGER));
      assert.equal(created.creator, h.owner.userId);
      const metadata = await client.getSharedFolder(created.id);
      assert.equal(metadata.groupId, created.groupId);
      assert.equal(metadata.name, 'Holiday 假期');
      const [request] = matching(await h.requests(), '/sharefolder/create');
      assert.deepEqual(request.body, { shareType: 0, containerId, name: 'Holiday 假期' });
    });

    it('renames a folder it owns, and not one it joined', async () => {
      const client = h.client();
      await client.renameSharedFolder(folders.solo, 'Drafts 2026');
      assert.equal((await client.getSharedFolder(folders.solo)).name, 'Drafts 2026');
      await rejectsWith(client.renameSharedFolder(folders.joined, 'Mine now'), 'notPermitted');
      assert.deepEqual(matching(await h.requests(), '/sharefolder/rename')[0].body, { id: folders.solo, fileName: 'Drafts 2026' });
    });

    it('refuses names §3.1 forbids, locally', async () => {
      const client = h.client();
      for (const name of ['', '..', 'a/b', 'x'.repeat(32), 'emoji 😀']) {
        await rejectsWith(client.createSharedFolder({ containerId: 'C1', name }), 'invalidInput');
        await rejectsWith(client.renameSharedFolder(folders.solo, name), 'invalidInput');
      }
      await rejectsWith(client.createSharedFolder({ containerId: '', name: 'ok' }), 'invalidInput');
      await rejectsWith(client.getSharedFolder('9'.repeat(101)), 'invalidInput');
      assert.equal((await h.requests()).length, 0);
    });

    it('reads metadata by primary key, and reports an unknown one', async () => {
      const folder = await h.client().getSharedFolder(folders.family);
      assert.equal(folder.id, folders.family);
      assert.equal(folder.maxMember, 10);
      await rejectsWith(h.client().getSharedFolder('1765148493107800000'), 'notFound');
      await rejectsWith(h.client(h.outsider).getSharedFolder(folders.family), 'notPermitted');
    });
  });

  describe('deleteSharedFolder (D9)', () => {
    it('lets a member fail with notPermitted and the owner succeed', async () => {
      const member = h.client(h.member);
      const owner = h.client();
      const refused = await rejectsWith(member.deleteSharedFolder(folders.family), 'notPermitted');
      assert.equal(refused.code, '13000410');
      assert.equal(refused.status, 400);
      assert.ok(refused.serverMessage);
      // The refusal changed nothing: the folder is still there, for both of them.
      assert.equal((await owner.getSharedFolder(folders.family)).groupId, SeedIds.groups.family);
      assert.ok((await member.listSharedFolders({ offset: 0, limit: 100 })).some((folder) => folder.id === folders.family));
      await owner.deleteSharedFolder(folders.family);
      assert.ok(!(await owner.listSharedFolders({ offset: 0, limit: 100 })).some((folder) => folder.id === folders.family));
      assert.ok(!(await member.listSharedFolders({ offset: 0, limit: 100 })).some((folder) => folder.id === folders.family));
      const deletes = matching(await h.requests(), '/sharefolder/delete');
      assert.deepEqual(deletes.map((request) => [request.method, request.status, request.headers['content-type']]), [['POST', 400, 'application/json'], ['POST', 200, 'application/json']]);
      assert.deepEqual(deletes[1].body, { id: folders.family });
    });

    it('reports an unknown folder, and refuses an empty id locally', async () => {
      await rejectsWith(h.client().deleteSharedFolder('1765148493107800000'), 'notFound');
      await rejectsWith(h.client().deleteSharedFolder(''), 'invalidInput');
      assert.equal((await h.requests()).length, 1);
    });

    it('is never retried', async () => {
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/delete$', fault: { type: 'status', status: 503 } });
      await rejectsWith(h.client().deleteSharedFolder(folders.solo), 'server');
      assert.equal((await h.requests()).length, 1);
    });

    it('is not retried after a dropped connection: one request, kind network', async () => {
      await h.emulator.control.addFault({ pathPattern: '/sharefolder/delete$', times: 3, fault: { type: 'drop' } });
      const error = await rejectsWith(h.client().deleteSharedFolder(folders.solo), 'network');
      assert.equal(error.status, undefined);
      const requests = await h.requests();
      assert.deepEqual(requests.map((request) => [request.method, request.path, request.status]), [['POST', '/koodrive/ose/v1/sharefolder/delete', 0]]);
      assert.equal(error.traceId, requests[0].traceId);
      assert.deepEqual(h.sleeps, []);
      await h.emulator.control.clearFaults();
      assert.equal((await h.client().getSharedFolder(folders.solo)).id, folders.solo);
    });
  });
});
