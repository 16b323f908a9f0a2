import * as assert from 'node:assert/strict';
import { KooDriveError, type KooDriveErrorKind } from '../../../src/api/errors';
import { backoffMs, defaultRetryPolicy, isRetryable, parseRetryAfter, resolvePolicy, sleep } from '../../../src/api/retry';

describe('api/retry', () => {
  const policy = resolvePolicy();

  it('defaults to 3 attempts, 250 ms base, 8 s cap', () => {
    assert.deepEqual(policy, { attempts: 3, baseDelayMs: 250, maxDelayMs: 8_000 });
    assert.deepEqual(defaultRetryPolicy, policy);
  });

  it('takes valid overrides and ignores invalid ones', () => {
    assert.deepEqual(resolvePolicy({ attempts: 5, baseDelayMs: 1 }), { attempts: 5, baseDelayMs: 1, maxDelayMs: 8_000 });
    assert.deepEqual(resolvePolicy({ attempts: 0, baseDelayMs: -1, maxDelayMs: Number.NaN }), policy);
    assert.equal(resolvePolicy({ attempts: 2.7 }).attempts, 2);
  });

  it('backs off exponentially with full jitter', () => {
    assert.equal(backoffMs(1, policy, () => 0), 0);
    assert.equal(backoffMs(1, policy, () => 0.5), 125);
    assert.equal(backoffMs(1, policy, () => 0.999999), 250);
    assert.equal(backoffMs(2, policy, () => 0.999999), 500);
    assert.equal(backoffMs(3, policy, () => 0.5), 500);
    assert.equal(backoffMs(10, policy, () => 0.999999), 8_000);
    assert.equal(backoffMs(60, policy, () => 0.5), 4_000);
  });

  it('stays within [0, min(cap, base * 2^(attempt-1))] whatever the jitter source returns', () => {
    const small = resolvePolicy({ baseDelayMs: 1, maxDelayMs: 20 });
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(20, 2 ** (attempt - 1));
      for (const r of [0, 0.3, 0.999, 1, 7, -3]) {
        const ms = backoffMs(attempt, small, () => r);
        assert.ok(ms >= 0 && ms <= ceiling, `attempt ${attempt}, random ${r}: ${ms}`);
      }
    }
    assert.equal(backoffMs(1, small, () => 0.5, -5_000), 0);
  });

  it('spreads delays across the whole window', () => {
    const delays = Array.from({ length: 1_000 }, () => backoffMs(3, policy, Math.random));
    assert.ok(delays.every((ms) => ms >= 0 && ms <= 1_000));
    assert.ok(Math.min(...delays) < 100 && Math.max(...delays) > 900);
  });

  it('honours Retry-After, capped', () => {
    assert.equal(backoffMs(1, policy, () => 0.5, 2_000), 2_000);
    assert.equal(backoffMs(1, policy, () => 0.5, 0), 0);
    assert.equal(backoffMs(1, policy, () => 0.5, 120_000), 8_000);
  });

  it('parses Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2025-11-03T07:01:40Z');
    assert.equal(parseRetryAfter('2', now), 2_000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Mon, 03 Nov 2025 07:01:45 GMT', now), 5_000);
    assert.equal(parseRetryAfter('Mon, 03 Nov 2025 07:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('Monday, 03-Nov-25 07:01:50 GMT', now), 10_000); // RFC 850 form
    assert.equal(parseRetryAfter('120', now), 120_000);
    for (const junk of [undefined, null, '', 'soon', '-1', '1.5', '2 seconds', 'Mon, 99 Foo 2025 99:99:99 GMT', '0x10', '1e3']) {
      assert.equal(parseRetryAfter(junk, now), undefined, String(junk));
    }
  });

  it('retries only throttling, server, network and timeout failures; never a mismatch of bytes or a full disk (D22)', () => {
    const kinds: KooDriveErrorKind[] = ['sessionExpired', 'notPermitted', 'notFound', 'invalidInput', 'throttled', 'server', 'network', 'timeout', 'cancelled', 'badResponse', 'tooLarge', 'integrity', 'disk', 'configuration'];
    const retryable = kinds.filter((kind) => isRetryable(new KooDriveError({ kind, method: 'GET', path: '/p' })));
    assert.deepEqual(retryable, ['throttled', 'server', 'network', 'timeout']);
  });

  it('sleeps, and stops early when the signal aborts', async () => {
    await sleep(20);
    const controller = new AbortController();
    // Were the abort ignored, this would resolve after 10 s and assert.rejects would fail.
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(pending);
    await assert.rejects(sleep(10, AbortSignal.abort()));
  });
});
