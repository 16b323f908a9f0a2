import * as assert from 'node:assert/strict';
import { clashQuestion, downloadProgress, downloadSummary } from '../../../src/model/downloadText';
import { formatEnglish as t } from '../../../src/model/localize';

const none = { downloaded: 0, alreadyThere: 0, kept: 0, failed: 0, notAttempted: 0 };

describe('Download… wording', () => {
  it('shows files and bytes in the progress', () => {
    assert.equal(downloadProgress(12, 40, 210 * 2 ** 20, 1.1 * 2 ** 30, t, 'en'), '12 of 40 · 210 MB of 1.1 GB');
    assert.equal(downloadProgress(0, 3, 0, 5000, t, 'en'), '0 of 3 · 0 B of 4.9 KB');
  });

  it('says what happened in one summary: downloaded, already there, left as they were, failed with the reason', () => {
    assert.equal(downloadSummary({ ...none, downloaded: 3 }, 'Holiday', false, undefined, t), 'Downloaded 3 files to “Holiday”.');
    assert.equal(downloadSummary({ ...none, downloaded: 1, alreadyThere: 2 }, 'Holiday', false, undefined, t), 'Downloaded 1 file to “Holiday”. 2 were already there.');
    assert.equal(downloadSummary({ ...none, alreadyThere: 12 }, 'Holiday', false, undefined, t), 'All 12 files are already in “Holiday”; nothing was downloaded.');
    assert.equal(downloadSummary({ ...none, downloaded: 2, kept: 1 }, 'Holiday', false, undefined, t), 'Downloaded 2 files to “Holiday”. 1 file of the same name was left as it was.');
    assert.equal(downloadSummary({ ...none, downloaded: 2, failed: 1, notAttempted: 1 }, 'Holiday', false, 'the downloaded bytes do not match.', t), '2 downloaded to “Holiday”, 2 failed. Reason: the downloaded bytes do not match.');
    assert.equal(downloadSummary({ ...none, downloaded: 5, notAttempted: 7 }, 'Holiday', true, undefined, t), 'Cancelled: 5 downloaded to “Holiday”, 7 not downloaded.');
  });

  it('asks one question with three answers for the whole download', () => {
    const one = clashQuestion(1, 'Holiday', t);
    assert.equal(one.message, '“Holiday” already holds a different file of the same name as one being downloaded.');
    assert.deepEqual([one.overwrite, one.keepBoth, one.skip], ['Overwrite', 'Keep Both', 'Skip']);
    assert.match(clashQuestion(3, 'Holiday', t).message, /different files of the same names as 3 being downloaded/);
    assert.match(one.detail, /applies to every such file of this download/);
  });
});
