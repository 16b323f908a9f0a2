import * as assert from 'node:assert/strict';
import { formatEnglish as t } from '../../../src/model/localize';
import { formatKb, quotaFacts, quotaSummary } from '../../../src/model/quota';

const GB = 1024 * 1024;

describe('quota wording (model/quota)', () => {
  it('prefers the exact capacityKb, then capacity in GB, then the usage quota', () => {
    assert.deepEqual(quotaFacts({ type: '1', ownerId: '1', containerId: 'c', capacity: '200', capacityKb: String(200 * GB), spaceUsed: String(3 * GB) }, undefined), { totalKb: 200 * GB, usedKb: 3 * GB });
    assert.deepEqual(quotaFacts({ type: '1', ownerId: '1', containerId: 'c', capacity: '100' }, { quota: '50', used: 1024 }), { totalKb: 100 * GB, usedKb: 1024 });
    assert.deepEqual(quotaFacts(undefined, { quota: '50', used: '2048' }), { totalKb: 50 * GB, usedKb: 2048 });
    assert.deepEqual(quotaFacts({ type: '1', ownerId: '1', containerId: 'c', capacity: 'lots', spaceUsed: '-1' }, undefined), { totalKb: undefined, usedKb: undefined });
  });

  it('says how much of how much is used', () => {
    assert.equal(quotaSummary({ totalKb: 200 * GB, usedKb: 12.34 * GB }, t), '12.3 GB of 200 GB used (6%)');
    assert.equal(quotaSummary({ usedKb: 300 * 1024 }, t), '300 MB used');
    assert.equal(quotaSummary({ totalKb: 200 * GB }, t), '200 GB in all');
    assert.equal(quotaSummary({}, t), undefined);
    assert.equal(formatKb(12), '12 KB');
    assert.equal(quotaSummary({ totalKb: 0, usedKb: 0 }, t), '0 KB of 0 KB used (0%)');
  });
});
