import * as assert from 'node:assert/strict';
import { uniqueByKey } from '../../../src/api/unique';

/** What a Set gives: first occurrence of each non-blank string, in order. */
function reference(ids: unknown[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id): id is string => typeof id === 'string' && id.trim() !== '' && !seen.has(id) && Boolean(seen.add(id)));
}

describe('api/unique (D10)', () => {
  it('keeps the first occurrence of each id, in order, without blanks or non-strings', () => {
    const ids = ['b', 'a', 'b', '', 'c', 'a', '  ', '\u00a0\u2003', '\ufeff', 7, null, ' d', 'd', ' d'] as unknown[];
    assert.deepEqual(uniqueByKey(ids as string[]).keys, ['b', 'a', 'c', ' d', 'd']);
  });

  it('agrees with a Set on 200,000 ids full of duplicates and near-collisions', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `F${(i * 7919) % 65_537}`);
    const { items, keys } = uniqueByKey(ids);
    assert.deepEqual(keys, reference(ids));
    assert.equal(items, keys);
  });

  it('keeps the items of a key function beside their keys', () => {
    const files = [{ fileId: 'x' }, { fileId: 'y' }, { fileId: 'x' }, { fileId: '' }, { name: 'no id' }] as { fileId: string }[];
    const { items, keys } = uniqueByKey(files, (file) => file?.fileId);
    assert.deepEqual(keys, ['x', 'y']);
    assert.deepEqual(items, [files[0], files[1]]);
  });
});
