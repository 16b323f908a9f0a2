import * as assert from 'node:assert/strict';
import { FileType } from '../../../src/api/types';
import { matching, rejectsWith, SeedIds, useEmulator } from './helpers';

const { files, users } = SeedIds;

describe('api/files over the emulator', () => {
  const h = useEmulator();

  it('getFile posts {containerId} and reads the file from data', async () => {
    const file = await h.client().getFile(files.brokenBridge, h.owner.containerId);
    assert.equal(file.id, files.brokenBridge);
    assert.equal(file.fileName, '西湖断桥残雪.jpg');
    assert.equal(file.fileType, FileType.image);
    assert.deepEqual(file.downloadLinks?.map((link) => link.usage), ['content', 'thumbnail']);
    const [request] = await h.requests();
    assert.equal(request.method, 'POST');
    assert.equal(request.path, `/koodrive/ose/v1/files/${files.brokenBridge}/detail`);
    assert.deepEqual(request.body, { containerId: h.owner.containerId });
    assert.equal(request.headers['content-type'], 'application/json');
  });

  it("getFile reads a family member's file with the container GetSpace gives for them (D14)", async () => {
    const client = h.client();
    const { containerId } = await client.getSpace(users.member);
    const file = await client.getFile(files.grandmaAudio, containerId);
    assert.equal(file.fileName, '奶奶生日快乐.m4a');
    assert.equal(file.fileType, FileType.audio);
    assert.equal(typeof file.size, 'number');
  });

  it('getFile also finds the file under `file` or at the top level', async () => {
    const client = h.client();
    await h.emulator.control.addFault({ fault: { type: 'status', status: 200, body: { code: 0, msg: 'success', file: { id: 'Fa', fileName: 'a.jpg' } } } });
    assert.deepEqual(await client.getFile('Fa', h.owner.containerId), { id: 'Fa', fileName: 'a.jpg' });
    await h.emulator.control.addFault({ fault: { type: 'status', status: 200, body: { code: '0', msg: 'success', fileName: 'b.jpg', size: 12 } } });
    const top = await client.getFile('Fb', h.owner.containerId);
    assert.deepEqual([top.fileName, top.size], ['b.jpg', 12]);
    await h.emulator.control.addFault({ fault: { type: 'status', status: 200, body: { code: 0, msg: 'success', data: {} } } });
    assert.match((await rejectsWith(client.getFile('Fc', h.owner.containerId), 'badResponse')).message, /holds no file/);
  });

  it('getFile is a read: retried after a 503', async () => {
    await h.emulator.control.addFault({ pathPattern: '/detail$', fault: { type: 'status', status: 503, body: { code: 13000201, msg: 'busy' } } });
    assert.equal((await h.client().getFile(files.brokenBridge, h.owner.containerId)).id, files.brokenBridge);
    assert.equal(matching(await h.requests(), '/detail').length, 2);
    assert.equal(h.sleeps.length, 1);
  });

  it('getFile maps the emulator refusals and checks its ids locally', async () => {
    const client = h.client();
    await rejectsWith(client.getFile('Fnot-a-file', h.owner.containerId), 'notFound');
    await rejectsWith(client.getFile(files.brokenBridge, h.member.containerId), 'notFound');
    await rejectsWith(client.getFile(files.tomatoes, h.outsider.containerId), 'notPermitted');
    await h.emulator.control.clearRequests();
    await rejectsWith(client.getFile('', h.owner.containerId), 'invalidInput');
    await rejectsWith(client.getFile(files.brokenBridge, ' '), 'invalidInput');
    assert.equal((await h.requests()).length, 0);
  });

  it('getFullPath reads namePath and fileIdPath, whose code is a string (§7.29)', async () => {
    const path = await h.client().getFullPath(files.brokenBridge, h.owner.containerId);
    assert.equal(path.namePath, '/Photos/2025/West Lake/西湖断桥残雪.jpg');
    assert.ok(path.fileIdPath?.endsWith(`/${files.brokenBridge}`));
    const [request] = await h.requests();
    assert.deepEqual(request.query, { fileId: files.brokenBridge, containerId: h.owner.containerId });
    assert.equal(request.code, 0);
    await rejectsWith(h.client(h.outsider).getFullPath(files.brokenBridge, h.owner.containerId), 'notPermitted');
    await rejectsWith(h.client().getFullPath(files.brokenBridge, ''), 'invalidInput');
  });
});
