import * as assert from 'node:assert/strict';
import { filterText, matchesFilter, parseItemFilter } from '../../../src/model/itemFilter';
import { formatEnglish as t } from '../../../src/model/localize';

describe('Filter Items…', () => {
  it('reads a name and date bounds, and an empty answer clears the filter', () => {
    const { filter } = parseItemFilter('  Tomato  after:2024-05-01 before:2024-05-31 ', t);
    assert.deepEqual(filter, { name: 'tomato', after: Date.UTC(2024, 4, 1), before: Date.UTC(2024, 4, 31) + 86_399_999 });
    assert.deepEqual(parseItemFilter('   ', t), {});
    assert.ok(filter);
    assert.equal(filterText(filter), 'tomato after:2024-05-01 before:2024-05-31');
  });

  it('refuses dates it cannot read, and bounds the wrong way round', () => {
    assert.match(parseItemFilter('after:2024-02-30', t).problem ?? '', /YYYY-MM-DD/);
    assert.match(parseItemFilter('before:yesterday', t).problem ?? '', /YYYY-MM-DD/);
    assert.match(parseItemFilter('after:2024-06-01 before:2024-05-01', t).problem ?? '', /later than/);
  });

  it('matches names case-insensitively and dates taken (else created) within the bounds', () => {
    const { filter } = parseItemFilter('tomato after:2024-05-01', t);
    assert.ok(filter);
    const tomatoes = { id: 'F1', takeTime: '2024-05-03T08:00:00Z' };
    const details = { id: 'F1', fileName: 'Garden TOMATOES.jpg' };
    assert.equal(matchesFilter(tomatoes, details, filter), true);
    assert.equal(matchesFilter({ id: 'F1', takeTime: '2024-04-30T23:59:59Z' }, details, filter), false);
    assert.equal(matchesFilter(tomatoes, { id: 'F1', fileName: 'Cucumber.jpg' }, filter), false);
    assert.equal(matchesFilter({ id: 'F1' }, { ...details, createdTime: '2024-06-01T00:00:00Z' }, filter), true, 'created when not taken');
    assert.equal(matchesFilter({ id: 'F1' }, details, filter), false, 'no date, no match on a date bound');
    assert.equal(matchesFilter({ id: 'Ftomato1' }, undefined, parseItemFilter('tomato', t).filter!), true, 'by id while the name is unknown');
  });
});
