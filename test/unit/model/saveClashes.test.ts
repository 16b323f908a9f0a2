import * as assert from 'node:assert/strict';
import { needsQuestion, resolveClashes, type PlannedFile } from '../../../src/model/saveClashes';

describe('saving over local files (D22)', () => {
  it('asks only when some file clashes with a different local one', () => {
    assert.equal(needsQuestion([]), false);
    assert.equal(needsQuestion(['absent', 'same', 'absent']), false);
    assert.equal(needsQuestion(['absent', 'different']), true);
  });

  it('writes absent files, skips those already there, whatever the answer', () => {
    const files: PlannedFile[] = [{ name: 'a.jpg', state: 'absent' }, { name: 'b.jpg', state: 'same' }];
    for (const answer of [undefined, 'overwrite', 'keepBoth', 'skip'] as const) {
      assert.deepEqual(resolveClashes(files, answer, ['b.jpg']), [{ write: 'a.jpg', overwrite: false }, { skip: 'alreadyThere' }]);
    }
  });

  describe('a different local file', () => {
    const files: PlannedFile[] = [
      { name: 'a.jpg', state: 'different' },
      { name: 'b.jpg', state: 'same' },
      { name: 'c.mp4', state: 'absent' },
    ];
    const present = ['a.jpg', 'b.jpg'];

    for (const [answer, first] of [
      ['overwrite', { write: 'a.jpg', overwrite: true }],
      ['skip', { skip: 'kept' }],
      ['keepBoth', { write: 'a (2).jpg', overwrite: false }],
    ] as const) {
      it(`${answer}: ${JSON.stringify(first)}`, () => {
        assert.deepEqual(resolveClashes(files, answer, present), [first, { skip: 'alreadyThere' }, { write: 'c.mp4', overwrite: false }]);
      });
    }

    it('is never overwritten without an answer', () => {
      assert.throws(() => resolveClashes(files, undefined, present), /no answer/);
    });
  });

  it('keepBoth takes the first name free in the folder and in the plan, compared as Windows and macOS do', () => {
    const files: PlannedFile[] = [
      { name: 'a.jpg', state: 'different' },
      { name: 'a (3).jpg', state: 'absent' },
      { name: 'Caf\u00e9.png', state: 'different' },
    ];
    const present = ['A.JPG', 'A (2).JPG', 'Cafe\u0301.png', 'cafe\u0301 (2).png'];
    assert.deepEqual(resolveClashes(files, 'keepBoth', present), [
      { write: 'a (4).jpg', overwrite: false },
      { write: 'a (3).jpg', overwrite: false },
      { write: 'Caf\u00e9 (3).png', overwrite: false },
    ]);
  });
});
