import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FileDetails, GetFileResponse, GetFullPathResponse, ListAlbumContentResponse, ListAlbumsResponse } from '../../../src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { megabyteFileId, SeedIds } from '../../emulator/seedIds';
import { call, outcome, owner } from './helpers';

const { files, users, scaleAlbums } = SeedIds;
const MIB = 1024 * 1024;

async function details(emulator: RunningEmulator, fileId: string, ownerId: string = users.owner): Promise<FileDetails> {
  const result = await call(emulator, `/files/${fileId}/detail`, { method: 'POST', body: { containerId: `IAAFanxbXNArpAncA${ownerId}` } });
  assert.deepEqual(outcome(result), [200, 0], result.text);
  return (result.json as GetFileResponse).data as FileDetails;
}

/** Streams the content link, as the owner, and returns its length and SHA-256. */
async function served(emulator: RunningEmulator, file: FileDetails): Promise<{ length: number; sha256: string }> {
  const link = file.downloadLinks?.find((candidate) => candidate.usage === 'content')?.downloadLink;
  assert.ok(link, `${file.id} has a content link`);
  const response = await fetch(link, { headers: { Authorization: `Bearer ${owner(emulator).token}`, 'X-User-Id': users.owner } });
  assert.equal(response.status, 200);
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    length += chunk.length;
  }
  return { length, sha256: hash.digest('hex') };
}

describe('emulator: sha256 and sizes for saving files (D22)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ scale: { bigFileMb: 3, megabyteFiles: 4 } });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  it('answers, for a JPEG, a PNG, a video, a document and audio, the SHA-256 and size of exactly the bytes served', async () => {
    for (const [fileId, ownerId] of [[files.brokenBridge, users.owner], [files.catTower, users.owner], [files.boatRide, users.owner], [files.tripPlan, users.member], [files.grandmaAudio, users.member]]) {
      const file = await details(emulator, fileId, ownerId);
      assert.match(file.sha256 ?? '', /^[0-9a-f]{64}$/, `${file.fileName} has a lowercase hex sha256`);
      assert.deepEqual(await served(emulator, file), { length: file.size, sha256: file.sha256 }, String(file.fileName));
    }
  });

  it('answers the same digest for the long video, streamed, on every lookup; none for a folder', async () => {
    const [first, second] = await Promise.all([details(emulator, files.longVideo), details(emulator, files.longVideo)]);
    assert.equal(first.sha256, second.sha256);
    assert.deepEqual(await served(emulator, first), { length: first.size, sha256: first.sha256 });
    const folder = await details(emulator, files.scansFolder);
    assert.equal(folder.sha256, undefined);
    assert.equal(folder.downloadLinks, undefined);
  });

  it('adds "Big files 大文件" with one video of exactly N MiB, and "Megabytes 兆字节" with N distinct files of 1 MiB', async () => {
    const albums = ((await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2, pageSize: 100 } })).json as ListAlbumsResponse).albumList ?? [];
    const byName = new Map(albums.map((album) => [album.name, album.id]));
    assert.equal(byName.get('Big files 大文件'), scaleAlbums.bigFiles);
    assert.equal(byName.get('Megabytes 兆字节'), scaleAlbums.megabytes);
    const big = await details(emulator, files.bigVideo);
    assert.deepEqual([big.fileName, big.mimeType, big.size], ['Big video 大视频.mp4', 'video/mp4', 3 * MIB]);
    assert.deepEqual(await served(emulator, big), { length: 3 * MIB, sha256: big.sha256 });

    const contents = ((await call(emulator, `/album/${scaleAlbums.megabytes}/list`)).json as ListAlbumContentResponse).contentList ?? [];
    assert.deepEqual(contents.map((item) => item.id).sort(), [0, 1, 2, 3].map(megabyteFileId).sort());
    const megabytes = await Promise.all(contents.map((item) => details(emulator, item.id)));
    assert.ok(megabytes.every((file) => file.size === MIB && file.fileType !== '15'), 'no pictures, 1 MiB each');
    assert.equal(new Set(megabytes.map((file) => file.fileName)).size, 4);
    assert.equal(new Set(megabytes.map((file) => file.sha256)).size, 4, 'each has its own bytes');
    assert.deepEqual(await served(emulator, megabytes[0]), { length: MIB, sha256: megabytes[0].sha256 });
  });

  it('reset({scale}) adds or leaves out the benchmark albums; reset() goes back to the startup scale', async () => {
    const albumIds = async (): Promise<string[]> =>
      (((await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2, pageSize: 100 } })).json as ListAlbumsResponse).albumList ?? []).map((album) => album.id);
    await emulator.control.reset({});
    assert.ok(!(await albumIds()).includes(scaleAlbums.bigFiles));
    await emulator.control.reset({ megabyteFiles: 2 });
    assert.ok((await albumIds()).includes(scaleAlbums.megabytes));
    assert.ok(!(await albumIds()).includes(scaleAlbums.bigFiles));
    await emulator.control.reset();
    assert.ok((await albumIds()).includes(scaleAlbums.bigFiles));
    await assert.rejects(emulator.control.reset({ bigFileMb: -1 }), /scale.bigFileMb must be an integer/);
  });
});

describe('emulator: a file without a name (names control)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  for (const removed of ['', null]) {
    it(`name ${JSON.stringify(removed)} leaves getFile without fileName and suffixes, and GetFullPath without namePath`, async () => {
      const before = await details(emulator, files.catTower);
      assert.deepEqual([before.fileName, before.fileSuffix, before.fullFileSuffix], ['Cat tower 猫爬架.png', 'png', 'png']);
      await emulator.control.setName('file', files.catTower, removed);
      const after = await details(emulator, files.catTower);
      for (const field of ['fileName', 'fileSuffix', 'fullFileSuffix']) {
        assert.ok(!(field in after), `${field} is gone`);
      }
      assert.deepEqual([after.id, after.mimeType, after.size, after.sha256], [before.id, 'image/png', before.size, before.sha256], 'the bytes stay');
      const path = (await call(emulator, '/files/path', { query: { fileId: files.catTower, containerId: owner(emulator).containerId } })).json as GetFullPathResponse;
      assert.equal(path.namePath, undefined);
      assert.ok(path.fileIdPath?.endsWith(`/${files.catTower}`));
    });
  }

  it('null is refused for anything but a file', async () => {
    await assert.rejects(emulator.control.setName('album', SeedIds.albums.cats, null), /HTTP 400/);
  });
});
