import * as assert from 'node:assert/strict';
import type { KooDriveClient } from '../../../src/api/client';
import { isKooDriveError, type KooDriveError } from '../../../src/api/errors';
import { albumContentPage, albumContentPages, albumPage, albumPages, DEFAULT_MAX_PAGES, groupMemberPage, groupMemberPages, sharedFolderPage, sharedFolderPages } from '../../../src/api/paging';
import { AlbumKind, AlbumType, type AlbumContent, type AlbumItem } from '../../../src/api/types';
import { rejectsWith, SeedIds, useEmulator } from './helpers';

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

    it('stops between pages when the caller cancels', async () => {
      const controller = new AbortController();
      const seen: AlbumContent[][] = [];
      await rejectsWith(
        (async () => {
          for await (const page of albumContentPages(h.client(), SeedIds.albums.paging, { pageSize: 10 }, { signal: controller.signal })) {
            seen.push(page);
            if (seen.length === 2) {
              controller.abort();
            }
          }
        })(),
        'cancelled',
      );
      assert.equal(seen.length, 2);
      assert.equal((await h.requests()).length, 2);
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
    /** Fails the test instead of hanging it when an iterator follows a runaway server. */
    const RUNAWAY = 10_000;

    /** The pages an iterator yields before it throws, and what it throws. */
    async function untilError<T>(pages: AsyncIterable<T[]>): Promise<{ pages: T[][]; error: KooDriveError }> {
      const out: T[][] = [];
      try {
        for await (const page of pages) {
          out.push(page);
        }
      } catch (error) {
        assert.ok(isKooDriveError(error), String(error));
        return { pages: out, error };
      }
      assert.fail(`the iterator ended after ${out.length} pages without an error`);
    }

    /** A scripted call that answers `answer(n)` on its n-th call (from 0), and fails past RUNAWAY calls. */
    function endless<R>(answer: (n: number) => R): { calls: () => number; fn: () => Promise<R> } {
      let calls = 0;
      return {
        calls: () => calls,
        fn: () => {
          if (calls >= RUNAWAY) {
            return Promise.reject(new Error('runaway: the iterator never stopped'));
          }
          return Promise.resolve(answer(calls++));
        },
      };
    }

    it('stops a server that sends a fresh cursor for ever, after DEFAULT_MAX_PAGES pages, with a typed error', async () => {
      const server = endless((n) => ({ items: [item(String(n))], nextCursor: `c${n + 1}` }));
      const { pages, error } = await untilError(albumContentPages(scripted({ listAlbumContent: server.fn }), 'x'));
      assert.equal(pages.length, DEFAULT_MAX_PAGES);
      assert.equal(server.calls(), DEFAULT_MAX_PAGES);
      assert.equal(error.kind, 'badResponse');
      assert.equal(error.message, `GET /koodrive/ose/v1/album/x/list failed: the server kept sending pages; stopped after ${DEFAULT_MAX_PAGES} pages`);
    });

    it('takes a smaller page cap as an option', async () => {
      const server = endless((n) => ({ items: [item(String(n))], nextCursor: `c${n + 1}` }));
      const { pages, error } = await untilError(albumContentPages(scripted({ listAlbumContent: server.fn }), 'x', {}, { maxPages: 10 }));
      assert.equal(pages.length, 10);
      assert.match(error.message, /stopped after 10 pages/);
    });

    it('stops offset and page-number lists that never end', async () => {
      const folders = endless((n) => Array.from({ length: 5 }, (_, i) => ({ id: `f${n * 5 + i}` })));
      const foldersRun = await untilError(sharedFolderPages(scripted({ listSharedFolders: folders.fn }), { limit: 5 }, { maxPages: 20 }));
      assert.equal(foldersRun.pages.length, 20);
      assert.match(foldersRun.error.message, /^GET \/koodrive\/ose\/v1\/sharefolder\/list failed: the server kept sending pages; stopped after 20 pages$/);
      const members = endless((n) => ({ members: [{ userId: `u${n}` }] }));
      const membersRun = await untilError(groupMemberPages(scripted({ listGroupMembers: members.fn }), 'g', { limit: 1 }));
      assert.equal(membersRun.pages.length, DEFAULT_MAX_PAGES);
      assert.equal(membersRun.error.kind, 'badResponse');
      const albums = endless((n) => ({ albums: [{ id: `a${n}` }] }));
      const albumsRun = await untilError(albumPages(scripted({ listAlbums: albums.fn }), { ...personalManual, pageSize: 1 }));
      assert.equal(albumsRun.pages.length, DEFAULT_MAX_PAGES);
    });

    it('stops with a typed error when a cursor comes back that was already used', async () => {
      const answers: Record<string, { items: AlbumContent[]; nextCursor?: string }> = {
        '': { items: [item('1')], nextCursor: 'A' },
        A: { items: [item('2')], nextCursor: 'B' },
        B: { items: [item('3')], nextCursor: 'A' },
      };
      const server = endless(() => undefined);
      const client = scripted({ listAlbumContent: (_albumId, query) => server.fn().then(() => answers[query?.pageCursor ?? '']) });
      const { pages, error } = await untilError(albumContentPages(client, 'x'));
      assert.deepEqual(pages.flat().map((entry) => entry.id), ['1', '2', '3']);
      assert.equal(server.calls(), 3);
      assert.match(error.message, /sent a page cursor it had sent before; stopped after 3 pages/);
    });

    it('stops with a typed error when the server hands back the cursor it was given', async () => {
      const server = endless(() => ({ items: [item('1')], nextCursor: 'SAME' }));
      const client = scripted({ listAlbumContent: server.fn });
      assert.equal((await albumContentPage(client, 'x', 'SAME')).next, undefined);
      const { pages, error } = await untilError(albumContentPages(client, 'x'));
      assert.equal(pages.length, 2);
      assert.equal(error.kind, 'badResponse');
    });

    it('stops with a typed error when a server ignores pageNum and repeats a full page without a total', async () => {
      const albums: AlbumItem[] = [{ id: 'a' }, { id: 'b' }];
      const server = endless(() => ({ albums }));
      const { pages, error } = await untilError(albumPages(scripted({ listAlbums: server.fn }), { ...personalManual, pageSize: 2 }));
      assert.equal(pages.length, 1);
      assert.equal(server.calls(), 2);
      assert.match(error.message, /the server sent the same page again; stopped after 1 page$/);
    });

    it('stops on an empty page even if a cursor came with it', async () => {
      const client = scripted({ listAlbumContent: () => Promise.resolve({ items: [], nextCursor: 'more?' }) });
      assert.deepEqual(await collect(albumContentPages(client, 'x')), []);
    });
  });
});
