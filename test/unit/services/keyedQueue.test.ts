import * as assert from 'node:assert/strict';
import { KeyedQueue, typicalDuration } from '../../../src/services/keyedQueue';

/** A lookup whose calls the test finishes by hand, recording what it was asked and what was aborted. */
function manual() {
  const calls: { key: string; signal: AbortSignal; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  let running = 0;
  let most = 0;
  const lookup = (key: string, signal: AbortSignal): Promise<string> => {
    running += 1;
    most = Math.max(most, running);
    return new Promise<string>((resolve, reject) => {
      const done = (): void => {
        running -= 1;
      };
      calls.push({ key, signal, finish: (value) => { done(); resolve(value); }, fail: (error) => { done(); reject(error); } });
    });
  };
  return { lookup, calls, most: () => most };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the details queue (KeyedQueue)', () => {
  it('runs at most eight lookups at a time, and starts the next as one ends', async () => {
    const { lookup, calls, most } = manual();
    const queue = new KeyedQueue(lookup, 8);
    const results = Array.from({ length: 50 }, (_, i) => queue.get(`F${i}`));
    await tick();
    assert.equal(calls.length, 8);
    assert.equal(queue.queued, 42);
    calls[0].finish('name 0');
    await tick();
    assert.equal(calls.length, 9, 'one ended, one started');
    for (let i = 1; i < 50; i++) {
      calls[i].finish(`name ${i}`);
      await tick();
    }
    assert.equal(calls.length, 50);
    assert.equal(most(), 8);
    assert.deepEqual((await Promise.all(results)).slice(0, 3), ['name 0', 'name 1', 'name 2']);
  });

  it('looks each key up once, however many rows ask, and serves it from the cache afterwards', async () => {
    const { lookup, calls } = manual();
    const queue = new KeyedQueue(lookup);
    const a = queue.get('F1');
    const b = queue.get('F1');
    await tick();
    assert.equal(calls.length, 1);
    calls[0].finish('Tomatoes.jpg');
    assert.deepEqual(await Promise.all([a, b]), ['Tomatoes.jpg', 'Tomatoes.jpg']);
    assert.equal(await queue.get('F1'), 'Tomatoes.jpg');
    assert.equal(calls.length, 1, 'no second lookup');
  });

  it('keeps at most cacheSize values, dropping the least recently used', async () => {
    let lookups = 0;
    const queue = new KeyedQueue((key) => { lookups += 1; return Promise.resolve(`v${key}`); }, 8, 3);
    for (const key of ['a', 'b', 'c']) {
      await queue.get(key);
    }
    await queue.get('a'); // a is now the most recent
    await queue.get('d'); // b leaves
    assert.equal(lookups, 4);
    assert.equal(queue.peek('b'), undefined);
    assert.equal(queue.peek('a'), 'va');
    await queue.get('b');
    assert.equal(lookups, 5, 'an evicted key is looked up again');
  });

  it('drops a queued lookup nobody waits for, and aborts a running one', async () => {
    const { lookup, calls } = manual();
    const queue = new KeyedQueue(lookup, 1);
    const collapse = new AbortController();
    const first = queue.get('F1', { signal: collapse.signal });
    const second = queue.get('F2', { signal: collapse.signal });
    await tick();
    assert.equal(calls.length, 1);
    collapse.abort();
    await assert.rejects(first, { name: 'Canceled' });
    await assert.rejects(second, { name: 'Canceled' });
    assert.equal(calls[0].signal.aborted, true, 'the running lookup was aborted');
    calls[0].fail(new Error('aborted'));
    await tick();
    assert.equal(calls.length, 1, 'the queued one never started');
    assert.equal(queue.queued, 0);
  });

  it('keeps a lookup going while another row still waits for it', async () => {
    const { lookup, calls } = manual();
    const queue = new KeyedQueue(lookup);
    const collapsed = new AbortController();
    const gone = queue.get('F1', { signal: collapsed.signal });
    const kept = queue.get('F1');
    await tick();
    collapsed.abort();
    await assert.rejects(gone, { name: 'Canceled' });
    assert.equal(calls[0].signal.aborted, false);
    calls[0].finish('kept.jpg');
    assert.equal(await kept, 'kept.jpg');
  });

  it('does not cache a failure: a later request tries again', async () => {
    let attempt = 0;
    const queue = new KeyedQueue(() => (++attempt === 1 ? Promise.reject(new Error('HTTP 503')) : Promise.resolve('ok')));
    await assert.rejects(queue.get('F1'), /HTTP 503/);
    assert.equal(await queue.get('F1'), 'ok');
  });

  it('forgets everything on clear (a new session)', async () => {
    let lookups = 0;
    const queue = new KeyedQueue((key) => { lookups += 1; return Promise.resolve(key); });
    await queue.get('F1');
    queue.clear();
    await queue.get('F1');
    assert.equal(lookups, 2);
  });

  it('looks up what the user sees before bulk work, even when the bulk was queued first', async () => {
    const { lookup, calls } = manual();
    const queue = new KeyedQueue(lookup, 1);
    const bulk = Array.from({ length: 10_000 }, (_, i) => queue.get(`B${i}`, { priority: 'bulk' }).catch(() => undefined));
    await tick();
    const visible = queue.get('V1');
    await tick();
    assert.equal(calls.length, 1, 'B0 runs; the rest wait');
    calls[0].finish('b');
    await tick();
    assert.equal(calls[1].key, 'V1', 'the visible lookup started next');
    calls[1].finish('v');
    assert.equal(await visible, 'v');
    queue.clear();
    await Promise.all(bulk);
  });

  it('moves a bulk lookup ahead when a visible row asks for the same key', async () => {
    const { lookup, calls } = manual();
    const queue = new KeyedQueue(lookup, 1);
    void queue.get('B0', { priority: 'bulk' });
    const both = [queue.get('B1', { priority: 'bulk' }), queue.get('B2', { priority: 'bulk' })];
    await tick();
    const seen = queue.get('B2');
    await tick();
    calls[0].finish('b0');
    await tick();
    assert.equal(calls[1].key, 'B2');
    calls[1].finish('b2');
    assert.equal(await seen, 'b2');
    assert.equal(await both[1], 'b2', 'the bulk asker gets the same answer');
    await tick();
    assert.equal(calls.length, 3, 'B2 was looked up once');
    assert.equal(calls[2].key, 'B1');
  });

  it('drops every lookup of a cancelled bulk walk, whatever their number, and keeps the others', async () => {
    const { lookup, calls } = manual();
    const queue = new KeyedQueue(lookup, 1);
    const walk = new AbortController();
    const bulk = Array.from({ length: 40_000 }, (_, i) => queue.get(`B${i}`, { signal: walk.signal, priority: 'bulk' }));
    await tick();
    const row = queue.get('V1');
    await tick();
    assert.equal(queue.queued, 40_000, '39,999 bulk and the row wait, B0 runs');
    walk.abort();
    const settled = await Promise.allSettled(bulk);
    assert.ok(settled.every((result) => result.status === 'rejected'));
    assert.equal(queue.queued, 1, 'only the row’s lookup still waits');
    assert.equal(calls[0].signal.aborted, true, 'the running bulk lookup was aborted');
    calls[0].fail(new Error('aborted'));
    await tick();
    assert.deepEqual(calls.map((call) => call.key), ['B0', 'V1']);
    calls[1].finish('v');
    assert.equal(await row, 'v');
  });

  it('hands the lookup what the first asker said about the key', async () => {
    const asked: string[] = [];
    const queue = new KeyedQueue<string, string>((key, _signal, owner) => {
      asked.push(`${key} of ${owner}`);
      return Promise.resolve(key);
    });
    await Promise.all([queue.get('F1', { context: 'A' }), queue.get('F1', { context: 'B' })]);
    assert.deepEqual(asked, ['F1 of A']);
  });

  it('judges how long a lookup takes by the fast ones, not by a slow start', async () => {
    assert.equal(typicalDuration([]), 0);
    const slowStart = Array.from({ length: 12 }, () => 2000);
    const steady = Array.from({ length: 40 }, (_, i) => 6 + (i % 3));
    assert.equal(typicalDuration([...slowStart, ...steady]), 6);
    assert.equal(typicalDuration([40, 10, 30, 20]), 10);
    let clock = 0;
    const queue = new KeyedQueue((key) => new Promise<string>((resolve) => setTimeout(() => resolve(key), clock)), 1);
    for (const [key, ms] of [['a', 30], ['b', 5], ['c', 5], ['d', 5]] as const) {
      clock = ms;
      await queue.get(key);
    }
    assert.ok(queue.typicalMs >= 4 && queue.typicalMs < 25, `a typical lookup of ${queue.typicalMs} ms`);
  });
});
