import * as assert from 'node:assert/strict';
import type { KooDriveClient } from '../../../src/api/client';
import { albumContentPage, albumContentPages, albumPage, albumPages, groupMemberPage, groupMemberPages, sharedFolderPage, sharedFolderPages } from '../../../src/api/paging';
import { AlbumKind, AlbumType, type AlbumContent, type AlbumItem } from '../../../src/api/types';
import { SeedIds, useEmulator } from './helpers';

const personalManual = { albumKind: AlbumKind.personal, albumType: AlbumType.manual } as const;

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) {
    out.push(page);
  }
  return out;
}

/** A client whose listAlbumContent / listAlbums answers from a script, for server misbehaviour. */
function scripted(parts: Partial<KooDriveClient>): KooDriveClient {
  return parts as KooDriveClient;
}

describe('api/paging (D11)', () => {
  describe('over the emulator', () => {
    const h = useEmulator();

    it('walks the 250-item album by cursor in 3 requests, each item exactly once', async () => {
      const pages = await collect(albumContentPages(h.client(), SeedIds.albums.paging, { pageSize: 100 }));
      assert.deepEqual(pages.map((page) => page.length), [100, 100, 50]);
      assert.equal(new Set(pages.flat().map((item) => item.id)).size, 250);
      const requests = await h.requests();
      assert.equal(requests.length, 3);
      assert.equal(requests[0].query.pageCursor, undefined);
      assert.ok(requests[1].query.pageCursor && requests[2].query.pageCursor && requests[1].query.pageCursor !== requests[2].query.pageCursor);
      assert.ok(requests.every((request) => request.query.pageSize === '100'));
    });

    it('yields nothing for the empty album, after one request', async () => {
      assert.deepEqual(await collect(albumContentPages(h.client(), SeedIds.albums.empty)), []);
      assert.equal((await h.requests()).length, 1);
    });

    it('loads one page at a time for a tree, resuming from a cursor', async () => {
      const client = h.client();
      const first = await albumContentPage(client, SeedIds.albums.paging, undefined, { pageSize: 100 });
      assert.equal(first.items.length, 100);
      assert.equal(first.total, 250);
      assert.ok(first.next);
      const rest = await collect(albumContentPages(client, SeedIds.albums.paging, { pageSize: 100, pageCursor: first.next }));
      assert.deepEqual(rest.map((page) => page.length), [100, 50]);
      const ids = new Set([...first.items, ...rest.flat()].map((item) => item.id));
      assert.equal(ids.size, 250);
    });

    it('pages albums by number until the total, each album exactly once', async () => {
      const client = h.client();
      const { albums: all, total } = await client.listAlbums({ ...personalManual, pageSize: 100 });
      assert.equal(all.length, total);
      await h.emulator.control.clearRequests();
      const pages = await collect(albumPages(client, { ...personalManual, pageSize: 2 }));
      assert.equal(pages.flat().length, total);
      assert.deepEqual(pages.flat().map((album) => album.id), all.map((album) => album.id));
      assert.deepEqual((await h.requests()).map((request) => request.query.pageNum), pages.map((_page, index) => String(index + 1)));
      assert.equal((await h.requests()).length, Math.ceil((total ?? 0) / 2));
      const page = await albumPage(client, { ...personalManual, pageSize: 2, pageNum: 2 });
      assert.equal(page.next, (total ?? 0) > 4 ? 3 : undefined);
    });

    it('pages shared folders by offset, ending on a short page', async () => {
      const client = h.client();
      const all = (await client.listSharedFolders({ offset: 0, limit: 1_000 })).map((folder) => folder.id);
      await h.emulator.control.clearRequests();
      const byTwo = await collect(sharedFolderPages(client, { limit: 2 }));
      assert.deepEqual(byTwo.map((page) => page.length), [2, 1]);
      assert.deepEqual(byTwo.flat().map((folder) => folder.id), all);
      assert.equal((await h.requests()).length, 2);
      await h.emulator.control.clearRequests();
      // No total in this list: a full last page costs one more (empty) request.
      assert.deepEqual((await collect(sharedFolderPages(client, { limit: 3 }))).map((page) => page.length), [3]);
      assert.deepEqual((await h.requests()).map((request) => request.query.offset), ['0', '3']);
      const page = await sharedFolderPage(client, { offset: 1, limit: 1 });
      assert.deepEqual([page.items.length, page.next], [1, 2]);
    });

    it('pages group members by offset, stopping at the total', async () => {
      const client = h.client();
      const pages = await collect(groupMemberPages(client, SeedIds.groups.family, { limit: 1 }));
      assert.deepEqual(pages.map((page) => page.map((member) => member.userId)), [[SeedIds.users.owner], [SeedIds.users.member], [SeedIds.users.relative]]);
      assert.equal((await h.requests()).length, 3);
      const last = await groupMemberPage(client, SeedIds.groups.family, { offset: 2, limit: 1 });
      assert.equal(last.next, undefined);
    });
  });

  describe('at scale', () => {
    const h = useEmulator({ sharedFolders: 1_000 });

    it('lists 1,003 shared folders in pages of at most 1000', async () => {
      const pages = await collect(sharedFolderPages(h.client(), { limit: 1_000 }));
      assert.deepEqual(pages.map((page) => page.length), [1_000, 3]);
      assert.equal(new Set(pages.flat().map((folder) => folder.id)).size, 1_003);
    });
  });

  describe('against a misbehaving server', () => {
    const item = (id: string): AlbumContent => ({ id });

    it('stops when a cursor comes back that was already used', async () => {
      const answers: Record<string, { items: AlbumContent[]; nextCursor?: string }> = {
        '': { items: [item('1')], nextCursor: 'A' },
        A: { items: [item('2')], nextCursor: 'B' },
        B: { items: [item('3')], nextCursor: 'A' },
      };
      let calls = 0;
      const client = scripted({
        listAlbumContent: (_albumId, query) => {
          calls++;
          return Promise.resolve(answers[query?.pageCursor ?? '']);
        },
      });
      const pages = await collect(albumContentPages(client, 'x'));
      assert.deepEqual(pages.flat().map((entry) => entry.id), ['1', '2', '3']);
      assert.equal(calls, 3);
    });

    it('stops when the server hands back the cursor it was given', async () => {
      const client = scripted({ listAlbumContent: () => Promise.resolve({ items: [item('1')], nextCursor: 'SAME' }) });
      assert.equal((await albumContentPage(client, 'x', 'SAME')).next, undefined);
      assert.equal((await collect(albumContentPages(client, 'x'))).length, 2);
    });

    it('stops when a server ignores pageNum and repeats a full page without a total', async () => {
      let calls = 0;
      const albums: AlbumItem[] = [{ id: 'a' }, { id: 'b' }];
      const client = scripted({
        listAlbums: () => {
          calls++;
          return Promise.resolve({ albums });
        },
      });
      assert.equal((await collect(albumPages(client, { ...personalManual, pageSize: 2 }))).length, 1);
      assert.equal(calls, 2);
    });

    it('stops on an empty page even if a cursor came with it', async () => {
      const client = scripted({ listAlbumContent: () => Promise.resolve({ items: [], nextCursor: 'more?' }) });
      assert.deepEqual(await collect(albumContentPages(client, 'x')), []);
    });
  });
});
