import * as assert from 'node:assert/strict';
import { KooDriveError, type KooDriveErrorInit } from '../../../src/api/errors';
import { queryString } from '../../../src/api/request';

const fail = (init: Omit<KooDriveErrorInit, 'method' | 'path'>): KooDriveError => new KooDriveError({ ...init, method: 'GET', path: '/p' });

describe('api/request', () => {
  it('writes the query exactly as URLSearchParams would, leaving out undefined values', () => {
    const queries: Record<string, string | number | undefined>[] = [
      { a: 1, b: 'x y', c: 'a&b=c 家', d: undefined, e: '*._-', f: "~!'()", g: '', h: 'F_abc-123.x' },
      { n: 1.5, m: -3, big: '1765148492881313793' },
      {},
      { only: undefined },
    ];
    for (const query of queries) {
      const reference = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined).map(([key, value]) => [key, String(value)])).toString();
      assert.equal(queryString(query, fail), reference ? `?${reference}` : '', JSON.stringify(query));
    }
  });

  it('refuses a value with a lone surrogate, which URLSearchParams would silently alter', () => {
    assert.throws(() => queryString({ keyWord: 'a\uDC00b' }, fail), (error) => error instanceof KooDriveError && error.kind === 'invalidInput' && /keyWord/.test(error.message));
  });
});
