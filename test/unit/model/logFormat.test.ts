import * as assert from 'node:assert/strict';
import { formatRequestLine, maskIn, maskUserId, redactCredentials } from '../../../src/model/logFormat';

describe('log lines', () => {
  const userId = '1644817543959100032';

  it('masks the user id wherever it appears, including inside paths', () => {
    assert.equal(maskUserId(userId), '164…032');
    assert.equal(maskIn(`/koodrive/ose/v1/space/${userId}`, userId), '/koodrive/ose/v1/space/164…032');
  });

  it('writes one line with method, path, status, code, milliseconds and trace id', () => {
    const line = formatRequestLine({ method: 'GET', path: `/koodrive/ose/v1/users/${userId}`, status: 200, code: '0', ms: 41.6, traceId: 'a'.repeat(58) }, userId);
    assert.equal(line, `GET /koodrive/ose/v1/users/164…032 200 code=0 42ms trace=${'a'.repeat(58)}`);
  });

  it('names the failure when there was no response, and marks retries', () => {
    const line = formatRequestLine({ method: 'DELETE', path: '/koodrive/ose/v1/1/batchDelete', ms: 5, traceId: 't', errorKind: 'network', attempt: 2, outcome: 'retry' }, undefined);
    assert.match(line, /^DELETE \/koodrive\/ose\/v1\/1\/batchDelete network 5ms trace=t attempt=2 \(will retry\)$/);
  });

  it('redacts anything shaped like a credential', () => {
    assert.equal(redactCredentials('Authorization: Bearer s3cr3t-token, next'), 'Authorization: Bearer <redacted>, next');
    assert.equal(redactCredentials('header Bearer+abc.def'), 'header Bearer+<redacted>');
    assert.equal(redactCredentials('AT+xyz'), 'AT+<redacted>');
  });
});
