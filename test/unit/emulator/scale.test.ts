import * as assert from 'node:assert/strict';
import type { GetFileResponse, ListAlbumContentResponse, ListAlbumsResponse, ListShareFolderResponse } from '../../../src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { call } from './helpers';

// How fast it starts and pages at this scale is a figure of the bench (npm run bench), not a test.
describe('emulator: scale (10,000 albums, a 100,000-item album, 1,000 folders)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ scale: { albums: 10_000, albumItems: 100_000, sharedFolders: 1_000 } });
  });
  after(() => emulator.close());

  it('pages the album list to the last page', async () => {
    const result = await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2, pageSize: 10, pageNum: 1001 } });
    const body = result.json as ListAlbumsResponse;
    assert.equal(body.total, 10_005);
    assert.deepEqual(body.albumList?.map((album) => album.name), ['Album 09997', 'Album 09998', 'Album 09999', 'Album 10000', 'Large album']);
  });

  it('pages the large album by cursor, each item once', async () => {
    const largeId = ((await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2, pageSize: 10, pageNum: 1001 } })).json as ListAlbumsResponse).albumList?.[4].id ?? '';
    let cursor = '';
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const body = (await call(emulator, `/album/${largeId}/list`, { query: cursor ? { pageCursor: cursor } : {} })).json as ListAlbumContentResponse;
      assert.equal(body.total, 100_000);
      body.contentList?.forEach((item) => seen.add(item.id));
      cursor = body.nextPageCursor ?? '';
    }
    assert.equal(seen.size, 2000);
  });

  it('knows every item of the large album as a file of the owner, details derived on demand (D14)', async () => {
    const largeId = ((await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2, pageSize: 10, pageNum: 1001 } })).json as ListAlbumsResponse).albumList?.[4].id ?? '';
    const page = ((await call(emulator, `/album/${largeId}/list`, { query: { pageSize: 100 } })).json as ListAlbumContentResponse).contentList ?? [];
    for (const item of [page[0], page[99]]) {
      const result = await call(emulator, `/files/${item.id}/detail`, { method: 'POST', body: { containerId: emulator.users[0].containerId } });
      const file = (result.json as GetFileResponse).data;
      assert.equal(file?.id, item.id);
      assert.match(file?.fileName ?? '', /^(IMG|VID)_\d{8}_\d{6}\.(jpg|mp4)$/);
    }
  });

  it('lists 1,000 extra shared folders by offset and limit', async () => {
    const first = (await call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 1000 } })).json as ListShareFolderResponse;
    const rest = (await call(emulator, '/sharefolder/list', { query: { offset: 1000, limit: 1000 } })).json as ListShareFolderResponse;
    assert.equal(first.folders?.length, 1000);
    assert.equal(rest.folders?.length, 3);
  });
});
