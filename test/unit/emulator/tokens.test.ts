import * as assert from 'node:assert/strict';
import { startEmulator, type EmulatorUser, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, outsider, owner } from './helpers';

describe('emulator: tokens per user', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  /** [status, code] of the caller's album list, sent with `token` and `userId`. */
  const listAs = async (token: string, userId: string) =>
    outcome(await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 }, headers: { Authorization: `Bearer ${token}`, 'X-User-Id': userId } }));
  const works = (user: EmulatorUser, token = user.token) => listAs(token, user.userId);

  it("judges every request by its own X-User-Id and token: the owner's token with the member's id is refused", async () => {
    assert.deepEqual(await listAs(owner(emulator).token, member(emulator).userId), [401, 13000100]);
    assert.deepEqual(await listAs(member(emulator).token, owner(emulator).userId), [401, 13000100]);
    assert.deepEqual(await works(owner(emulator)), [200, 0]);
    assert.deepEqual(await works(member(emulator)), [200, 0]);
  });

  it("rotateToken replaces one user's token: the old one gets 401, the new one works, the others' tokens still work", async () => {
    const old = member(emulator).token;
    const rotated = await emulator.control.rotateToken(SeedIds.users.member);
    assert.equal(rotated.userId, SeedIds.users.member);
    assert.match(rotated.token, /^[0-9a-f]{64}$/);
    assert.notEqual(rotated.token, old);
    assert.deepEqual(await works(member(emulator), old), [401, 13000100]);
    assert.deepEqual(await works(member(emulator), rotated.token), [200, 0]);
    assert.deepEqual(await works(owner(emulator)), [200, 0]);
    assert.deepEqual(await works(outsider(emulator)), [200, 0]);
    const download = await fetch(`${emulator.url}/__files/content/${SeedIds.files.tripPlan}`, { headers: { Authorization: `Bearer ${old}`, 'X-User-Id': SeedIds.users.member } });
    assert.equal(download.status, 401, 'downloads too');
    assert.equal((await emulator.control.users()).find((user) => user.role === 'member')?.token, rotated.token);
  });

  it('reset() brings back the seeded tokens', async () => {
    const rotated = await emulator.control.rotateToken(SeedIds.users.owner);
    await emulator.control.reset();
    assert.deepEqual(await works(owner(emulator)), [200, 0]);
    assert.deepEqual(await works(owner(emulator), rotated.token), [401, 13000100]);
  });

  it('refuses an unknown user and one who never calls the API', async () => {
    await assert.rejects(emulator.control.rotateToken('1'), /HTTP 400.*No user 1/);
    await assert.rejects(emulator.control.rotateToken(SeedIds.users.relative), /HTTP 400.*no token/);
  });
});
