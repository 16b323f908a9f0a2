import * as assert from 'node:assert/strict';
import type { KooDriveClient } from '../../../src/api/client';
import { AlbumKind, AlbumType } from '../../../src/api/types';
import { matching, rejectsWith, SeedIds, useEmulator } from './helpers';

const albums = SeedIds.albums;

/** Every item id of an album, by cursor. */
async function itemIds(client: KooDriveClient, albumId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listAlbumContent(albumId, { pageSize: 100, pageCursor: cursor });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('api/albums over the emulator', () => {
  const h = useEmulator();

  describe('listAlbums', () => {
    it('lists personal manual albums with ids as strings and a total', async () => {
      const { albums: list, total } = await h.client().listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 100 });
      assert.equal(total, list.length);
      assert.ok(list.some((album) => album.name === 'Empty album' && album.id === albums.empty));
      assert.ok(list.every((album) => typeof album.id === 'string' && album.albumType === 2 && album.albumKind === 1));
      const [request] = await h.requests();
      assert.deepEqual(request.query, { albumKind: '1', albumType: '2', pageSize: '100' });
    });

    it('pages by pageNum and pageSize', async () => {
      const client = h.client();
      const first = await client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 2, pageNum: 1 });
      const second = await client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 2, pageNum: 2 });
      assert.equal(first.albums.length, 2);
      assert.notDeepEqual(first.albums.map((a) => a.id), second.albums.map((a) => a.id));
    });

    it('lists family albums of a group whose id is beyond 2^53', async () => {
      const { albums: list } = await h.client().listAlbums({ albumKind: AlbumKind.family, albumType: AlbumType.manual, groupId: SeedIds.groups.family });
      assert.deepEqual(list.map((album) => album.id).sort(), [albums.familyReunion, albums.familyGrandma].sort());
      assert.ok(list.every((album) => album.groupId === SeedIds.groups.family));
      assert.equal((await h.requests())[0].query.groupId, '1765148492881313793');
    });

    it('refuses locally what the reference forbids', async () => {
      const client = h.client();
      await rejectsWith(client.listAlbums({ albumKind: AlbumKind.family, albumType: AlbumType.manual }), 'invalidInput');
      await rejectsWith(client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 101 }), 'invalidInput');
      await rejectsWith(client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 0 }), 'invalidInput');
      await rejectsWith(client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageNum: 0 }), 'invalidInput');
      await rejectsWith(client.listAlbums({ albumKind: 3 as AlbumKind, albumType: AlbumType.manual }), 'invalidInput');
      assert.equal((await h.requests()).length, 0);
    });

    it('lists the collection albums, which have a scope instead of a name', async () => {
      const { albums: list } = await h.client().listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.collection });
      assert.deepEqual(list.map((album) => album.id).sort(), [albums.ownerCamera, albums.ownerScreenshots].sort());
      assert.ok(list.every((album) => album.albumType === 1 && Array.isArray(album.scopeDir)));
    });

    it('maps a family group the caller is not in to notPermitted', async () => {
      await rejectsWith(h.client(h.outsider).listAlbums({ albumKind: AlbumKind.family, albumType: AlbumType.manual, groupId: SeedIds.groups.family }), 'notPermitted');
    });
  });

  describe('listAlbumContent', () => {
    it('pages the 250-item album by cursor: 100 + 100 + 50, no duplicates', async () => {
      const client = h.client();
      const first = await client.listAlbumContent(albums.paging, { pageSize: 100 });
      assert.equal(first.items.length, 100);
      assert.equal(first.total, 250);
      assert.ok(first.nextCursor);
      const ids = await itemIds(client, albums.paging);
      assert.equal(ids.length, 250);
      assert.equal(new Set(ids).size, 250);
    });

    it('ends at once on the empty album', async () => {
      const page = await h.client().listAlbumContent(albums.empty);
      assert.deepEqual(page.items, []);
      assert.equal(page.nextCursor, undefined);
    });

    it('passes sort options and leaves out an empty cursor', async () => {
      await h.client().listAlbumContent(albums.cats, { pageSize: 5, pageCursor: '', sortType: 3, sortDirection: 1 });
      assert.deepEqual((await h.requests())[0].query, { pageSize: '5', sortType: '3', sortDirection: '1' });
    });

    it('reports an unknown album as notFound, and refuses a bad pageSize locally', async () => {
      await rejectsWith(h.client().listAlbumContent('1805929618625099999'), 'notFound');
      await rejectsWith(h.client().listAlbumContent(albums.cats, { pageSize: 500 }), 'invalidInput');
      await rejectsWith(h.client().listAlbumContent(''), 'invalidInput');
      assert.equal((await h.requests()).length, 1);
    });
  });

  describe('create, update, delete', () => {
    it('creates a manual album, renames it and deletes it', async () => {
      const client = h.client();
      const { id } = await client.createAlbum({ type: '2', albumKind: '1', name: 'Trip 旅行' });
      assert.ok(id);
      const find = async (): Promise<string | undefined> => (await client.listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 100 })).albums.find((album) => album.id === id)?.name;
      assert.equal(await find(), 'Trip 旅行');
      await client.updateAlbum(id, { name: 'Trip 2' });
      assert.equal(await find(), 'Trip 2');
      await client.deleteAlbum(id);
      assert.equal(await find(), undefined);
      const requests = await h.requests();
      assert.deepEqual(matching(requests, '/album/create')[0].body, { type: '2', albumKind: '1', name: 'Trip 旅行' });
      assert.equal(matching(requests, '/update')[0].path, `/koodrive/ose/v1/${id}/update`);
      assert.equal(requests.find((request) => request.method === 'DELETE')?.path, `/koodrive/ose/v1/album/${id}`);
    });

    it('creates a family album and a collection album', async () => {
      const client = h.client();
      const family = await client.createAlbum({ type: '2', albumKind: '2', name: 'Picnic', groupId: SeedIds.groups.family });
      const collection = await client.createAlbum({ type: '1', albumKind: '1', scopeDir: ['Fdir1'], scopeParentFolderId: 'Fparent', scopeKind: '1,2' });
      assert.ok(family.id && collection.id);
      const { albums: list } = await client.listAlbums({ albumKind: AlbumKind.family, albumType: AlbumType.manual, groupId: SeedIds.groups.family });
      assert.ok(list.some((album) => album.id === family.id));
    });

    it('refuses bad albums locally', async () => {
      const client = h.client();
      await rejectsWith(client.createAlbum({ type: '2', albumKind: '1' }), 'invalidInput');
      await rejectsWith(client.createAlbum({ type: '2', albumKind: '1', name: 'x'.repeat(21) }), 'invalidInput');
      await rejectsWith(client.createAlbum({ type: '2', albumKind: '2', name: 'No group' }), 'invalidInput');
      await rejectsWith(client.createAlbum({ type: '1', albumKind: '1' }), 'invalidInput');
      await rejectsWith(client.createAlbum({ type: '1', albumKind: '1', scopeDir: Array.from({ length: 31 }, (_, i) => `F${i}`), scopeParentFolderId: 'P', scopeKind: '1' }), 'invalidInput');
      await rejectsWith(client.updateAlbum(albums.cats, { name: '' }), 'invalidInput');
      await rejectsWith(client.updateAlbum(albums.cats, { scopeKind: 3 }), 'invalidInput');
      assert.equal((await h.requests()).length, 0);
    });

    it('lets only the creator delete an album', async () => {
      await rejectsWith(h.client(h.member).deleteAlbum(albums.cats), 'notPermitted');
      await rejectsWith(h.client().deleteAlbum('1805929618625099999'), 'notFound');
    });
  });

  describe('add and remove content', () => {
    it('removes items with one DELETE carrying a JSON body, and adds them back', async () => {
      const client = h.client();
      const before = await itemIds(client, albums.cats);
      const gone = before.slice(0, 3);
      await client.removeAlbumContent(albums.cats, gone);
      assert.deepEqual(await itemIds(client, albums.cats), before.slice(3));
      await client.addAlbumContent(albums.cats, gone.map((fileId) => ({ fileId, ownerId: h.owner.userId })));
      assert.deepEqual((await itemIds(client, albums.cats)).sort(), [...before].sort());
      const requests = await h.requests();
      const remove = requests.find((request) => request.method === 'DELETE');
      assert.equal(remove?.path, `/koodrive/ose/v1/${albums.cats}/batchDelete`);
      assert.equal(remove?.headers['content-type'], 'application/json');
      assert.deepEqual(remove?.body, { ids: gone });
      assert.deepEqual(matching(requests, '/add')[0].body, { fileIds: gone.map((fileId) => ({ fileId, ownerId: h.owner.userId })) });
    });

    it('refuses empty and oversized requests locally', async () => {
      const client = h.client();
      await rejectsWith(client.removeAlbumContent(albums.cats, []), 'invalidInput');
      await rejectsWith(client.removeAlbumContent(albums.cats, Array.from({ length: 1_001 }, (_, i) => `F${i}`)), 'invalidInput');
      await rejectsWith(client.removeAlbumContent(albums.cats, ['F1', '']), 'invalidInput');
      await rejectsWith(client.addAlbumContent(albums.cats, []), 'invalidInput');
      await rejectsWith(client.addAlbumContent(albums.cats, Array.from({ length: 101 }, (_, i) => ({ fileId: `F${i}` }))), 'invalidInput');
      await rejectsWith(client.addAlbumContent(albums.cats, [{ fileId: 'F'.repeat(65) }]), 'invalidInput');
      assert.equal((await h.requests()).length, 0);
    });

    it('accepts exactly 1000 ids in one request', async () => {
      await h.client().removeAlbumContent(albums.paging, Array.from({ length: 1_000 }, (_, i) => `Fmissing${i}`));
      const [request] = await h.requests();
      assert.equal((request.body as { ids: string[] }).ids.length, 1_000);
      assert.equal(request.status, 200);
    });

    it('reports the server refusing a collection album', async () => {
      await rejectsWith(h.client().removeAlbumContent(albums.ownerCamera, ['F1']), 'invalidInput');
    });
  });
});
