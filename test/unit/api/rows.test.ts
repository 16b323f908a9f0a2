import * as assert from 'node:assert/strict';
import { removeAlbumContentInBatches } from '../../../src/api/batch';
import type { KooDriveClient } from '../../../src/api/client';
import { albumContentPages } from '../../../src/api/paging';
import { personalManual, rejectsWith, SeedIds, useEmulator } from './helpers';

/** A 200 answer of `body` for the next request to a path matching `pathPattern`. */
function success(pathPattern: string, body: Record<string, unknown>) {
  return { pathPattern, fault: { type: 'status' as const, status: 200, body: { code: 0, msg: 'Success.', ...body } } };
}

describe('api: one bad row never breaks a listing', () => {
  const h = useEmulator();
  let anomalies: string[] = [];
  const client = (): KooDriveClient => h.client(h.owner, { onAnomaly: (text: string) => anomalies.push(text) });
  beforeEach(() => {
    anomalies = [];
  });

  it('returns albums without a name or with nulls, leaves out those without an id, and says so once', async () => {
    await h.emulator.control.addFault(success('/album/list$', {
      albumList: [{ id: '1', name: 'Fine' }, { name: 'No id' }, { id: null, name: 'Null id' }, { id: '2' }, { id: '3', name: null, coverImg: null, albumType: null }, { id: '4', name: 12345 }, null, 5, { id: '   ' }],
    }));
    const { albums } = await client().listAlbums(personalManual);
    assert.deepEqual(albums, [{ id: '1', name: 'Fine' }, { id: '2' }, { id: '3' }, { id: '4', name: '12345' }]);
    assert.deepEqual(anomalies, ['GET /koodrive/ose/v1/album/list: 5 rows without an id were left out']);
  });

  it('turns numeric times into text and drops nulls in album contents', async () => {
    await h.emulator.control.addFault(success('/list$', { contentList: [{ id: 'F1', takeTime: 1_700_000_000_000, createTime: 1_700_000_000, ownerId: null }, { takeTime: 'no id' }], nextPageCursor: null }));
    const pages = [];
    for await (const page of albumContentPages(client(), SeedIds.albums.cats)) {
      pages.push(page);
    }
    assert.deepEqual(pages, [[{ id: 'F1', takeTime: '1700000000000', createTime: '1700000000' }]]);
    assert.deepEqual(anomalies, [`GET /koodrive/ose/v1/album/${SeedIds.albums.cats}/list: 1 row without an id was left out`]);
  });

  it('keeps members with a numeric userName, and folders with a numeric createTime', async () => {
    await h.emulator.control.addFault(success('/members$', { total: 3, userGroupMemberInfos: [{ userId: 7, userName: 12345, mobile: null }, { userName: 'ghost' }, { userId: '8', userName: { first: 'x' } }] }));
    const { members } = await client().listGroupMembers(SeedIds.groups.family, { offset: 0, limit: 100 });
    assert.deepEqual(members, [{ userId: '7', userName: '12345' }, { userId: '8' }]);
    await h.emulator.control.addFault(success('/sharefolder/list$', { folders: [{ id: 'S1', createTime: 1_700_000_000_000, name: null, maxMember: null }] }));
    assert.deepEqual(await client().listSharedFolders({ offset: 0, limit: 10 }), [{ id: 'S1', createTime: '1700000000000' }]);
    assert.deepEqual(anomalies, [`GET /koodrive/ose/v1/usergroups/${SeedIds.groups.family}/members: 1 row without a userId was left out`]);
  });

  it('reports nothing for clean answers, and survives a throwing anomaly hook', async () => {
    assert.ok((await client().listAlbums(personalManual)).albums.length > 0);
    assert.deepEqual(anomalies, []);
    await h.emulator.control.addFault(success('/album/list$', { albumList: [{ name: 'No id' }, { id: '1' }] }));
    const throwing = h.client(h.owner, { onAnomaly: () => { throw new Error('log gone'); } });
    assert.deepEqual((await throwing.listAlbums(personalManual)).albums, [{ id: '1' }]);
  });

  describe('an id with a lone surrogate', () => {
    const broken = '\uD800';

    it('is refused as invalidInput by every endpoint, and nothing is sent', async () => {
      const c = client();
      const calls: [string, () => Promise<unknown>][] = [
        ['listAlbumContent', () => c.listAlbumContent(broken)],
        ['updateAlbum', () => c.updateAlbum(broken, { name: 'x' })],
        ['deleteAlbum', () => c.deleteAlbum(`a${broken}`)],
        ['addAlbumContent', () => c.addAlbumContent(broken, [{ fileId: 'F1' }])],
        ['addAlbumContent fileId', () => c.addAlbumContent(SeedIds.albums.cats, [{ fileId: broken }])],
        ['removeAlbumContent', () => c.removeAlbumContent(broken, ['F1'])],
        ['getSharedFolder', () => c.getSharedFolder(broken)],
        ['inviteMember', () => c.inviteMember(broken, '0027821234567')],
        ['confirmInvite', () => c.confirmInvite(broken, '1', true)],
        ['listInvitees', () => c.listInvitees(broken)],
        ['getInvite', () => c.getInvite(broken)],
        ['listGroupMembers', () => c.listGroupMembers(broken, { offset: 0, limit: 1 })],
        ['getSpace', () => c.getSpace(broken)],
        ['getUser', () => c.getUser(broken)],
        ['getUserInfo', () => c.getUserInfo({ userId: broken })],
        ['listAlbums groupId', () => c.listAlbums({ albumKind: 2, albumType: 2, groupId: broken })],
        ['listSharedFolders keyWord', () => c.listSharedFolders({ offset: 0, limit: 1, keyWord: broken })],
        ['removeMember', () => c.removeMember({ ownerId: h.owner.userId, groupId: broken, deleteUserId: '1' })],
      ];
      for (const [name, call] of calls) {
        let promise: Promise<unknown>;
        try {
          promise = call();
        } catch (error) {
          assert.fail(`${name} threw synchronously: ${String(error)}`);
        }
        await rejectsWith(promise, 'invalidInput');
      }
      assert.deepEqual(await h.requests(), []);
    });

    it('fails a batch as invalidInput instead of throwing', async () => {
      const result = await removeAlbumContentInBatches(client(), broken, ['F1']);
      assert.equal(result.failed[0]?.error.kind, 'invalidInput');
    });
  });
});
