import * as assert from 'node:assert/strict';
import type { GetSpaceResponse, SpaceUsageByUserResponse } from '../../../src/api/types';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, outsider } from './helpers';

const { users, folders } = SeedIds;

describe('emulator: spaces (GetSpace §5.4, GetSpaceUsageByUser §5.6)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const space = (ownerId: string, query: Record<string, string | number> = { type: 1 }, user = emulator.users[0]) => call(emulator, `/space/${ownerId}`, { query, user });
  const usage = (body: unknown, user = emulator.users[0]) => call(emulator, '/space/usage/user', { method: 'POST', body, user });

  describe('GetSpace', () => {
    it('returns data.containerId, capacity in GB, capacityKb and spaceUsed in KB, and needs type=1', async () => {
      const data = ((await space(users.owner)).json as GetSpaceResponse).data;
      assert.equal(data?.containerId, 'IAAFanxbXNArpAncA1644817543959100032');
      assert.equal(data?.capacity, '200');
      assert.equal(data?.capacityKb, String(200 * 1024 * 1024));
      assert.match(data?.spaceUsed ?? '', /^\d+$/);
      assert.ok(Number(data?.spaceUsed) < Number(data?.capacityKb));
      assert.deepEqual(outcome(await space(users.owner, {})), [400, 13000102]);
      assert.deepEqual(outcome(await space(users.owner, { type: 2 })), [400, 13000102]);
      assert.deepEqual(outcome(await space(users.owner, { type: 1, containerId: 'IAAFother' })), [400, 13000309]);
      assert.deepEqual(outcome(await space('1999999999999999999')), [400, 13000309]);
    });

    it("answers for a user who shares a family group with the caller (D14), not for an outsider", async () => {
      const memberSpace = ((await space(users.member)).json as GetSpaceResponse).data;
      assert.equal(memberSpace?.containerId, member(emulator).containerId);
      assert.equal(((await space(users.relative)).json as GetSpaceResponse).data?.ownerId, users.relative);
      assert.deepEqual(outcome(await space(users.owner, { type: 1 }, member(emulator))), [200, 0]);
      assert.deepEqual(outcome(await space(users.outsider)), [400, 13000410]);
      assert.deepEqual(outcome(await space(users.owner, { type: 1 }, outsider(emulator))), [400, 13000410]);
    });

    it('stops answering once the shared group is gone', async () => {
      assert.deepEqual(outcome(await call(emulator, '/sharefolder/delete', { method: 'POST', body: { id: folders.family } })), [200, 0]);
      assert.deepEqual(outcome(await space(users.relative)), [400, 13000410], 'the relative shared only the family folder');
      assert.deepEqual(outcome(await space(users.member)), [200, 0], 'the member still shares "Zhang Family"');
    });
  });

  describe('GetSpaceUsageByUser', () => {
    it('returns one entry per distinct user: quota in GB, used in KB, and the dates', async () => {
      const result = await usage({ userIds: [users.owner, users.member, users.owner], limit: 10, offset: 0 });
      assert.deepEqual(outcome(result), [200, 0]);
      const body = result.json as SpaceUsageByUserResponse;
      assert.equal(body.total, 2);
      assert.deepEqual(body.data?.map((entry) => entry.userId), [users.owner, users.member]);
      const [own] = body.data ?? [];
      assert.equal(own.quota, '200');
      assert.equal(typeof own.used, 'number');
      const ownSpace = ((await space(users.owner)).json as GetSpaceResponse).data;
      assert.equal(String(own.used), ownSpace?.spaceUsed, 'the same figure GetSpace shows');
      assert.ok(Date.parse(own.createTime ?? '') <= Date.parse(own.effectiveTime ?? '') && Date.parse(own.effectiveTime ?? '') < Date.parse(own.expirationTime ?? ''));
    });

    it('pages with limit and offset', async () => {
      const body = (await usage({ userIds: [users.owner, users.member, users.relative], limit: 1, offset: 1 })).json as SpaceUsageByUserResponse;
      assert.deepEqual([body.data?.map((entry) => entry.userId), body.total], [[users.member], 3]);
    });

    it("takes 1-50 user ids and refuses users outside the caller's groups", async () => {
      for (const body of [{}, { userIds: [] }, { userIds: Array.from({ length: 51 }, () => users.owner) }, { userIds: [1] }, { userIds: users.owner }, { userIds: [users.owner], limit: 0 }]) {
        assert.deepEqual(outcome(await usage(body)), [400, 13000102], JSON.stringify(body).slice(0, 60));
      }
      assert.deepEqual(outcome(await usage({ userIds: Array.from({ length: 50 }, () => users.owner) })), [200, 0]);
      assert.deepEqual(outcome(await usage({ userIds: [users.owner, users.outsider] })), [400, 13000410]);
      assert.deepEqual(outcome(await usage({ userIds: ['1999999999999999999'] })), [400, 13000309]);
      assert.deepEqual(outcome(await usage({ userIds: [users.outsider] }, outsider(emulator))), [200, 0]);
    });
  });
});
