import * as assert from 'node:assert/strict';
import { addProgressText, addSummary, albumNameRule, deleteAlbumConfirmation } from '../../../src/model/albumText';
import { formatEnglish as t } from '../../../src/model/localize';

describe('album wording', () => {
  it('confirms a deletion with the name, the item count and that the originals stay', () => {
    const wording = deleteAlbumConfirmation('Cat photos', 8, t);
    assert.equal(wording.message, 'Delete the album “Cat photos”?');
    assert.equal(wording.detail, 'It holds 8 items. The original files stay in your KooDrive; only the album is deleted. This cannot be undone.');
    assert.equal(wording.button, 'Delete');
    assert.match(deleteAlbumConfirmation('A', 1, t).detail ?? '', /^It holds 1 item\./);
    assert.match(deleteAlbumConfirmation('A', undefined, t).detail ?? '', /^Its items could not be counted\./);
  });

  it('summarises an add: added, already there, failed with the reason, cancelled', () => {
    assert.equal(addSummary({ added: 3, alreadyThere: 0, failed: 0, notAttempted: 0 }, 'Trip', false, undefined, t), 'Added 3 items to “Trip”.');
    assert.equal(addSummary({ added: 1, alreadyThere: 2, failed: 0, notAttempted: 0 }, 'Trip', false, undefined, t), 'Added 1 item to “Trip”. 2 were already in it.');
    assert.equal(addSummary({ added: 100, alreadyThere: 1, failed: 100, notAttempted: 50 }, 'Trip', false, 'it no longer exists', t), '100 added to “Trip”, 150 not added. 1 was already in it. Reason: it no longer exists.');
    assert.equal(addSummary({ added: 100, alreadyThere: 0, failed: 0, notAttempted: 900 }, 'Trip', true, undefined, t), 'Cancelled: 100 added to “Trip”, 900 not added.');
    assert.equal(addSummary({ added: 0, alreadyThere: 0, failed: 3, notAttempted: 0 }, 'Trip', false, 'KooDrive rejected the request: 13000102 Verify parameters failed.', t), '0 added to “Trip”, 3 not added. Reason: KooDrive rejected the request: 13000102 Verify parameters failed.');
    assert.equal(addProgressText(200, 1000, t), '200 of 1000 added');
    assert.equal(albumNameRule(t), 'An album name has 1 to 20 characters.');
  });
});
