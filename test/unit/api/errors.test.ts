import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { isKind, isKooDriveError, KooDriveError, kindFor } from '../../../src/api/errors';

describe('api/errors (D7)', () => {
  it('classifies HTTP status and result code', () => {
    const table: [number, string | undefined, string][] = [
      [401, '13000100', 'sessionExpired'],
      [401, undefined, 'sessionExpired'],
      [400, '13000410', 'notPermitted'],
      [403, undefined, 'notPermitted'],
      [400, '13000309', 'notFound'],
      [404, undefined, 'notFound'],
      [404, '13000102', 'invalidInput'],
      [400, '13000102', 'invalidInput'],
      [400, '13000405', 'invalidInput'],
      [200, '13000410', 'notPermitted'],
      [429, undefined, 'throttled'],
      [500, '13000201', 'server'],
      [400, '13000201', 'server'],
      [200, '13000201', 'server'],
      [503, undefined, 'server'],
    ];
    for (const [status, code, kind] of table) {
      assert.equal(kindFor(status, code), kind, `${status} ${code}`);
    }
  });

  it('states what failed in readable English, with the trace id', () => {
    const error = new KooDriveError({ kind: 'sessionExpired', method: 'GET', path: '/koodrive/ose/v1/album/list', traceId: 't'.repeat(58), status: 401, code: '13000100', serverMessage: 'X-Date is in the future.' });
    assert.equal(error.message, `GET /koodrive/ose/v1/album/list failed: HTTP 401, code 13000100: X-Date is in the future. (trace id ${'t'.repeat(58)})`);
    assert.equal(error.name, 'KooDriveError');
    assert.ok(error instanceof Error);
  });

  it('words failures without an answer, and those never sent', () => {
    const path = '/koodrive/ose/v1/sharefolder/list';
    assert.equal(new KooDriveError({ kind: 'timeout', method: 'GET', path, traceId: 'abc', detail: 'no answer within 100 ms' }).message, `GET ${path} failed: no answer within 100 ms (trace id abc)`);
    assert.equal(new KooDriveError({ kind: 'network', method: 'GET', path, traceId: 'abc', detail: 'ECONNREFUSED' }).message, `GET ${path} failed: network error (ECONNREFUSED) (trace id abc)`);
    assert.equal(new KooDriveError({ kind: 'cancelled', method: 'GET', path }).message, `GET ${path} failed: cancelled`);
    assert.equal(new KooDriveError({ kind: 'configuration', method: 'GET', path, detail: 'no KooDrive user id is set' }).message, `GET ${path} was not sent: no KooDrive user id is set`);
    assert.equal(new KooDriveError({ kind: 'badResponse', method: 'GET', path, traceId: 'abc', status: 200, detail: 'the answer was not JSON' }).message, `GET ${path} failed: HTTP 200: the answer was not JSON (trace id abc)`);
    assert.equal(new KooDriveError({ kind: 'configuration', method: '', path: '', detail: 'The KooDrive endpoint is not set.' }).message, 'The KooDrive endpoint is not set.');
    const disk = new KooDriveError({ kind: 'disk', method: 'GET', path: '/__files/content/F1', traceId: 'abc', systemCode: 'ENOSPC' });
    assert.deepEqual([disk.message, disk.systemCode], ['GET /__files/content/F1 failed: disk error (ENOSPC) (trace id abc)', 'ENOSPC']);
    const mismatch = new KooDriveError({ kind: 'integrity', method: 'GET', path: '/f', detail: 'size: expected 10 bytes, received 9' });
    assert.equal(mismatch.message, 'GET /f failed: size: expected 10 bytes, received 9');
  });

  it('carries its fields, and an empty trace id when nothing was sent', () => {
    const error = new KooDriveError({ kind: 'throttled', method: 'GET', path: '/p', traceId: 'x', status: 429, retryAfterMs: 2000 });
    assert.deepEqual({ kind: error.kind, status: error.status, retryAfterMs: error.retryAfterMs, traceId: error.traceId }, { kind: 'throttled', status: 429, retryAfterMs: 2000, traceId: 'x' });
    assert.equal(new KooDriveError({ kind: 'invalidInput', method: 'GET', path: '/p' }).traceId, '');
  });

  it('is recognised by shape, so a second copy of the module still matches', () => {
    const error = new KooDriveError({ kind: 'notFound', method: 'GET', path: '/p', traceId: 'x' });
    assert.ok(isKooDriveError(error));
    assert.ok(isKind(error, 'notFound'));
    assert.ok(!isKind(error, 'server'));
    const lookalike = Object.assign(new Error('m'), { name: 'KooDriveError', kind: 'server' });
    assert.ok(isKooDriveError(lookalike));
    assert.ok(!isKooDriveError(new Error('plain')));
    assert.ok(!isKooDriveError({ name: 'KooDriveError', kind: 'server' }));
    assert.ok(!isKooDriveError(undefined));
  });

  it('serialises without surprises', () => {
    const error = new KooDriveError({ kind: 'server', method: 'GET', path: '/p', traceId: 'x', status: 503 });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    assert.equal(json.kind, 'server');
    assert.match(inspect(error), /kind: 'server'/);
  });
});
