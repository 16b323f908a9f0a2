import * as assert from 'node:assert/strict';
import type { ListAlbumContentResponse } from '../../../src/api/types';
import { fileId } from '../../emulator/ids';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, type Query } from './helpers';

const ids = SeedIds.albums;

describe('emulator: album contents (ListAlbumContent, BatchAdd, BatchDelete)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const page = async (albumId: string, query: Query = {}, user = emulator.users[0]) => {
    const result = await call(emulator, `/album/${albumId}/list`, { query, user });
    return { ...result, body: result.json as ListAlbumContentResponse };
  };

  /** Follows nextPageCursor to the end; `between` runs after each page. */
  const all = async (albumId: string, query: Query, between?: (pageIndex: number) => Promise<void>) => {
    const seen: string[] = [];
    let cursor = '';
    for (let index = 0; index < 100; index++) {
      const { status, body } = await page(albumId, { ...query, ...(cursor ? { pageCursor: cursor } : {}) });
      assert.equal(status, 200, JSON.stringify(body));
      seen.push(...(body.contentList ?? []).map((item) => item.id));
      cursor = body.nextPageCursor ?? '';
      if (!cursor) {
        return seen;
      }
      await between?.(index);
    }
    throw new Error('paging did not end');
  };

  const remove = (albumId: string, body: unknown, user = emulator.users[0]) => call(emulator, `/${albumId}/batchDelete`, { method: 'DELETE', body, user });

  it('pages through the 250-item album, every item exactly once, in every order', async () => {
    const expected = Array.from({ length: 250 }, (_, i) => fileId(`${ids.paging}/${i}`));
    for (const sortType of [1, 2, 3]) {
      for (const sortDirection of [1, 2]) {
        const seen = await all(ids.paging, { pageSize: 37, sortType, sortDirection });
        assert.equal(seen.length, 250, `sortType ${sortType} direction ${sortDirection}`);
        assert.deepEqual([...seen].sort(), [...expected].sort());
      }
    }
  });

  it('defaults to 100 items, newest added first, with total and an empty last cursor', async () => {
    const first = (await page(ids.paging)).body;
    assert.equal(first.contentList?.length, 100);
    assert.equal(first.total, 250);
    assert.equal(first.contentList?.[0].id, fileId(`${ids.paging}/249`));
    assert.ok(first.nextPageCursor);
    const ascending = await all(ids.paging, { sortType: 2, sortDirection: 1 });
    assert.equal(ascending[0], fileId(`${ids.paging}/0`));
    const last = (await page(ids.cats, { pageSize: 100 })).body;
    assert.equal(last.contentList?.length, 8);
    assert.equal(last.nextPageCursor, '');
  });

  it('stays correct when items are removed between page fetches', async () => {
    const before = await all(ids.paging, { pageSize: 100 });
    const removedSeen = before.slice(90, 100);
    const removedUnseen = before.slice(150, 170);
    const seen = await all(ids.paging, { pageSize: 100 }, async (index) => {
      if (index === 0) {
        assert.deepEqual(outcome(await remove(ids.paging, { ids: [...removedSeen, ...removedUnseen] })), [200, 0]);
      }
    });
    const expected = before.filter((id) => !removedUnseen.includes(id));
    assert.deepEqual(seen, expected);
    assert.equal((await page(ids.paging)).body.total, 220);
  });

  it('returns takeTime on collection albums only, and ownerId everywhere', async () => {
    const collection = (await page(ids.ownerCamera)).body.contentList ?? [];
    assert.ok(collection.every((item) => typeof item.takeTime === 'string' && item.ownerId === SeedIds.users.owner));
    const takeTimes = collection.map((item) => Date.parse(item.takeTime ?? ''));
    assert.deepEqual(takeTimes, [...takeTimes].sort((a, b) => b - a), 'collection albums default to shooting time, newest first');
    const manual = (await page(ids.familyReunion)).body.contentList ?? [];
    assert.ok(manual.every((item) => item.takeTime === undefined && /^\d+$/.test(item.ownerId ?? '')));
    assert.ok(manual.every((item) => /^F[A-Za-z0-9_-]{32}$/.test(item.id)));
  });

  it('rejects bad paging parameters and foreign cursors', async () => {
    const foreign = (await page(ids.paging, { pageSize: 10 })).body.nextPageCursor ?? '';
    for (const query of [{ pageSize: 0 }, { pageSize: 101 }, { sortType: 4 }, { sortDirection: 0 }, { pageCursor: 'garbage' }]) {
      assert.deepEqual(outcome(await page(ids.paging, query)), [400, 13000102], JSON.stringify(query));
    }
    assert.deepEqual(outcome(await page(ids.westLake, { pageCursor: foreign })), [400, 13000102]);
    assert.deepEqual(outcome(await page(ids.paging, { pageCursor: foreign, sortDirection: 1 })), [400, 13000102]);
    assert.deepEqual(outcome(await page('999')), [400, 13000309]);
    assert.deepEqual(outcome(await page(ids.westLake, {}, member(emulator))), [400, 13000410]);
  });

  describe('BatchDeleteAlbumContent', () => {
    it('rejects a missing body, empty or oversized lists, non-strings and collection albums', async () => {
      const path = `/${ids.paging}/batchDelete`;
      assert.deepEqual(outcome(await call(emulator, path, { method: 'DELETE' })), [400, 13000102]);
      for (const body of [{}, { ids: [] }, { ids: Array.from({ length: 1001 }, (_, i) => `F${i}`) }, { ids: [1, 2] }, { ids: 'F1' }, { ids: [''] }]) {
        assert.deepEqual(outcome(await remove(ids.paging, body)), [400, 13000102], JSON.stringify(body).slice(0, 80));
      }
      const cameraItem = (await page(ids.ownerCamera)).body.contentList?.[0].id ?? '';
      assert.deepEqual(outcome(await remove(ids.ownerCamera, { ids: [cameraItem] })), [400, 13000102]);
      assert.equal((await page(ids.paging)).body.total, 250, 'nothing was removed');
    });

    it('accepts exactly 1000 ids, ignoring those not in the album', async () => {
      const result = await remove(ids.paging, { ids: Array.from({ length: 1000 }, (_, i) => fileId(`${ids.paging}/${i}`)) });
      assert.deepEqual(outcome(result), [200, 0]);
      assert.equal(result.json.msg, 'Success.');
      assert.equal((await page(ids.paging)).body.total, 0);
      assert.deepEqual(outcome(await remove(ids.paging, { ids: ['Fnot-there'] })), [200, 0], 'idempotent');
    });

    it('never touches the files: the same photo stays in the other album', async () => {
      const shared = fileId(`${ids.westLake}/0`);
      assert.deepEqual(outcome(await remove(ids.westLake, { ids: [shared] })), [200, 0]);
      const westLake = await all(ids.westLake, {});
      const camera = await all(ids.ownerCamera, {});
      assert.ok(!westLake.includes(shared));
      assert.ok(camera.includes(shared));
    });

    it('is for the album owner (personal) or group members (family) only', async () => {
      assert.deepEqual(outcome(await remove(ids.westLake, { ids: [fileId(`${ids.westLake}/1`)] }, member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await remove(ids.familyReunion, { ids: [fileId(`${ids.familyReunion}/1`)] }, member(emulator))), [200, 0]);
      assert.deepEqual(outcome(await remove('999', { ids: ['F1'] })), [400, 13000309]);
    });
  });

  describe('BatchAddContent2Album', () => {
    const add = (albumId: string, body: unknown) => call(emulator, `/album/${albumId}/add`, { method: 'POST', body });

    it('links files into a manual album, idempotently, newest first', async () => {
      const [cat, other] = [fileId(`${ids.cats}/0`), SeedIds.files.grandmaAudio];
      const fileIds = [{ fileId: cat }, { fileId: other, ownerId: SeedIds.users.member }, { fileId: cat }];
      assert.deepEqual(outcome(await add(ids.empty, { fileIds })), [200, 0]);
      assert.deepEqual(outcome(await add(ids.empty, { fileIds })), [200, 0]);
      const body = (await page(ids.empty)).body;
      assert.equal(body.total, 2);
      assert.deepEqual(body.contentList?.map((item) => [item.id, item.ownerId]), [[other, SeedIds.users.member], [cat, SeedIds.users.owner]]);
    });

    it("refuses files it does not know, files of another owner than named, and files of someone outside the caller's groups (D14)", async () => {
      const cat = fileId(`${ids.cats}/0`);
      assert.deepEqual(outcome(await add(ids.empty, { fileIds: [{ fileId: cat }, { fileId: 'Fnot-a-file' }] })), [400, 13000309]);
      assert.deepEqual(outcome(await add(ids.empty, { fileIds: [{ fileId: cat, ownerId: SeedIds.users.member }] })), [400, 13000309]);
      assert.deepEqual(outcome(await add(ids.empty, { fileIds: [{ fileId: cat }, { fileId: SeedIds.files.tomatoes }] })), [400, 13000410]);
      assert.equal((await page(ids.empty)).body.total, 0, 'all or nothing');
    });

    it('restores removed items (Undo) and moves items between albums: files outlive their album links', async () => {
      const moved = [fileId(`${ids.westLake}/1`), fileId(`${ids.westLake}/2`)];
      assert.deepEqual(outcome(await add(ids.cats, { fileIds: moved.map((id) => ({ fileId: id, ownerId: SeedIds.users.owner })) })), [200, 0]);
      assert.deepEqual(outcome(await remove(ids.westLake, { ids: moved })), [200, 0]);
      const cats = await all(ids.cats, {});
      assert.ok(moved.every((id) => cats.includes(id)));
      assert.deepEqual(outcome(await remove(ids.cats, { ids: moved })), [200, 0]);
      assert.deepEqual(outcome(await add(ids.westLake, { fileIds: moved.map((id) => ({ fileId: id })) })), [200, 0], 'undo');
      assert.equal((await page(ids.westLake)).body.total, 12);
    });

    it('rejects more than 100 files, an empty list, bad entries and collection albums', async () => {
      const many = Array.from({ length: 101 }, (_, i) => ({ fileId: `F${i}` }));
      for (const body of [{ fileIds: many }, { fileIds: [] }, {}, { fileIds: ['F1'] }, { fileIds: [{ fileId: 'F'.repeat(65) }] }]) {
        assert.deepEqual(outcome(await add(ids.empty, body)), [400, 13000102]);
      }
      assert.deepEqual(outcome(await add(ids.ownerCamera, { fileIds: [{ fileId: fileId(`${ids.cats}/0`) }] })), [400, 13000102]);
      const hundred = Array.from({ length: 100 }, (_, i) => ({ fileId: fileId(`${ids.paging}/${i}`) }));
      assert.deepEqual(outcome(await add(ids.empty, { fileIds: hundred })), [200, 0]);
    });
  });
});
