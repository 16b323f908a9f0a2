import * as assert from 'node:assert/strict';
import { newTraceId, TRACE_ID_LENGTH, TraceIds } from '../../../src/api/traceId';

describe('api/traceId (D4)', () => {
  it('is exactly 58 characters of lower-case hex', () => {
    assert.equal(TRACE_ID_LENGTH, 58);
    for (let i = 0; i < 100; i++) {
      assert.match(newTraceId(), /^[0-9a-f]{58}$/);
    }
  });

  it('is new every time', () => {
    const ids = new Set(Array.from({ length: 5_000 }, newTraceId));
    assert.equal(ids.size, 5_000);
  });

  it('is 58 hex characters and new every time when drawn from a pool', () => {
    const pool = new TraceIds();
    const ids = Array.from({ length: 5_000 }, () => pool.next());
    assert.ok(ids.every((id) => /^[0-9a-f]{58}$/.test(id)));
    assert.equal(new Set(ids).size, 5_000);
  });
});
