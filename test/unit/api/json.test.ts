import * as assert from 'node:assert/strict';
import { normaliseIds, parseLossless, quoteBigIntegers } from '../../../src/api/json';

describe('api/json (D8)', () => {
  it('keeps every digit of an integer beyond 2^53', () => {
    const body = parseLossless('{"data":{"groupId":1765148492881313793,"id":"1765148493107805441"},"code":0}') as { data: { groupId: string } };
    assert.equal(body.data.groupId, '1765148492881313793');
    const naive = JSON.parse('{"groupId":1765148492881313793}') as { groupId: number };
    assert.notEqual(String(naive.groupId), '1765148492881313793'); // what plain JSON.parse does
  });

  it('handles negative and exactly-2^53 literals', () => {
    assert.deepEqual(parseLossless('[-9007199254740993, 9007199254740992, 9007199254740991]'), ['-9007199254740993', '9007199254740992', 9007199254740991]);
  });

  it('leaves safe integers, decimals and exponents as numbers', () => {
    assert.deepEqual(parseLossless('{"total":250,"ratio":0.5,"big":1e21,"neg":-3,"dec":12345678901234567890.5}'), { total: 250, ratio: 0.5, big: 1e21, neg: -3, dec: Number('12345678901234567890.5') });
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    const text = '{"msg":"id 12345678901234567890 \\" 98765432109876543210","x":"\\\\","n":12345678901234567890}';
    assert.deepEqual(parseLossless(text), { msg: 'id 12345678901234567890 " 98765432109876543210', x: '\\', n: '12345678901234567890' });
    assert.equal(quoteBigIntegers('"12345678901234567890"'), '"12345678901234567890"');
  });

  it('quotes exactly the unsafe integer literals, and nothing else', () => {
    assert.equal(quoteBigIntegers('{"groupId":1765148492881313793}'), '{"groupId":"1765148492881313793"}');
    assert.equal(quoteBigIntegers('[-1765148492881313793,-5]'), '["-1765148492881313793",-5]');
    assert.equal(quoteBigIntegers('[9007199254740991,9007199254740992]'), '[9007199254740991,"9007199254740992"]');
    // Exponents and fractions are not integers: left for JSON.parse, even with many digits.
    for (const literal of ['1e21', '1E+21', '-2.5e-3', '12345678901234567890e2', '12345678901234567890.5', '0.1234567890123456789']) {
      assert.equal(quoteBigIntegers(`{"x":${literal}}`), `{"x":${literal}}`, literal);
    }
    assert.equal(quoteBigIntegers('{"a":{"b":[{"c":[12345678901234567890]}]}}'), '{"a":{"b":[{"c":["12345678901234567890"]}]}}');
    assert.equal(quoteBigIntegers('{"msg":"12345678901234567890","id":12345678901234567890}'), '{"msg":"12345678901234567890","id":"12345678901234567890"}');
    assert.equal(quoteBigIntegers('{"12345678901234567890":1}'), '{"12345678901234567890":1}');
  });

  it('works in nested arrays and objects', () => {
    const parsed = parseLossless('{"a":[[1,[18446744073709551615]],{"b":[{"c":10000000000000000001}]}]}');
    assert.deepEqual(parsed, { a: [[1, ['18446744073709551615']], { b: [{ c: '10000000000000000001' }] }] });
  });

  it('turns every id field into a string, small numbers included', () => {
    const parsed = parseLossless('{"folders":[{"id":17,"ownerId":1644817543959100032,"groupId":"1765148492881313793","creator":5,"name":"x","maxMember":10}],"ids":[1,2],"inviteId":3,"userId":4,"containerId":5,"shareFolderId":6,"shareFolderFileId":7,"fileId":8}');
    assert.deepEqual(parsed, {
      folders: [{ id: '17', ownerId: '1644817543959100032', groupId: '1765148492881313793', creator: '5', name: 'x', maxMember: 10 }],
      ids: ['1', '2'],
      inviteId: '3',
      userId: '4',
      containerId: '5',
      shareFolderId: '6',
      shareFolderFileId: '7',
      fileId: '8',
    });
  });

  it('keeps non-numeric id values and nulls as they are', () => {
    assert.deepEqual(normaliseIds({ id: null, groupId: { nested: 1 }, ownerId: true }), { id: null, groupId: { nested: 1 }, ownerId: true });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const parsed = parseLossless('{"__proto__":{"polluted":1},"id":1}') as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.deepEqual(Object.keys(parsed), ['__proto__', 'id']);
  });

  it('still rejects invalid JSON', () => {
    assert.throws(() => parseLossless('{"code":0,"albumList":[{"id":"1795607640592646273","name":"West La'), SyntaxError);
    assert.throws(() => parseLossless('<html></html>'), SyntaxError);
    assert.throws(() => parseLossless('{"data": "1309243162258308352" "code": 0}'), SyntaxError);
  });

  it('parses a large body with every digit of every id', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `{"id":${1805929618625036421n + BigInt(i)},"name":"item ${i} 123456789012345678901"}`);
    const parsed = parseLossless(`[${items.join(',')}]`) as { id: string; name: string }[];
    assert.equal(parsed[19_999].id, String(1805929618625036421n + 19_999n));
    assert.equal(parsed[7].name, 'item 7 123456789012345678901');
  });

  it('finds id fields however the text is laid out: escaped keys, whitespace, nesting, decimals', () => {
    assert.deepEqual(parseLossless('{"i\\u0064" : 5, "n": {"id" :\n 6}, "list": [{"ids": [ 7 , [8], {"id": 9} ]}], "total": 10}'), {
      id: '5', n: { id: '6' }, list: [{ ids: ['7', [8], { id: '9' }] }], total: 10,
    });
    assert.deepEqual(parseLossless('{"id":1.5,"groupId":-3,"x":"\\\\","ownerId":1e3}'), { id: '1.5', groupId: '-3', x: '\\', ownerId: '1e3' });
    assert.deepEqual(parseLossless('{"a":"id","b":1,"c":{"d":"e"},"f":2,"userId":3}'), { a: 'id', b: 1, c: { d: 'e' }, f: 2, userId: '3' });
    assert.deepEqual(parseLossless('{"msg":"\\"id\\":1","count":2}'), { msg: '"id":1', count: 2 });
  });

  it('skips the scan only for texts in which it would change nothing', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)];
    const keys = ['id', 'ids', 'name', 'groupId', 'total', 'ownerId', 'takeTime', 'i\\u0064', 'x'];
    const value = (depth: number): string => {
      const kind = Math.floor(random() * (depth > 2 ? 4 : 6));
      if (kind === 0) {
        return pick(['1', '-7', '12', '9007199254740991', '9007199254740993', '1765148492881313793', '-18446744073709551615', '1.5', '2e21']);
      }
      if (kind === 1) {
        return pick(['"a"', '"1765148492881313793"', '": 12345678901234567890"', '"id"', '"\\\\"']);
      }
      if (kind === 2 || kind === 3) {
        return pick(['true', 'null', '"x"']);
      }
      if (kind === 4) {
        return `[${Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1)).join(', ')}]`;
      }
      return `{${Array.from({ length: Math.floor(random() * 4) }, () => `"${pick(keys)}" : ${value(depth + 1)}`).join(',')}}`;
    };
    for (let i = 0; i < 3_000; i++) {
      const text = value(0);
      assert.deepEqual(parseLossless(text), JSON.parse(quoteBigIntegers(text, true)), text);
    }
  });
});
