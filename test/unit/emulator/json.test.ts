import * as assert from 'node:assert/strict';
import { formatJavaDate, formatXDate, parseXDate } from '../../emulator/clock';
import { JsonInteger, parseJsonLossless, stringifyJson } from '../../emulator/json';

describe('emulator: JSON with big integers, and date formats', () => {
  it('writes JsonInteger values as bare numbers, digit for digit', () => {
    const text = stringifyJson({ groupId: new JsonInteger('1765148492881313793'), name: 'a"b', skip: undefined, list: [1, true, null] });
    assert.equal(text, '{"groupId":1765148492881313793,"name":"a\\"b","list":[1,true,null]}');
    assert.throws(() => new JsonInteger('12a'));
    assert.throws(() => stringifyJson({ bad: Number.NaN }));
  });

  it('reads big integer literals without rounding, and leaves strings alone', () => {
    const parsed = parseJsonLossless('{"a":1765148492881313793,"b":"x\\"1765148492881313793","c":[-9007199254740993,1.5,12]}') as Record<string, unknown>;
    assert.ok(parsed.a instanceof JsonInteger);
    assert.equal(parsed.a.digits, '1765148492881313793');
    assert.equal(parsed.b, 'x"1765148492881313793');
    const list = parsed.c as unknown[];
    assert.equal((list[0] as JsonInteger).digits, '-9007199254740993');
    assert.deepEqual(list.slice(1), [1.5, 12]);
    assert.deepEqual(parseJsonLossless('[12345678901234567890]', true), ['12345678901234567890']);
    assert.throws(() => parseJsonLossless('{"a":'));
  });

  it('parses only real X-Date instants', () => {
    assert.equal(parseXDate('20251103T070140Z'), Date.parse('2025-11-03T07:01:40Z'));
    assert.equal(formatXDate(Date.parse('2025-11-03T07:01:40.999Z')), '20251103T070140Z');
    for (const text of ['20251303T070140Z', '20250229T000000Z', '20251103T236000Z', '20251103 070140Z', '2025110T070140Z']) {
      assert.equal(parseXDate(text), undefined, text);
    }
    assert.equal(parseXDate('20240229T000000Z'), Date.parse('2024-02-29T00:00:00Z'));
  });

  it("formats invitation dates like Java's Date.toString()", () => {
    assert.equal(formatJavaDate(Date.parse('2025-09-02T02:25:46Z')), 'Tue Sep 02 02:25:46 UTC 2025');
  });
});
