import * as assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, owner, traceId, xDate } from './helpers';

const LIST = '/album/list';
const listQuery = { albumKind: 1, albumType: 2 };
const MINUTE = 60_000;

describe('emulator: common headers (D1-D5)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const list = (headers: Record<string, string | undefined>) => call(emulator, LIST, { query: listQuery, headers });

  it('accepts a well-formed request', async () => {
    const result = await list({});
    assert.deepEqual(outcome(result), [200, 0]);
    assert.equal(result.json.msg, 'Success.');
  });

  describe('Authorization', () => {
    it('accepts "Bearer <token>" and "Bearer+<token>"', async () => {
      const token = owner(emulator).token;
      assert.deepEqual(outcome(await list({ Authorization: `Bearer ${token}` })), [200, 0]);
      assert.deepEqual(outcome(await list({ Authorization: `Bearer+${token}` })), [200, 0]);
    });

    for (const [label, value] of [
      ['missing', undefined],
      ['without scheme', 'TOKEN'],
      ['lower-case scheme', 'bearer TOKEN'],
      ['another scheme', 'Basic TOKEN'],
      ['AT+ outside GetUserInfo', 'AT+TOKEN'],
      ['an unknown token', 'Bearer 0000000000000000000000000000000000000000'],
      ['two spaces', 'Bearer  TOKEN'],
    ] as const) {
      it(`rejects ${label} with 401 naming Authorization`, async () => {
        const result = await list({ Authorization: value?.replace('TOKEN', owner(emulator).token) });
        assert.deepEqual(outcome(result), [401, 13000100]);
        assert.match(String(result.json.msg), /Authorization/);
      });
    }
  });

  describe('X-User-Id', () => {
    it('rejects a missing one with 401 naming X-User-Id', async () => {
      const result = await list({ 'X-User-Id': undefined });
      assert.deepEqual(outcome(result), [401, 13000100]);
      assert.match(String(result.json.msg), /X-User-Id/);
    });

    it("rejects another user's id", async () => {
      const result = await list({ 'X-User-Id': member(emulator).userId });
      assert.deepEqual(outcome(result), [401, 13000100]);
      assert.match(String(result.json.msg), /X-User-Id/);
    });
  });

  describe('X-Date', () => {
    for (const [label, value] of [
      ['missing', undefined],
      ['ISO with separators', new Date().toISOString()],
      ['without Z', xDate().slice(0, -1)],
      ['day-of-year typo (yyyyDDD)', '2025307T070140Z'],
      ['30 February', '20250230T070140Z'],
      ['hour 24', '20251103T240000Z'],
      ['16 minutes old', xDate(Date.now() - 16 * MINUTE)],
      ['1 minute in the future', xDate(Date.now() + MINUTE)],
    ] as const) {
      it(`rejects ${label} with 401 naming X-Date`, async () => {
        const result = await list({ 'X-Date': value });
        assert.deepEqual(outcome(result), [401, 13000100]);
        assert.match(String(result.json.msg), /X-Date/);
      });
    }

    it('accepts the edges of the window: now and 14m50s ago', async () => {
      assert.deepEqual(outcome(await list({ 'X-Date': xDate() })), [200, 0]);
      assert.deepEqual(outcome(await list({ 'X-Date': xDate(Date.now() - 14 * MINUTE - 50_000) })), [200, 0]);
    });

    it('follows the clock offset, and the Date header shows it', async () => {
      await emulator.control.setClockOffset(60 * MINUTE);
      const stale = await list({ 'X-Date': xDate() });
      assert.deepEqual(outcome(stale), [401, 13000100]);
      const serverNow = Date.parse(stale.headers.get('date') ?? '');
      assert.ok(Math.abs(serverNow - (Date.now() + 60 * MINUTE)) < 3000, 'Date header carries the offset clock');
      assert.deepEqual(outcome(await list({ 'X-Date': xDate(serverNow - 5000) })), [200, 0]);

      await emulator.control.setClockOffset(-10 * MINUTE);
      assert.deepEqual(outcome(await list({ 'X-Date': xDate() })), [401, 13000100], 'real now is the future for a slow server');
      assert.deepEqual(outcome(await list({ 'X-Date': xDate(Date.now() - 10 * MINUTE - 5000) })), [200, 0]);
    });
  });

  describe('X-Traceid', () => {
    it('rejects 57 and 59 characters with 400 / 13000102', async () => {
      assert.deepEqual(outcome(await list({ 'X-Traceid': traceId(57) })), [400, 13000102]);
      assert.deepEqual(outcome(await list({ 'X-Traceid': traceId(59) })), [400, 13000102]);
    });

    it('accepts exactly 58 characters, or none, and logs it', async () => {
      assert.deepEqual(outcome(await list({ 'X-Traceid': traceId(58) })), [200, 0]);
      assert.deepEqual(outcome(await list({})), [200, 0]);
      const [first, second] = await emulator.control.requests();
      assert.equal(first.traceId, traceId(58));
      assert.equal(second.traceId, undefined);
    });
  });

  describe('language', () => {
    for (const value of ['en', 'en-US', 'en_us', 'zh', 'zh-CN', 'zh_cn']) {
      it(`accepts ${value}`, async () => {
        assert.deepEqual(outcome(await list({ language: value })), [200, 0]);
      });
    }
    for (const value of ['english', 'en-us', 'EN', 'en_US', 'zh-Hans', '']) {
      it(`rejects "${value}" with 400 / 13000102`, async () => {
        assert.deepEqual(outcome(await list({ language: value })), [400, 13000102]);
      });
    }

    it('answers in Chinese for zh-*, in English otherwise', async () => {
      assert.equal((await list({ language: 'zh-CN' })).json.msg, '成功。');
      assert.equal((await call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 1 }, headers: { language: 'zh_cn' } })).json.msg, '成功');
      assert.equal((await call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 1 }, headers: { language: 'fr-FR' } })).json.msg, 'success');
      const error = await call(emulator, LIST, { query: { albumKind: 1, albumType: 2, pageSize: 0 }, headers: { language: 'zh-CN' } });
      assert.match(String(error.json.msg), /参数校验失败/);
    });
  });

  describe('relaxed pages (GetUserGroupMemberList, GetUserInfo)', () => {
    const members = `/usergroups/${SeedIds.groups.family}/members`;

    it('do not require X-User-Id and X-Date', async () => {
      const headers = { 'X-User-Id': undefined, 'X-Date': undefined };
      assert.deepEqual(outcome(await call(emulator, members, { query: { offset: 0, limit: 10 }, headers })), [200, 0]);
      assert.deepEqual(outcome(await call(emulator, '/user/info', { query: { userId: SeedIds.users.owner }, headers })), [200, 0]);
    });

    it('still check them when present', async () => {
      const wrongUser = await call(emulator, members, { query: { offset: 0, limit: 10 }, headers: { 'X-User-Id': member(emulator).userId } });
      assert.deepEqual(outcome(wrongUser), [401, 13000100]);
      const oldDate = await call(emulator, '/user/info', { query: { userId: SeedIds.users.owner }, headers: { 'X-Date': xDate(Date.now() - 20 * MINUTE) } });
      assert.deepEqual(outcome(oldDate), [401, 13000100]);
    });

    it('GetUserInfo accepts AT+<token>', async () => {
      const result = await call(emulator, '/user/info', { query: { userId: SeedIds.users.member }, headers: { Authorization: `AT+${owner(emulator).token}` } });
      assert.deepEqual(outcome(result), [200, 0]);
    });
  });
});
