import * as assert from 'node:assert/strict';
import type { CreateShareFolderResponse, GetShareFolderMetadataResponse, ListShareFolderResponse } from '../../../src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, outsider, type Query } from './helpers';

const folders = SeedIds.folders;

describe('emulator: shared folders (§3)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const list = async (query: Query, user = emulator.users[0]) => {
    const result = await call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 100, ...query }, user });
    return { ...result, body: result.json as ListShareFolderResponse, ids: (result.json as ListShareFolderResponse).folders?.map((folder) => folder.id) };
  };
  const metadata = (id: string, user = emulator.users[0]) => call(emulator, `/sharefolder/metadata/${id}`, { user });
  const post = (what: string, body: unknown, user = emulator.users[0]) => call(emulator, `/sharefolder/${what}`, { method: 'POST', body, user });

  describe('ListShareFolder', () => {
    it('lists created and joined folders by queryType, in creation order, without total', async () => {
      const all = await list({});
      assert.deepEqual(all.ids, [folders.joined, folders.solo, folders.family]);
      assert.equal(all.json.total, undefined);
      assert.equal(all.json.msg, 'success');
      assert.deepEqual((await list({ queryType: 1 })).ids, [folders.solo, folders.family]);
      assert.deepEqual((await list({ queryType: 2 })).ids, [folders.joined]);
      assert.deepEqual((await list({ queryType: 2 }, member(emulator))).ids, [folders.family]);
      assert.deepEqual((await list({}, outsider(emulator))).ids, [folders.outsider]);
    });

    it('writes ownerId as a bare integer beyond 2^53 and groupId as a string', async () => {
      const { text } = await list({ queryType: 1 });
      assert.ok(text.includes(`"ownerId":${SeedIds.users.owner},`), text);
      assert.ok(text.includes(`"groupId":"${SeedIds.groups.family}"`));
    });

    it('filters by keyWord, case-insensitively', async () => {
      assert.deepEqual((await list({ keyWord: 'FAMILY' })).ids, [folders.joined, folders.family]);
      assert.deepEqual((await list({ keyWord: '相册' })).ids, [folders.family]);
      assert.deepEqual(outcome(await list({ keyWord: 'x'.repeat(33) })), [400, 13000102]);
      assert.deepEqual(outcome(await list({ keyWord: 'x'.repeat(32) })), [200, 0]);
    });

    it('pages by offset and limit, ending with a short page', async () => {
      assert.deepEqual((await list({ offset: 1, limit: 1 })).ids, [folders.solo]);
      assert.deepEqual((await list({ offset: 2, limit: 2 })).ids, [folders.family]);
      assert.deepEqual((await list({ offset: 5, limit: 2 })).ids, []);
      assert.deepEqual(outcome(await list({ limit: 1000 })), [200, 0]);
    });

    it('enforces offset, limit, status and queryType', async () => {
      for (const query of [{ limit: 0 }, { limit: 1001 }, { offset: -1 }, { offset: '' }, { limit: '' }, { status: '2' }, { queryType: 3 }]) {
        assert.deepEqual(outcome(await list(query)), [400, 13000102], JSON.stringify(query));
      }
      const missing = await call(emulator, '/sharefolder/list', { query: { limit: 10 } });
      assert.deepEqual(outcome(missing), [400, 13000102]);
    });
  });

  describe('GetShareFolderMetadata', () => {
    it('returns `sharefolder` (lower-case f) to members', async () => {
      for (const user of [emulator.users[0], member(emulator)]) {
        const result = await metadata(folders.family, user);
        const folder = (result.json as GetShareFolderMetadataResponse).sharefolder;
        assert.equal(folder?.name, 'Family Photos 家庭相册');
        assert.equal(folder?.maxMember, 10);
        assert.equal(folder?.status, 0);
        assert.ok(folder?.containerId && folder.shareFolderFileId && folder.createTime);
      }
    });

    it('refuses non-members and unknown folders', async () => {
      assert.deepEqual(outcome(await metadata(folders.family, outsider(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await metadata('1')), [400, 13000309]);
      assert.deepEqual(outcome(await metadata('9'.repeat(101))), [400, 13000102]);
    });
  });

  describe('CreateShareFolder', () => {
    const containerId = 'IAAFanxbXNArpAncA1644817543959100032';

    it('returns data.groupId as a bare integer beyond 2^53, exactly', async () => {
      const result = await post('create', { shareType: 0, containerId, name: 'Trip 旅行' });
      assert.deepEqual(outcome(result), [200, 0]);
      const digits = /"groupId":(\d+)[,}]/.exec(result.text)?.[1] ?? '';
      assert.ok(BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER), result.text);
      assert.notEqual(String((result.json as CreateShareFolderResponse).data?.groupId), digits, 'JSON.parse would round it');
      const id = String(result.json.id);
      const folder = (await metadata(id)).json as GetShareFolderMetadataResponse;
      assert.equal(folder.sharefolder?.groupId, digits);
      assert.equal((result.json as CreateShareFolderResponse).data?.shareFolderId, folder.sharefolder?.shareFolderFileId);
      assert.deepEqual((await list({ queryType: 1 })).ids?.at(-1), id);
    });

    it('enforces the name rules and the other fields', async () => {
      assert.deepEqual(outcome(await post('create', { shareType: 0, containerId, name: 'n'.repeat(31) })), [200, 0]);
      for (const name of ['n'.repeat(32), '', '.', '..', 'a/b', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a|b', 'tab\there', 'line\nbreak', 'smile 😀']) {
        assert.deepEqual(outcome(await post('create', { shareType: 0, containerId, name })), [400, 13000102], name);
      }
      assert.deepEqual(outcome(await post('create', { shareType: 1, containerId, name: 'x' })), [400, 13000102]);
      assert.deepEqual(outcome(await post('create', { shareType: '0', containerId, name: 'x' })), [400, 13000102]);
      assert.deepEqual(outcome(await post('create', { containerId, name: 'x' })), [400, 13000102]);
      assert.deepEqual(outcome(await post('create', { shareType: 0, containerId, name: 'x' }, member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await post('create', { shareType: 0, containerId: 'IAAFnope', name: 'x' })), [400, 13000309]);
    });
  });

  describe('RenameShareFolder', () => {
    it('renames for the owner and answers the id', async () => {
      const result = await post('rename', { id: folders.solo, fileName: 'Drafts 草稿' });
      assert.deepEqual(outcome(result), [200, 0]);
      assert.equal(result.json.id, folders.solo);
      assert.equal(((await metadata(folders.solo)).json as GetShareFolderMetadataResponse).sharefolder?.name, 'Drafts 草稿');
    });

    it('refuses members, bad names and unknown folders', async () => {
      assert.deepEqual(outcome(await post('rename', { id: folders.family, fileName: 'Ours' }, member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await post('rename', { id: folders.solo, fileName: 'a/b' })), [400, 13000102]);
      assert.deepEqual(outcome(await post('rename', { id: folders.solo })), [400, 13000102]);
      assert.deepEqual(outcome(await post('rename', { id: '1', fileName: 'x' })), [400, 13000309]);
    });
  });

  describe('DeleteShareFolder', () => {
    it('refuses a member with 13000410, and the folder still exists', async () => {
      assert.deepEqual(outcome(await post('delete', { id: folders.family }, member(emulator))), [400, 13000410]);
      assert.deepEqual(outcome(await metadata(folders.family)), [200, 0]);
      assert.ok((await list({}, member(emulator))).ids?.includes(folders.family));
    });

    it('deletes for the owner (string id): gone for owner and member alike', async () => {
      assert.deepEqual(outcome(await post('delete', { id: folders.family })), [200, 0]);
      assert.ok(!(await list({})).ids?.includes(folders.family));
      assert.ok(!(await list({}, member(emulator))).ids?.includes(folders.family));
      assert.deepEqual(outcome(await metadata(folders.family, member(emulator))), [400, 13000309]);
      assert.deepEqual(outcome(await post('delete', { id: folders.family })), [400, 13000309], 'already deleted');
      assert.deepEqual((await list({ status: '1' })).ids, [folders.family]);
      const familyAlbums = await call(emulator, '/album/list', { query: { albumKind: 2, albumType: 2, groupId: SeedIds.groups.family } });
      assert.deepEqual(outcome(familyAlbums), [400, 13000309]);
    });

    it("accepts the page's array of exactly one id, and nothing else", async () => {
      for (const body of [{}, { id: '' }, { id: Number(folders.family) }, { id: [] }, { id: [folders.solo, folders.family] }, { id: [7] }]) {
        assert.deepEqual(outcome(await post('delete', body)), [400, 13000102], JSON.stringify(body));
      }
      assert.deepEqual(outcome(await post('delete', { id: [folders.solo] })), [200, 0]);
      assert.deepEqual(outcome(await post('delete', { id: ['1'] })), [400, 13000309]);
    });
  });
});
