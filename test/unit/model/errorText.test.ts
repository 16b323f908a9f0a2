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

  it('says a save kept nothing when the bytes did not match, and which disk error stopped it, without a path (D22)', () => {
    const mismatch = new KooDriveError({ kind: 'integrity', method: 'GET', path: '/f', traceId: 'abc', detail: 'sha256: expected 00…, received ff…' });
    assert.equal(errorMessage('Download failed', mismatch, t), 'Download failed: the downloaded bytes do not match the file’s size or checksum on KooDrive; nothing was kept. Trace id: abc');
    const full = new KooDriveError({ kind: 'disk', method: 'GET', path: '/f', systemCode: 'ENOSPC' });
    assert.equal(errorMessage('Download failed', full, t), 'Download failed: the file could not be written to disk (ENOSPC).');
    const appeared = new KooDriveError({ kind: 'disk', method: 'GET', path: '/f', systemCode: 'EEXIST' });
    assert.equal(errorMessage('Download failed', appeared, t), 'Download failed: a file of that name appeared in the folder meanwhile; it was not overwritten.');
  });
});
