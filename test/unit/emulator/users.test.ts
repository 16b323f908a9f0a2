import * as assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, outcome } from './helpers';

const { users } = SeedIds;

describe('emulator: users (§5.1, §5.3)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it('GetUser returns data with name, userId and a masked mobile', async () => {
    const result = await call(emulator, `/users/${users.member}`);
    assert.deepEqual(outcome(result), [200, 0]);
    const data = result.json.data as Record<string, unknown>;
    assert.equal(data.name, 'Zhang Min 张敏');
    assert.equal(data.userId, users.member);
    assert.match(String(data.mobile), /\*{4}/);
    assert.deepEqual(outcome(await call(emulator, '/users/1')), [400, 13000309]);
  });

  it('GetUserInfo looks up by userId (phone ignored) or by phone', async () => {
    const byId = await call(emulator, '/user/info', { query: { userId: users.owner, phone: '0027829876543' } });
    assert.deepEqual((byId.json.data as Record<string, unknown>).surname, 'Li');
    const byPhone = await call(emulator, '/user/info', { query: { phone: '0027829876543' } });
    assert.deepEqual((byPhone.json.data as Record<string, unknown>).userId, users.member);
    assert.deepEqual(outcome(await call(emulator, '/user/info')), [400, 13000102]);
    assert.deepEqual(outcome(await call(emulator, '/user/info', { query: { phone: '0000' } })), [400, 13000309]);
  });
});
