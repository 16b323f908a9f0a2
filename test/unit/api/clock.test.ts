import * as assert from 'node:assert/strict';
import { formatXDate, outsideWindow, ServerClock, STAMP_LAG_MS, WINDOW_MS } from '../../../src/api/clock';

describe('api/clock', () => {
  describe('formatXDate (D1)', () => {
    it('writes UTC yyyyMMddTHHmmssZ, month before day, milliseconds dropped', () => {
      assert.equal(formatXDate(Date.parse('2025-11-03T07:01:40.999Z')), '20251103T070140Z');
      assert.equal(formatXDate(Date.parse('2024-08-31T14:38:29.000Z')), '20240831T143829Z');
    });

    it('pads every field and never uses day-of-year', () => {
      assert.equal(formatXDate(Date.UTC(2026, 0, 2, 3, 4, 5)), '20260102T030405Z');
      assert.equal(formatXDate(Date.UTC(2025, 11, 31, 23, 59, 59)), '20251231T235959Z');
    });

    it('always matches the format the emulator enforces', () => {
      for (let i = 0; i < 200; i++) {
        assert.match(formatXDate(Math.floor(Math.random() * 4e12)), /^\d{8}T\d{6}Z$/);
      }
    });
  });

  describe('ServerClock (D2)', () => {
    it('stamps five seconds behind the local clock before learning anything', () => {
      const clock = new ServerClock(() => Date.UTC(2025, 10, 3, 7, 1, 45));
      assert.deepEqual(clock.stamp(), { header: '20251103T070140Z', at: Date.UTC(2025, 10, 3, 7, 1, 40) });
      assert.equal(clock.skew, 0);
    });

    it('learns the skew from a Date header and stamps serverNow - 5 s', () => {
      let local = Date.UTC(2025, 0, 1, 12, 0, 0);
      const clock = new ServerClock(() => local);
      const server = clock.learn('Wed, 01 Jan 2025 11:40:00 GMT'); // server 20 minutes behind
      assert.equal(server, Date.UTC(2025, 0, 1, 11, 40, 0));
      assert.equal(clock.skew, -20 * 60_000 + 500);
      local += 60_000;
      assert.equal(clock.serverNow(), Date.UTC(2025, 0, 1, 11, 41, 0, 500));
      assert.equal(clock.stamp().at, clock.serverNow() - STAMP_LAG_MS);
      assert.equal(clock.stamp().header, '20250101T114055Z');
    });

    it('after learning, stamps inside the server\'s window for any skew, and relearns rather than accumulates', () => {
      const local = Date.UTC(2025, 5, 15, 9, 30, 0, 250);
      const clock = new ServerClock(() => local);
      for (const skew of [-86_400_000, -20 * 60_000, -5_000, 0, 999, 10 * 60_000, 20 * 60_000, 86_400_000]) {
        const serverDate = Math.floor((local + skew) / 1000) * 1000; // Date is truncated to the second
        assert.equal(clock.learn(new Date(serverDate).toUTCString()), serverDate);
        const { at, header } = clock.stamp();
        assert.ok(at <= serverDate && at >= serverDate - WINDOW_MS, `skew ${skew}: ${header}`);
        assert.equal(outsideWindow(at, serverDate), false, `skew ${skew}`);
        assert.equal(header, formatXDate(at));
      }
    });

    it('ignores a missing or unreadable Date header', () => {
      const clock = new ServerClock(() => 1_000_000);
      assert.equal(clock.learn(undefined), undefined);
      assert.equal(clock.learn(null), undefined);
      assert.equal(clock.learn('yesterday-ish'), undefined);
      assert.equal(clock.skew, 0);
    });
  });

  describe('a poisoned clock heals (D17)', () => {
    const local = Date.UTC(2025, 5, 15, 9, 30, 0, 250);

    it('learns only from an IMF-fixdate', () => {
      const clock = new ServerClock(() => local);
      for (const header of ['Sat, 13 Sep 275760 00:00:00 GMT', '1', 'Sunday, 15-Jun-25 09:30:00 GMT', 'Sun Jun 15 09:30:00 2025', '2025-06-15T09:30:00Z', 'Sun, 15 Jun 2025 09:30:00 +0000', 'Sun, 31 Jun 2025 09:30:00 GMT', 'Sun, 15 Jun 2025 24:30:00 GMT', 'Mon, 15 Jun 2025 09:30:00 GMT', ' Sun, 15 Jun 2025 09:30:00 GMT']) {
        assert.equal(clock.learn(header), undefined, header);
        assert.equal(clock.skew, 0, header);
      }
      assert.equal(clock.learn('Sun, 15 Jun 2025 09:40:00 GMT'), Date.UTC(2025, 5, 15, 9, 40, 0));
    });

    it('ignores a skew beyond 24 hours, and learns one within', () => {
      const clock = new ServerClock(() => local);
      assert.equal(clock.learn('Tue, 17 Jun 2025 09:30:00 GMT'), undefined);
      assert.equal(clock.learn('Mon, 01 Jan 2001 00:00:00 GMT'), undefined);
      assert.equal(clock.skew, 0);
      assert.equal(clock.learn('Mon, 16 Jun 2025 09:00:00 GMT'), Date.UTC(2025, 5, 16, 9, 0, 0));
      assert.ok(clock.skew > 23 * 3_600_000);
    });

    it('never throws from stamping, whatever the clocks say', () => {
      for (const now of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1, -8.64e15 - 1, 253_402_300_800_000 /* year 10000 */]) {
        const clock = new ServerClock(() => now);
        const { header } = clock.stamp();
        assert.match(header, /^\d{8}T\d{6}Z$/, String(now));
      }
    });

    it('lets the next sane Date repair a bad one', () => {
      let now = local;
      const clock = new ServerClock(() => now);
      clock.learn('Sun, 15 Jun 2025 19:30:00 GMT'); // ten hours ahead: plausible, so learned
      now += 1_000;
      assert.equal(clock.learn('Sun, 15 Jun 2025 09:30:01 GMT'), Date.UTC(2025, 5, 15, 9, 30, 1));
      assert.equal(clock.stamp().header, '20250615T092956Z');
    });
  });

  describe('outsideWindow', () => {
    const server = Date.UTC(2025, 0, 1, 12, 0, 0);
    it('accepts stamps within [server - 15 min, server]', () => {
      assert.equal(outsideWindow(server - 5_000, server), false);
      assert.equal(outsideWindow(server - WINDOW_MS, server), false);
      assert.equal(outsideWindow(server + 999, server), false); // Date is truncated to the second
    });

    it('flags stamps certainly in the future or too old', () => {
      assert.equal(outsideWindow(server + 1_000, server), true);
      assert.equal(outsideWindow(server + 20 * 60_000, server), true);
      assert.equal(outsideWindow(server - WINDOW_MS - 1, server), true);
    });
  });
});
