import * as assert from 'node:assert/strict';
import { normaliseMobile } from '../../../src/model/phone';

describe('mobile numbers in the documented form (§4.1, D20)', () => {
  it('accepts the documented form as typed, with spaces, dashes or a leading +', () => {
    assert.equal(normaliseMobile('0027821234567'), '0027821234567');
    assert.equal(normaliseMobile('0086 138 0013 8000'), '008613800138000');
    assert.equal(normaliseMobile('+86 13800138000'), '008613800138000');
    assert.equal(normaliseMobile(' +27-82-123-4567 '), '0027821234567');
    assert.equal(normaliseMobile('(0027) 82.123.4567'), '0027821234567');
  });

  it('refuses what is not an international number of digits', () => {
    for (const bad of ['', '13800138000', '86 13800138000', '0086', '00861234', '0086abc138001380', '+86 1380013800000000000', '++8613800138000', '0086 138 0013 8000 ext 2']) {
      assert.equal(normaliseMobile(bad), undefined, bad);
    }
  });
});
