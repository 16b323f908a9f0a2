import * as assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { call, outcome } from './helpers';

describe('emulator: fault injection', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  const albums = () => call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 } });
  const folders = () => call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 10 } });

  it('status: answers the given status, body and headers for the next N requests', async () => {
    await emulator.control.addFault({ times: 2, fault: { type: 'status', status: 503, body: { code: 13000201, msg: 'busy' }, headers: { 'Retry-After': '1' } } });
    for (let i = 0; i < 2; i++) {
      const result = await albums();
      assert.deepEqual(outcome(result), [503, 13000201]);
      assert.equal(result.headers.get('retry-after'), '1');
      assert.ok(result.headers.get('date'));
    }
    assert.deepEqual(outcome(await albums()), [200, 0]);
    const log = await emulator.control.requests();
    assert.deepEqual(log.map((entry) => [entry.status, entry.code]), [[503, 13000201], [503, 13000201], [200, 0]]);
  });

  it('matches by method and path pattern', async () => {
    await emulator.control.addFault({ method: 'get', pathPattern: '/sharefolder/', fault: { type: 'status', status: 429 } });
    assert.deepEqual(outcome(await albums()), [200, 0]);
    const limited = await folders();
    assert.equal(limited.status, 429);
    assert.equal(limited.text, '');
    assert.deepEqual(outcome(await folders()), [200, 0]);
  });

  it('delay: holds the matching request back (a later one answers first), then answers it normally', async () => {
    await emulator.control.addFault({ pathPattern: '/album/list$', fault: { type: 'delay', ms: 300 } });
    const order: string[] = [];
    const delayed = albums().then((result) => {
      order.push('delayed');
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = await call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 10 } });
    order.push('other');
    assert.deepEqual(outcome(other), [200, 0]);
    assert.deepEqual(outcome(await delayed), [200, 0]);
    assert.deepEqual(order, ['other', 'delayed']);
  });

  it('drop: closes the connection without an answer, and logs status 0', async () => {
    await emulator.control.addFault({ fault: { type: 'drop' } });
    await assert.rejects(albums());
    assert.deepEqual(outcome(await albums()), [200, 0]);
    assert.equal((await emulator.control.requests())[0].status, 0);
  });

  it('lostAnswer: carries the request out, then closes the connection without an answer', async () => {
    const created = () => call(emulator, '/sharefolder/list', { query: { offset: 0, limit: 10, queryType: 1 } });
    const [first] = (await created()).json.folders as { id: string }[];
    await emulator.control.addFault({ pathPattern: 'sharefolder/delete', fault: { type: 'lostAnswer' } });
    await assert.rejects(call(emulator, '/sharefolder/delete', { method: 'POST', body: { id: first.id } }));
    const left = (await created()).json.folders as { id: string }[];
    assert.ok(!left.some((folder) => folder.id === first.id), 'the folder was deleted although no answer came');
    assert.equal((await emulator.control.requests()).find((entry) => entry.path.endsWith('/sharefolder/delete'))?.status, 0);
  });

  it('malformedJson: 200 with a truncated JSON body', async () => {
    await emulator.control.addFault({ fault: { type: 'malformedJson' } });
    const result = await albums();
    assert.equal(result.status, 200);
    assert.match(result.headers.get('content-type') ?? '', /application\/json/);
    assert.throws(() => JSON.parse(result.text) as unknown);
  });

  it('html: an HTML error page with the given status', async () => {
    await emulator.control.addFault({ fault: { type: 'html', status: 502 } });
    const result = await albums();
    assert.equal(result.status, 502);
    assert.match(result.headers.get('content-type') ?? '', /text\/html/);
    assert.match(result.text, /<html/);
  });

  it('clearFaults drops pending rules; bad rules are refused', async () => {
    await emulator.control.addFault({ times: 5, fault: { type: 'status', status: 500 } });
    await emulator.control.clearFaults();
    assert.deepEqual(outcome(await albums()), [200, 0]);
    await assert.rejects(emulator.control.addFault({ fault: { type: 'status', status: 42 } }), /HTTP 400/);
    await assert.rejects(emulator.control.addFault({ pathPattern: '(', fault: { type: 'drop' } }), /HTTP 400/);
    await assert.rejects(emulator.control.addFault({ fault: { type: 'explode' } } as never), /HTTP 400/);
  });

  it('close() ends pending delays and idle keep-alive connections instead of waiting them out', async () => {
    const other = await startEmulator();
    await call(other, '/album/list', { query: { albumKind: 1, albumType: 2 } });
    // Ten minutes: were close() to wait for it, the test would run into its own time limit.
    await other.control.addFault({ fault: { type: 'delay', ms: 600_000 } });
    const pending = call(other, '/album/list', { query: { albumKind: 1, albumType: 2 } }).catch(() => 'failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await other.close();
    assert.equal(await pending, 'failed');
  });
});
