import * as assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { EmulatorControl } from '../../emulator/control';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, outcome, owner, traceId } from './helpers';

describe('emulator: control endpoints and request log', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  it('users() lists owner, member and outsider with their tokens', async () => {
    const users = await new EmulatorControl(`${emulator.url}/`).users();
    assert.deepEqual(users, emulator.users);
    assert.deepEqual(users.map((user) => [user.role, user.userId]), [['owner', SeedIds.users.owner], ['member', SeedIds.users.member], ['outsider', SeedIds.users.outsider]]);
    assert.ok(users.every((user) => user.token.length >= 40));
    assert.equal(users[0].name, 'Li Wei 李伟');
  });

  it('users() carry the full mobile number (to invite by) and the personal space id', async () => {
    const users = await emulator.control.users();
    assert.deepEqual(users.map((user) => user.mobile), ['0027821234567', '0027829876543', '0027188460911']);
    const space = await call(emulator, `/space/${users[0].userId}`, { query: { type: 1 } });
    assert.equal((space.json.data as { containerId: string }).containerId, users[0].containerId);
  });

  it('logs API requests with redacted credentials, but not control requests', async () => {
    await call(emulator, '/sharefolder/rename', { method: 'POST', body: { id: SeedIds.folders.solo, fileName: 'Drafts' }, headers: { 'X-Traceid': traceId() } });
    await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 }, headers: { Authorization: `Bearer+${owner(emulator).token}` } });
    await emulator.control.users();
    const log = await emulator.control.requests();
    assert.equal(log.length, 2);
    const [rename, list] = log;
    assert.equal(rename.method, 'POST');
    assert.equal(rename.path, '/koodrive/ose/v1/sharefolder/rename');
    assert.deepEqual(rename.body, { id: SeedIds.folders.solo, fileName: 'Drafts' });
    assert.equal(rename.headers.authorization, 'Bearer <redacted>');
    assert.equal(rename.headers['x-user-id'], SeedIds.users.owner);
    assert.deepEqual([rename.status, rename.code, rename.traceId], [200, 0, traceId()]);
    assert.ok(!Number.isNaN(Date.parse(rename.at)));
    assert.deepEqual(list.query, { albumKind: '1', albumType: '2' });
    assert.equal(list.headers.authorization, 'Bearer+ <redacted>');
    assert.ok(!JSON.stringify(log).includes(owner(emulator).token), 'no token in the log');
    await emulator.control.clearRequests();
    assert.deepEqual(await emulator.control.requests(), []);
  });

  it('setName() plants a name that the API would refuse, on albums, folders, users and files (D18)', async () => {
    const hostile = `[Click](command:workbench.action.quit) $(alert) \u0007\u202e 😀 ${'長'.repeat(40)}`;
    await emulator.control.setName('album', SeedIds.albums.cats, hostile);
    await emulator.control.setName('sharedFolder', SeedIds.folders.family, `${hostile}/..`);
    await emulator.control.setName('user', SeedIds.users.member, `${hostile} user`);
    await emulator.control.setName('file', SeedIds.files.brokenBridge, `${hostile}.jpg`);
    const albums = (await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 } })).json.albumList as { id: string; name: string }[];
    assert.equal(albums.find((album) => album.id === SeedIds.albums.cats)?.name, hostile);
    const folder = (await call(emulator, `/sharefolder/metadata/${SeedIds.folders.family}`)).json.sharefolder as { name: string };
    assert.equal(folder.name, `${hostile}/..`);
    assert.equal(((await call(emulator, `/users/${SeedIds.users.member}`)).json.data as { name: string }).name, `${hostile} user`);
    const members = (await call(emulator, `/usergroups/${SeedIds.groups.family}/members`, { query: { offset: 0, limit: 10 } })).json.userGroupMemberInfos as { userName: string }[];
    assert.ok(members.some((info) => info.userName === `${hostile} user`));
    const file = await call(emulator, `/files/${SeedIds.files.brokenBridge}/detail`, { method: 'POST', body: { containerId: owner(emulator).containerId } });
    assert.equal((file.json.data as { fileName: string; mimeType: string }).fileName, `${hostile}.jpg`);
    assert.equal((file.json.data as { fileName: string; mimeType: string }).mimeType, 'image/jpeg', 'only the label changes');
    const path = await call(emulator, '/files/path', { query: { fileId: SeedIds.files.brokenBridge, containerId: owner(emulator).containerId } });
    assert.ok(String(path.json.namePath).endsWith(`/${hostile}.jpg`));
    await emulator.control.reset();
    assert.equal(((await call(emulator, `/users/${SeedIds.users.member}`)).json.data as { name: string }).name, 'Zhang Min 张敏', 'reset restores the seed');
  });

  it('setName() refuses unknown kinds and ids, collection albums and oversized names', async () => {
    await assert.rejects(emulator.control.setName('album', '1', 'x'), /HTTP 400.*No album 1/);
    await assert.rejects(emulator.control.setName('album', SeedIds.albums.ownerCamera, 'x'), /collection album/);
    await assert.rejects(emulator.control.setName('file', 'Fnope', 'x'), /HTTP 400/);
    await assert.rejects(emulator.control.setName('group' as never, SeedIds.groups.family, 'x'), /kind must be/);
    await assert.rejects(emulator.control.setName('user', SeedIds.users.owner, 'x'.repeat(4097)), /at most 4096/);
  });

  it('reset() restores the seed, optionally at another scale', async () => {
    const deleteFolder = () => call(emulator, '/sharefolder/delete', { method: 'POST', body: { id: SeedIds.folders.solo } });
    assert.deepEqual(outcome(await deleteFolder()), [200, 0]);
    await emulator.control.reset();
    assert.deepEqual(outcome(await deleteFolder()), [200, 0], 'the folder is back');
    const total = async () => (await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 } })).json.total;
    await emulator.control.reset({ albums: 5 });
    assert.equal(await total(), 9);
    await emulator.control.reset();
    assert.equal(await total(), 4);
    await assert.rejects(emulator.control.reset({ albums: -1 }), /HTTP 400/);
  });

  it('reset() also clears the clock offset and faults', async () => {
    await emulator.control.setClockOffset(3_600_000);
    await emulator.control.addFault({ fault: { type: 'status', status: 500 } });
    await emulator.control.reset();
    assert.deepEqual(outcome(await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 } })), [200, 0]);
    await assert.rejects(emulator.control.setClockOffset(Number.NaN), /HTTP 400/);
  });

  it('answers control requests only from loopback addresses', async function () {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((info) => info?.family === 'IPv4' && !info.internal)?.address;
    if (!address) {
      this.skip();
    }
    const wide = await startEmulator({ host: '0.0.0.0' });
    try {
      const port = new URL(wide.url).port;
      const remote = await fetch(`http://${address}:${port}/__emulator/users`);
      assert.equal(remote.status, 404);
      const local = await fetch(`http://127.0.0.1:${port}/__emulator/users`);
      assert.equal(local.status, 200);
    } finally {
      await wide.close();
    }
  });
});
