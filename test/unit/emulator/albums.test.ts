import * as assert from 'node:assert/strict';
import type { AlbumItem, CreateAlbumResponse, ListAlbumsResponse } from '../../../src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, outsider, type Query } from './helpers';

const ids = SeedIds;

describe('emulator: albums (ListAlbums, CreateAlbum, UpdateAlbum, DeleteAlbum)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const list = async (query: Query, user = emulator.users[0]) => {
    const result = await call(emulator, '/album/list', { query, user });
    return { ...result, body: result.json as ListAlbumsResponse };
  };

  describe('ListAlbums', () => {
    it("lists the owner's personal manual albums with names and covers", async () => {
      const { body } = await list({ albumKind: 1, albumType: 2 });
      assert.equal(body.total, 4);
      assert.deepEqual(body.albumList?.map((album) => album.name), ['West Lake 西湖 2025', 'Cat photos', 'Paging 250 翻页', 'Empty album']);
      assert.ok(body.albumList?.[0].coverImg);
      assert.equal(body.albumList?.[3].coverImg, undefined, 'an empty album has no cover');
    });

    it('lists collection albums without name but with scopeDir', async () => {
      const { body } = await list({ albumKind: 1, albumType: 1 });
      assert.equal(body.total, 2);
      for (const album of body.albumList ?? []) {
        assert.equal(album.name, undefined);
        assert.ok(Array.isArray(album.scopeDir) && album.scopeDir.length > 0);
        assert.equal(album.albumType, 1);
      }
    });

    it('lists family albums to every member of the group, and refuses outsiders', async () => {
      const query = { albumKind: 2, albumType: 2, groupId: ids.groups.family };
      const forOwner = (await list(query)).body.albumList?.map((album: AlbumItem) => album.id);
      const forMember = (await list(query, member(emulator))).body.albumList?.map((album: AlbumItem) => album.id);
      assert.deepEqual(forOwner, [ids.albums.familyReunion, ids.albums.familyGrandma]);
      assert.deepEqual(forMember, forOwner);
      assert.deepEqual(outcome(await list(query, outsider(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await list({ albumKind: 2, albumType: 1, groupId: ids.groups.family })), [200, 0]);
    });

    it('requires groupId for family albums, and knows unknown groups', async () => {
      assert.deepEqual(outcome(await list({ albumKind: 2, albumType: 2 })), [400, 13000102]);
      assert.deepEqual(outcome(await list({ albumKind: 2, albumType: 2, groupId: '42' })), [400, 13000309]);
    });

    it('enforces albumKind, albumType, pageSize and pageNum', async () => {
      for (const query of [
        { albumType: 2 },
        { albumKind: 1 },
        { albumKind: 3, albumType: 2 },
        { albumKind: 1, albumType: 'manual' },
        { albumKind: 1, albumType: 2, pageSize: 0 },
        { albumKind: 1, albumType: 2, pageSize: 101 },
        { albumKind: 1, albumType: 2, pageSize: 'ten' },
        { albumKind: 1, albumType: 2, pageNum: 0 },
        { albumKind: 1, albumType: 2, pageNum: -1 },
      ]) {
        assert.deepEqual(outcome(await list(query)), [400, 13000102], JSON.stringify(query));
      }
      assert.deepEqual(outcome(await list({ albumKind: 1, albumType: 2, pageSize: 100 })), [200, 0]);
    });

    it('pages by pageNum and pageSize', async () => {
      const second = (await list({ albumKind: 1, albumType: 2, pageSize: 3, pageNum: 2 })).body;
      assert.equal(second.total, 4);
      assert.deepEqual(second.albumList?.map((album) => album.id), [ids.albums.empty]);
      assert.deepEqual((await list({ albumKind: 1, albumType: 2, pageSize: 3, pageNum: 3 })).body.albumList, []);
    });
  });

  describe('CreateAlbum / UpdateAlbum / DeleteAlbum', () => {
    const create = (body: unknown, user = emulator.users[0]) => call(emulator, '/album/create', { method: 'POST', body, user });

    it('creates a manual album that then appears in the list', async () => {
      const result = await create({ name: 'Autumn 秋天', type: '2', albumKind: '1' });
      assert.deepEqual(outcome(result), [200, 0]);
      assert.equal(result.json.msg, 'Success.');
      assert.match((result.json as CreateAlbumResponse).id ?? '', /^\d{19}$/);
      const names = (await list({ albumKind: 1, albumType: 2 })).body.albumList?.map((album) => album.name);
      assert.ok(names?.includes('Autumn 秋天'));
    });

    it('creates collection and family albums with their mandatory fields', async () => {
      const collection = { type: '1', albumKind: '1', scopeDir: ['Fdir1'], scopeParentFolderId: 'Froot', scopeKind: '1,2' };
      assert.deepEqual(outcome(await create(collection)), [200, 0]);
      assert.deepEqual(outcome(await create({ name: 'Family trip', type: '2', albumKind: '2', groupId: ids.groups.family }, member(emulator))), [200, 0]);
      assert.deepEqual(outcome(await create({ name: 'Intruder', type: '2', albumKind: '2', groupId: ids.groups.family }, outsider(emulator))), [400, 13000410]);
    });

    it('rejects bad bodies', async () => {
      for (const body of [
        { type: '2', albumKind: '1' },
        { name: '', type: '2', albumKind: '1' },
        { name: 'x'.repeat(21), type: '2', albumKind: '1' },
        { name: 'Numbers', type: 2, albumKind: '1' },
        { name: 'Kind', type: '2', albumKind: '3' },
        { name: 'Family', type: '2', albumKind: '2' },
        { type: '1', albumKind: '1' },
        { type: '1', albumKind: '1', scopeDir: Array.from({ length: 31 }, (_, i) => `Fd${i}`), scopeParentFolderId: 'F', scopeKind: '1' },
        { name: 'Scoped', type: '2', albumKind: '1', scopeDir: ['Fdir'] },
      ]) {
        assert.deepEqual(outcome(await create(body)), [400, 13000102], JSON.stringify(body));
      }
    });

    it('renames a manual album (POST /{albumId}/update), only by its creator', async () => {
      const path = `/${ids.albums.cats}/update`;
      assert.deepEqual(outcome(await call(emulator, path, { method: 'POST', body: { name: 'Cats 猫' } })), [200, 0]);
      const names = (await list({ albumKind: 1, albumType: 2 })).body.albumList?.map((album) => album.name);
      assert.ok(names?.includes('Cats 猫'));
      assert.deepEqual(outcome(await call(emulator, path, { method: 'POST', body: { name: 'Mine' }, user: member(emulator) })), [400, 13000410]);
      assert.deepEqual(outcome(await call(emulator, path, { method: 'POST', body: { name: 'x'.repeat(21) } })), [400, 13000102]);
      assert.deepEqual(outcome(await call(emulator, '/1/update', { method: 'POST', body: { name: 'Ghost' } })), [400, 13000309]);
      assert.deepEqual(outcome(await call(emulator, `/${ids.albums.ownerCamera}/update`, { method: 'POST', body: { name: 'No' } })), [400, 13000102]);
      assert.deepEqual(outcome(await call(emulator, `/${ids.albums.ownerCamera}/update`, { method: 'POST', body: { scopeKind: 2, scopeDirList: ['Fa'] } })), [200, 0]);
    });

    it('takes album names of 1-20 characters, counted as characters, and never blank', async () => {
      assert.deepEqual(outcome(await create({ name: '西'.repeat(20), type: '2', albumKind: '1' })), [200, 0]);
      for (const name of ['西'.repeat(21), '   ', '']) {
        assert.deepEqual(outcome(await create({ name, type: '2', albumKind: '1' })), [400, 13000102], JSON.stringify(name));
      }
      const update = (name: string) => call(emulator, `/${ids.albums.cats}/update`, { method: 'POST', body: { name } });
      for (const name of ['', '  ', 'x'.repeat(21)]) {
        assert.deepEqual(outcome(await update(name)), [400, 13000102], JSON.stringify(name));
      }
      assert.deepEqual(outcome(await update('猫'.repeat(20))), [200, 0]);
      const names = (await list({ albumKind: 1, albumType: 2 })).body.albumList?.map((album) => album.name);
      assert.ok(names?.includes('猫'.repeat(20)));
    });

    it('deletes an album only for its creator; a second delete is 13000309', async () => {
      const path = `/album/${ids.albums.familyGrandma}`;
      assert.deepEqual(outcome(await call(emulator, path, { method: 'DELETE' })), [400, 13000410]);
      assert.deepEqual(outcome(await call(emulator, path, { method: 'DELETE', user: member(emulator) })), [200, 0]);
      assert.deepEqual(outcome(await call(emulator, path, { method: 'DELETE', user: member(emulator) })), [400, 13000309]);
      const family = (await list({ albumKind: 2, albumType: 2, groupId: ids.groups.family })).body;
      assert.deepEqual(family.albumList?.map((album) => album.id), [ids.albums.familyReunion]);
    });
  });
});
