import * as assert from 'node:assert/strict';
import { FileType, type FileDetails, type GetFileResponse, type GetFullPathResponse, type ListAlbumContentResponse } from '../../../src/api/types';
import { startEmulator, type EmulatorUser, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, outsider } from './helpers';

const { albums, files, users } = SeedIds;
const containerOf = (userId: string): string => `IAAFanxbXNArpAncA${userId}`;

describe('emulator: files (getFile §5.7, GetFullPath §5.8, D14)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const getFile = (fileId: string, body: unknown, user?: EmulatorUser) => call(emulator, `/files/${fileId}/detail`, { method: 'POST', body, user });
  const details = async (fileId: string, ownerId: string = users.owner, user?: EmulatorUser): Promise<FileDetails> => {
    const result = await getFile(fileId, { containerId: containerOf(ownerId) }, user);
    assert.deepEqual(outcome(result), [200, 0], result.text);
    return (result.json as GetFileResponse).data as FileDetails;
  };
  const fullPath = (query: Record<string, string>, user?: EmulatorUser) => call(emulator, '/files/path', { query, user });
  /** Every item of an album, oldest added first. */
  const items = async (albumId: string) => {
    const all: NonNullable<ListAlbumContentResponse['contentList']> = [];
    let pageCursor: string | undefined;
    do {
      const body = (await call(emulator, `/album/${albumId}/list`, { query: { pageSize: 100, sortType: 2, sortDirection: 1, pageCursor } })).json as ListAlbumContentResponse;
      all.push(...(body.contentList ?? []));
      pageCursor = body.nextPageCursor || undefined;
    } while (pageCursor);
    return all;
  };

  it('answers {code, msg, data} with the documented fields of a seeded photo', async () => {
    const result = await getFile(files.brokenBridge, { containerId: containerOf(users.owner) });
    assert.equal(result.json.msg, 'success');
    const file = (result.json as GetFileResponse).data;
    assert.equal(file?.id, files.brokenBridge);
    assert.equal(file?.fileName, '西湖断桥残雪.jpg');
    assert.deepEqual([file?.fileType, file?.mimeType, file?.fileSuffix, file?.fullFileSuffix, file?.recycled], [FileType.image, 'image/jpeg', 'jpg', 'jpg', false]);
    assert.ok(Number.isInteger(file?.size) && Number(file?.size) > 0);
    assert.match(file?.createdTime ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.ok(Date.parse(file?.editedTime ?? '') >= Date.parse(file?.createdTime ?? ''));
    assert.deepEqual(file?.containers, [containerOf(users.owner)]);
    assert.equal(file?.parentFolder?.length, 1);
    assert.deepEqual(file?.downloadLinks?.map((link) => link.usage), ['content', 'thumbnail']);
    for (const link of file?.downloadLinks ?? []) {
      assert.equal(link.downloadLink, `${emulator.url}/__files/${link.usage}/${files.brokenBridge}`);
    }
  });

  it('knows every seeded item as a file of its owner, of every kind, named in Chinese and English', async () => {
    const seen = new Map<string, FileDetails>();
    for (const albumId of [albums.westLake, albums.cats, albums.paging, albums.ownerCamera, albums.ownerScreenshots, albums.familyReunion, albums.familyGrandma, albums.familyCamera]) {
      for (const item of await items(albumId)) {
        seen.set(item.id, await details(item.id, item.ownerId ?? ""));
      }
    }
    assert.ok(seen.size > 350);
    const types = new Set([...seen.values()].map((file) => file.fileType));
    assert.deepEqual([...types].sort(), Object.values(FileType).sort(), 'every icon kind');
    const names = [...seen.values()].map((file) => file.fileName ?? '');
    assert.ok(names.filter((name) => /^IMG_\d{8}_\d{6}\.jpg$/.test(name)).length > 100, 'mostly camera photos');
    for (const name of ['Reunion dinner 团圆饭.mp4', '奶奶生日快乐.m4a', 'Photos 2025.zip', 'Cat tower 猫爬架.png', 'Scans 扫描件']) {
      assert.ok(names.includes(name), name);
    }
    for (const file of seen.values()) {
      const usages = file.downloadLinks?.map((link) => link.usage) ?? [];
      const expected = file.fileType === FileType.folder ? [] : file.fileType === FileType.image || file.fileType === FileType.video ? ['content', 'thumbnail'] : ['content'];
      assert.deepEqual(usages, expected, `${file.fileName}`);
    }
  });

  it('names camera files after the shooting time that ListAlbumContent shows', async () => {
    const camera = await items(albums.ownerCamera);
    let checked = 0;
    for (const item of camera) {
      const name = (await details(item.id)).fileName ?? '';
      const stamp = /^(?:IMG|VID)_(\d{8})_(\d{6})\./.exec(name);
      if (stamp) {
        assert.equal(new Date(item.takeTime ?? '').toISOString().replace(/[-:]/g, '').slice(0, 15), `${stamp[1]}T${stamp[2]}`, name);
        checked++;
      }
    }
    assert.ok(checked > 20);
  });

  it('tells the truth about the long video: over 50 MB', async () => {
    const video = await details(files.longVideo);
    assert.equal(video.fileName, 'Reunion dinner 团圆饭.mp4');
    assert.equal(video.fileType, FileType.video);
    assert.ok(Number(video.size) > 50 * 1024 * 1024);
  });

  it("reads a family member's files with their container, never an outsider's", async () => {
    assert.equal((await details(files.grandmaAudio, users.member)).fileName, '奶奶生日快乐.m4a');
    assert.equal((await details(files.brokenBridge, users.owner, member(emulator))).fileName, '西湖断桥残雪.jpg');
    assert.deepEqual(outcome(await getFile(files.tomatoes, { containerId: containerOf(users.outsider) })), [400, 13000410]);
    assert.deepEqual(outcome(await getFile(files.brokenBridge, { containerId: containerOf(users.owner) }, outsider(emulator))), [400, 13000410]);
    assert.equal((await details(files.tomatoes, users.outsider, outsider(emulator))).fileName, 'Tomatoes.jpg');
  });

  it('needs a containerId that holds the file', async () => {
    assert.deepEqual(outcome(await getFile(files.brokenBridge, {})), [400, 13000102]);
    assert.deepEqual(outcome(await getFile(files.brokenBridge, { containerId: '' })), [400, 13000102]);
    assert.deepEqual(outcome(await call(emulator, `/files/${files.brokenBridge}/detail`, { method: 'POST' })), [400, 13000102], 'no body');
    assert.deepEqual(outcome(await getFile(files.brokenBridge, { containerId: containerOf(users.member) })), [400, 13000309]);
    assert.deepEqual(outcome(await getFile(files.brokenBridge, { containerId: 'IAAFnowhere' })), [400, 13000309]);
    assert.deepEqual(outcome(await getFile('Fnot-a-file', { containerId: containerOf(users.owner) })), [400, 13000309]);
    assert.deepEqual(outcome(await call(emulator, `/files/${files.brokenBridge}/detail`, { method: 'PUT', body: { containerId: containerOf(users.owner) } })), [405, 13000102]);
  });

  it('keeps a file known after it leaves its album', async () => {
    assert.deepEqual(outcome(await call(emulator, `/${albums.westLake}/batchDelete`, { method: 'DELETE', body: { ids: [files.boatRide] } })), [200, 0]);
    assert.equal((await details(files.boatRide)).fileName, 'Boat ride 游船.mp4');
  });

  describe('GetFullPath', () => {
    it('answers namePath and the matching fileIdPath, with code as the string "0" (§7.29)', async () => {
      const result = await fullPath({ fileId: files.brokenBridge, containerId: containerOf(users.owner) });
      assert.equal(result.status, 200);
      assert.match(result.text, /"code":"0"/);
      const body = result.json as GetFullPathResponse;
      assert.equal(body.namePath, '/Photos/2025/West Lake/西湖断桥残雪.jpg');
      const ids = body.fileIdPath?.split('/') ?? [];
      assert.equal(ids.length, 5);
      assert.equal(ids[0], '');
      assert.equal(ids[4], files.brokenBridge);
      assert.deepEqual((await details(files.brokenBridge)).parentFolder, [ids[3]]);
      const sibling = (await fullPath({ fileId: files.boatRide, containerId: containerOf(users.owner) })).json as GetFullPathResponse;
      assert.equal(sibling.fileIdPath?.split('/').slice(0, 4).join('/'), ids.slice(0, 4).join('/'), 'same folder, same ids');
    });

    it('needs both parameters, and a file the caller may read', async () => {
      const missing = await fullPath({ fileId: files.brokenBridge });
      assert.deepEqual([missing.status, missing.json.code], [400, '13000102']);
      assert.deepEqual(outcome(await fullPath({ containerId: containerOf(users.owner) })), [400, '13000102']);
      assert.deepEqual(outcome(await fullPath({ fileId: 'Fnope', containerId: containerOf(users.owner) })), [400, '13000309']);
      assert.deepEqual(outcome(await fullPath({ fileId: files.brokenBridge, containerId: containerOf(users.owner) }, outsider(emulator))), [400, '13000410']);
    });
  });
});
