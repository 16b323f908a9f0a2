import * as assert from 'node:assert/strict';
import { formatEnglish as t } from '../../../src/model/localize';
import { progressText, removalSummary, removeConfirmation, removeConfirmationMany } from '../../../src/model/removalText';

describe('removal wording', () => {
  it('confirms once with the exact count and album name, saying the originals are kept', () => {
    const one = removeConfirmation(3, 'Cat photos', t);
    assert.equal(one.message, 'Remove 3 items from the album “Cat photos”?');
    assert.match(one.detail ?? '', /original files stay in your KooDrive/);
    assert.equal(one.button, 'Remove');
    assert.equal(removeConfirmation(1, 'A', t).message, 'Remove 1 item from the album “A”?');
  });

  it('names the albums when a selection spans several', () => {
    const many = removeConfirmationMany(7, ['A', 'B', 'C', 'D', 'E'], t);
    assert.equal(many.message, 'Remove 7 items from 5 albums (“A”, “B”, “C” and 2 more)?');
  });

  it('summarises all removed, partial failure and cancellation', () => {
    assert.equal(removalSummary({ removed: 3, failed: 0, notAttempted: 0 }, 'Cat photos', false, t), 'Removed 3 items from “Cat photos”. The original files are kept.');
    assert.equal(removalSummary({ removed: 2000, failed: 400, notAttempted: 100 }, 'Big', false, t), '2000 removed, 500 failed (album “Big”).');
    assert.equal(removalSummary({ removed: 1000, failed: 0, notAttempted: 1500 }, 'Big', true, t), 'Cancelled: 1000 removed from “Big”, 1500 not removed.');
  });

  it('counts progress', () => {
    assert.equal(progressText(1000, 2500, t), '1000 of 2500 removed');
  });
});
