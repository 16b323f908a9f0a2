import * as assert from 'node:assert/strict';
import { formatEnglish as t } from '../../../src/model/localize';
import { accountMove, type AddStep, moveReport, moveSummary, removableAfterAdd, type RemoveStep } from '../../../src/model/moveAccounting';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('move accounting', () => {
  it('removes from the source only what is now in the target', () => {
    const add: AddStep = { added: ['a', 'b'], alreadyThere: ['c'], failed: [{ ids: ['d', 'e'], reason: 'unknown file' }], notAttempted: ['f'] };
    assert.deepEqual(removableAfterAdd(add), ['a', 'b', 'c']);
  });

  it('accounts for every item: moved, left where it was, in both, each with its reason', () => {
    const add: AddStep = { added: ['a', 'b', 'c'], alreadyThere: ['d'], failed: [{ ids: ['e'], reason: 'KooDrive rejected the request' }], notAttempted: ['f'] };
    const remove: RemoveStep = { removed: ['a', 'd'], failed: [{ ids: ['b'], reason: 'no permission' }], notAttempted: ['c'] };
    const account = accountMove(ids, add, remove, t);
    assert.deepEqual(account.fates, [
      { id: 'a', fate: 'moved' },
      { id: 'b', fate: 'inBoth', reason: 'no permission' },
      { id: 'c', fate: 'inBoth', reason: 'not removed from the source (stopped before it was sent)' },
      { id: 'd', fate: 'moved' },
      { id: 'e', fate: 'leftInSource', reason: 'KooDrive rejected the request' },
      { id: 'f', fate: 'leftInSource', reason: 'not added (stopped before it was sent)' },
    ]);
    assert.deepEqual([account.moved, account.inBoth, account.leftInSource], [2, 2, 2]);
    assert.equal(moveSummary(account, 'A', 'B', t), 'Moved 2 of 6 items from “A” to “B”. 2 left in “A”. 2 now in both albums. Reason: no permission.');
  });

  it('never counts an item as moved unless it reached the target, whatever the removal claims', () => {
    const add: AddStep = { added: ['a'], alreadyThere: [], failed: [{ ids: ['b'], reason: 'x' }], notAttempted: [] };
    const account = accountMove(['a', 'b'], add, { removed: ['a', 'b'], failed: [], notAttempted: [] }, t);
    assert.deepEqual(account.fates.map((item) => item.fate), ['moved', 'leftInSource']);
  });

  it('keeps items in both albums when the removal never ran (cancelled)', () => {
    const account = accountMove(['a', 'b'], { added: ['a'], alreadyThere: [], failed: [], notAttempted: ['b'] }, undefined, t);
    assert.deepEqual(account.fates, [
      { id: 'a', fate: 'inBoth', reason: 'stopped before it was removed from the source' },
      { id: 'b', fate: 'leftInSource', reason: 'not added (stopped before it was sent)' },
    ]);
  });

  it('says all moved in one sentence, and reports every item in the details', () => {
    const account = accountMove(['a', 'a', 'b'], { added: ['a', 'b'], alreadyThere: [], failed: [], notAttempted: [] }, { removed: ['a', 'b'], failed: [], notAttempted: [] }, t);
    assert.equal(moveSummary(account, 'A', 'B', t), 'Moved 2 items from “A” to “B”. The original files are kept.');
    const one = accountMove(['a'], { added: [], alreadyThere: ['a'], failed: [], notAttempted: [] }, { removed: ['a'], failed: [], notAttempted: [] }, t);
    assert.equal(moveSummary(one, 'A', 'B', t), 'Moved 1 item from “A” to “B”. The original file is kept.');
    const mixed = accountMove(['a', 'b'], { added: ['a'], alreadyThere: [], failed: [{ ids: ['b'], reason: 'gone' }], notAttempted: [] }, { removed: ['a'], failed: [], notAttempted: [] }, t);
    const report = moveReport(mixed, 'A', 'B', t);
    assert.match(report, /^Moved: 1\n {2}a$/m);
    assert.match(report, /^Left in “A”: 1\n {2}b — gone$/m);
    assert.doesNotMatch(report, /In both/);
  });

  it('writes the report as plain text, ids made inert, so no id can become a link', () => {
    const account = accountMove(['[x](command:workbench.action.quit)'], { added: [], alreadyThere: [], failed: [{ ids: ['[x](command:workbench.action.quit)'], reason: 'gone' }], notAttempted: [] }, undefined, t);
    const report = moveReport(account, 'A', 'B', t);
    assert.doesNotMatch(report, /\]\(command:/);
    assert.doesNotMatch(report, /^#|`/m);
  });
});
