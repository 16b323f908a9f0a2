import * as assert from 'node:assert/strict';
import { field, listField, objectField, optionalNumber, optionalString, readEnvelope, ShapeError, stringField } from '../../../src/api/envelope';

/** The error kind of an answer, or 'ok'. */
function kindOf(status: number, text: string): string {
  const reading = readEnvelope(status, text);
  return reading.ok ? 'ok' : reading.kind;
}

describe('api/envelope (D6, D7, §7.30)', () => {
  it('succeeds only on 2xx with Number(code) === 0, whatever msg says', () => {
    assert.ok(readEnvelope(200, '{"code":0,"msg":"Success."}').ok);
    assert.ok(readEnvelope(200, '{"code":"0","msg":"成功"}').ok);
    assert.ok(readEnvelope(201, '{"code":0,"msg":"OK"}').ok);
    assert.deepEqual(readEnvelope(200, '{"code":13000102,"msg":"success"}'), { ok: false, kind: 'invalidInput', code: '13000102', serverMessage: 'success' });
    assert.equal(readEnvelope(400, '{"code":0,"msg":"success"}').ok, false);
    assert.equal(readEnvelope(200, '{"code":"","msg":"x"}').ok, false);
  });

  it('maps error answers to kinds', () => {
    assert.deepEqual(readEnvelope(400, '{"code":13000309,"msg":"Album not found."}'), { ok: false, kind: 'notFound', code: '13000309', serverMessage: 'Album not found.' });
    assert.deepEqual(readEnvelope(400, '{"code":"13000410","msg":"Not the owner."}'), { ok: false, kind: 'notPermitted', code: '13000410', serverMessage: 'Not the owner.' });
    assert.equal(kindOf(401, '{"code":13000100,"msg":"X-Date is in the future."}'), 'sessionExpired');
    assert.equal(kindOf(429, '{"code":429}'), 'throttled');
    assert.equal(kindOf(500, '{"code":13000201,"msg":"Internal"}'), 'server');
  });

  it('treats unreadable bodies as badResponse, except where the status says enough', () => {
    const html = '<!DOCTYPE html><html><body><h1>Bad gateway</h1></body></html>';
    assert.deepEqual(readEnvelope(200, html), { ok: false, kind: 'badResponse', detail: 'the answer was not JSON' });
    assert.deepEqual(readEnvelope(200, ''), { ok: false, kind: 'badResponse', detail: 'the answer was empty' });
    assert.deepEqual(readEnvelope(200, '[1,2]'), { ok: false, kind: 'badResponse', detail: 'the answer was not JSON' });
    assert.equal(kindOf(200, '{"albumList":[]}'), 'badResponse');
    assert.equal(kindOf(404, html), 'badResponse');
    assert.deepEqual(readEnvelope(502, html), { ok: false, kind: 'server', detail: 'the answer was not JSON' });
    assert.deepEqual(readEnvelope(503, ''), { ok: false, kind: 'server', detail: 'the answer was not JSON' });
    assert.deepEqual(readEnvelope(401, html), { ok: false, kind: 'sessionExpired', detail: 'the answer was not JSON' });
    assert.deepEqual(readEnvelope(429, ''), { ok: false, kind: 'throttled', detail: 'the answer was not JSON' });
    assert.equal(kindOf(302, ''), 'badResponse');
  });

  it('keeps at most 500 characters of msg', () => {
    const reading = readEnvelope(400, JSON.stringify({ code: 13000102, msg: 'x'.repeat(5_000) }));
    assert.equal(reading.ok ? 0 : reading.serverMessage?.length, 500);
  });

  it('finds payload fields at the top level or under data', () => {
    const body = { code: 0, albumList: [{ id: '1' }], data: { userGroupMemberInfos: [{ userId: '2' }], total: '7', inviteId: 12 } };
    assert.deepEqual(field(body, 'albumList'), [{ id: '1' }]);
    assert.deepEqual(listField(body, 'userGroupMemberInfos'), [{ userId: '2' }]);
    assert.deepEqual(listField(body, 'missing'), []);
    assert.equal(optionalNumber(body, 'total'), 7);
    assert.equal(optionalNumber(body, 'nothing'), undefined);
    assert.equal(stringField(body, 'inviteId'), '12');
    assert.equal(optionalString({ nextPageCursor: '' }, 'nextPageCursor'), undefined);
    assert.deepEqual(objectField(body, 'data'), body.data);
  });

  it('refuses payloads of the wrong shape', () => {
    assert.throws(() => listField({ albumList: 'nope' }, 'albumList'), ShapeError);
    assert.throws(() => objectField({ sharefolder: [] }, 'sharefolder'), ShapeError);
    assert.throws(() => objectField({}, 'data'), ShapeError);
    assert.throws(() => stringField({}, 'inviteId'), ShapeError);
  });

  it('drops non-object entries from lists (D12: never fail on what can be skipped)', () => {
    assert.deepEqual(listField({ folders: [{ id: '1' }, null, 3] }, 'folders'), [{ id: '1' }]);
  });
});
