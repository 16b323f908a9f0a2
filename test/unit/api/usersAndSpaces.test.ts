import * as assert from 'node:assert/strict';
import { rejectsWith, SeedIds, useEmulator } from './helpers';

describe('api/users and api/spaces over the emulator', () => {
  const h = useEmulator();

  it('getSpace returns the personal space and its containerId (type=1)', async () => {
    const space = await h.client().getSpace(h.owner.userId);
    assert.ok(space.containerId);
    assert.equal(space.ownerId, h.owner.userId);
    assert.equal(space.type, '1');
    const again = await h.client().getSpace(h.owner.userId, { containerId: space.containerId });
    assert.equal(again.containerId, space.containerId);
    const requests = await h.requests();
    assert.equal(requests[0].path, `/koodrive/ose/v1/space/${h.owner.userId}`);
    assert.deepEqual(requests[0].query, { type: '1' });
    assert.deepEqual(requests[1].query, { type: '1', containerId: space.containerId });
  });

  it("getSpace answers for a family member (D14), and is notPermitted for someone who shares no group", async () => {
    const space = await h.client().getSpace(h.member.userId);
    assert.equal(space.containerId, h.member.containerId);
    assert.match(space.capacityKb ?? '', /^\d+$/);
    assert.match(space.spaceUsed ?? '', /^\d+$/);
    await rejectsWith(h.client().getSpace(h.outsider.userId), 'notPermitted');
  });

  it('getUser returns a profile', async () => {
    const user = await h.client().getUser(SeedIds.users.member);
    assert.equal(user.userId, SeedIds.users.member);
    assert.equal(user.name, 'Zhang Min 张敏');
    await rejectsWith(h.client().getUser('1999999999999999999'), 'notFound');
  });

  it('getUserInfo looks a user up by id or by phone, always with a Bearer token', async () => {
    const client = h.client();
    const byId = await client.getUserInfo({ userId: SeedIds.users.outsider });
    assert.equal(byId.phone, '0027188460911');
    const byPhone = await client.getUserInfo({ phone: '0027188460911' });
    assert.equal(byPhone.userId, SeedIds.users.outsider);
    const requests = await h.requests();
    assert.deepEqual(requests.map((request) => request.query), [{ userId: SeedIds.users.outsider }, { phone: '0027188460911' }]);
    assert.ok(requests.every((request) => request.headers.authorization === 'Bearer <redacted>'));
  });

  it('getUserInfo needs a userId or a phone', async () => {
    await rejectsWith(h.client().getUserInfo({}), 'invalidInput');
    await rejectsWith(h.client().getUserInfo({ userId: '', phone: '' }), 'invalidInput');
    assert.equal((await h.requests()).length, 0);
  });

  it('getSpaceUsageByUser posts {userIds} and returns one entry per user', async () => {
    const quotas = await h.client().getSpaceUsageByUser([h.owner.userId, h.member.userId]);
    assert.deepEqual(quotas.map((quota) => quota.userId), [h.owner.userId, h.member.userId]);
    assert.equal(quotas[0].quota, '200');
    assert.equal(typeof quotas[0].used, 'number');
    const [request] = await h.requests();
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/koodrive/ose/v1/space/usage/user');
    assert.deepEqual(request.body, { userIds: [h.owner.userId, h.member.userId] });
    await rejectsWith(h.client().getSpaceUsageByUser([h.outsider.userId]), 'notPermitted');
  });

  it('getSpaceUsageByUser takes 1-50 non-empty ids, checked locally', async () => {
    const client = h.client();
    await rejectsWith(client.getSpaceUsageByUser([]), 'invalidInput');
    await rejectsWith(client.getSpaceUsageByUser(Array.from({ length: 51 }, () => h.owner.userId)), 'invalidInput');
    await rejectsWith(client.getSpaceUsageByUser([h.owner.userId, '']), 'invalidInput');
    assert.equal((await h.requests()).length, 0);
    assert.equal((await client.getSpaceUsageByUser(Array.from({ length: 50 }, () => h.owner.userId))).length, 1);
  });

  it('reports a success without data as badResponse', async () => {
    await h.emulator.control.addFault({ times: 2, fault: { type: 'status', status: 200, body: { code: 0, msg: 'success' } } });
    const error = await rejectsWith(h.client().getSpace(h.owner.userId), 'badResponse');
    assert.match(error.message, /no "data" object/);
    assert.equal(error.status, 200);
  });
});
