import * as assert from 'node:assert/strict';
import { KooDriveError } from '../../../src/api/errors';
import { errorMessage } from '../../../src/model/errorText';
import { formatEnglish as t } from '../../../src/model/localize';

describe('error wording', () => {
  it('ends with the trace id, and never with two full stops when the server ended its own sentence', () => {
    const refused = new KooDriveError({ kind: 'invalidInput', method: 'POST', path: '/x', code: '13000102', serverMessage: 'Verify parameters failed.', traceId: 'T'.repeat(58) });
    assert.equal(errorMessage('Create Album failed', refused, t), `Create Album failed: KooDrive rejected the request: 13000102 Verify parameters failed. Trace id: ${'T'.repeat(58)}`);
    const plain = new KooDriveError({ kind: 'notPermitted', method: 'POST', path: '/x', code: '13000410', serverMessage: 'No permission', traceId: 'abc' });
    assert.equal(errorMessage('Rename failed', plain, t), 'Rename failed: KooDrive says you are not allowed to do this: 13000410 No permission. Trace id: abc');
  });
});
