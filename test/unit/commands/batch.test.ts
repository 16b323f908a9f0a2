import * as assert from 'node:assert/strict';
import { KooDriveError } from '../../../src/api/errors';
import { type BatchOutcome, batchReport, offerSummary, runResumable } from '../../../src/commands/common/batch';
import { formatEnglish as t } from '../../../src/model/localize';
import { fakeApp } from './fakeApp';

const expired = (): KooDriveError => new KooDriveError({ kind: 'sessionExpired', method: 'DELETE', path: '/p', status: 401, traceId: 'T401' });
const refused = (): KooDriveError => new KooDriveError({ kind: 'notPermitted', method: 'DELETE', path: '/p', status: 400, code: '13000410', traceId: 'T410' });
const never = new AbortController().signal;

describe('commands/common/batch: one batch flow for removing, adding, restoring, downloading', () => {
  it('resumes after a 401 with exactly what was left, once the user signed in again', async () => {
    const { app } = fakeApp({ signInAgain: [true] });
    const passes: string[][] = [];
    const outcome = await runResumable(app, ['a', 'b', 'c', 'd'], (pending) => {
      passes.push(pending);
      return Promise.resolve(passes.length === 1
        ? { done: ['a'], failed: [{ ids: ['b'], error: expired() }], notAttempted: ['c', 'd'] }
        : { done: pending, failed: [], notAttempted: [] });
    }, { signal: never });
    assert.deepEqual(passes, [['a', 'b', 'c', 'd'], ['b', 'c', 'd']]);
    assert.deepEqual(outcome.done, ['a', 'b', 'c', 'd']);
    assert.deepEqual(outcome.failed, []);
  });

  it('counts what was left as failed when the user does not sign in again', async () => {
    const { app } = fakeApp({ signInAgain: [false] });
    const outcome = await runResumable(app, ['a', 'b', 'c'], () => Promise.resolve({ done: ['a'], failed: [{ ids: ['b'], error: expired() }], notAttempted: ['c'] }), { signal: never });
    assert.deepEqual(outcome.failed.map((failure) => failure.ids), [['b']]);
    assert.deepEqual(outcome.notAttempted, ['c']);
  });

  it('ends at once on a cancel, what was left not attempted', async () => {
    const { app } = fakeApp({ signInAgain: [true] });
    const controller = new AbortController();
    const outcome = await runResumable(app, ['a', 'b'], () => {
      controller.abort();
      return Promise.resolve({ done: ['a'], failed: [], notAttempted: ['b'] });
    }, { signal: controller.signal });
    assert.equal(outcome.cancelled, true);
    assert.deepEqual(outcome.notAttempted, ['b']);
  });

  const partial: BatchOutcome = { done: ['a'], alreadyThere: [], failed: [{ ids: ['b'], error: refused() }], notAttempted: ['c'], cancelled: false };

  it('offers Retry Failed (with what was not done) and Show Details when something was not done, then extras', async () => {
    let retried: string[] = [];
    const { app, record, settle } = fakeApp({ click: (_message, actions) => actions[0] });
    offerSummary(app, { title: 'Remove from Album', message: '1 removed, 2 failed.', outcome: partial, retry: (ids) => Promise.resolve(void (retried = ids)), report: () => ({ title: 'r', text: 'x' }), extras: { Undo: () => Promise.resolve() } });
    await settle();
    assert.deepEqual(record.notes, [{ severity: 'error', message: '1 removed, 2 failed.', actions: ['Retry Failed', 'Show Details', 'Undo'] }]);
    assert.deepEqual(retried, ['b', 'c']);
  });

  it('opens the report as plain text from Show Details, and offers only extras when all was done', async () => {
    const { app, record, settle } = fakeApp({ click: (_message, actions) => actions.find((action) => action === 'Show Details') });
    offerSummary(app, { title: 'T', message: 'm', outcome: partial, retry: () => Promise.resolve(), report: () => ({ title: 'Removal', text: 'the report' }) });
    offerSummary(app, { title: 'T', message: 'all done', outcome: { ...partial, failed: [], notAttempted: [] }, retry: () => Promise.resolve(), report: () => ({ title: 'r', text: '' }), extras: { Undo: () => Promise.resolve() } });
    await settle();
    assert.deepEqual(record.documents, [{ title: 'Removal', text: 'the report', extension: 'txt' }]);
    assert.deepEqual(record.notes[1], { severity: 'info', message: 'all done', actions: ['Undo'] });
  });

  const owner = { endpoint: 'https://drive.example.com', origin: 'https://drive.example.com', userId: '1644817543959100032', nickname: 'Li Wei 李伟' };
  const member = { endpoint: 'https://drive.example.com', origin: 'https://drive.example.com', userId: '1700618280076834305' };

  it('names the account of a batch that ends after another account became active, and offers no Undo on it', async () => {
    const { app, record, settle, switchTo } = fakeApp({ account: owner, click: () => undefined });
    switchTo(member);
    offerSummary(app, { title: 'T', message: 'Removed 3 items.', outcome: { ...partial, failed: [], notAttempted: [] }, retry: () => Promise.resolve(), report: () => ({ title: 'r', text: '' }), extras: { Undo: () => Promise.resolve() } });
    await settle();
    assert.deepEqual(record.notes, [{ severity: 'info', message: 'Removed 3 items. (as Li Wei 李伟 (drive.example.com), no longer the active account)', actions: [] }]);
  });

  it('refuses Undo and Retry Failed clicked after a switch, saying how to get back, and still opens the report', async () => {
    let acted = false;
    const choices = ['Undo', 'Retry Failed', 'Show Details'];
    // Each summary is shown while the owner is active; the member becomes active before the click.
    const { app, record, settle, switchTo } = fakeApp({ account: owner, click: (message) => {
      if (message.startsWith('This was done as')) {
        return undefined;
      }
      switchTo(member);
      return choices.shift();
    } });
    const done = { ...partial, failed: [], notAttempted: [] };
    for (const outcome of [done, partial, partial]) {
      switchTo(owner);
      offerSummary(app, { title: 'T', message: 'm', outcome, retry: () => Promise.resolve(void (acted = true)), report: () => ({ title: 'Removal', text: 'the report' }), extras: { Undo: () => Promise.resolve(void (acted = true)) } });
      await settle();
    }
    assert.equal(acted, false, 'neither Undo nor Retry Failed ran as the owner while the member is active');
    const refusals = record.notes.filter((note) => note.message.startsWith('This was done as'));
    assert.deepEqual(refusals.map((note) => note.message), Array(2).fill('This was done as Li Wei 李伟 (drive.example.com), which is no longer the active KooDrive account. Switch back to it with KooDrive: Switch Account…, then run the command again.'));
    assert.deepEqual(record.documents, [{ title: 'Removal', text: 'the report', extension: 'txt' }], 'Show Details still opens the report');
  });

  it('writes a report with each failure’s reason, trace id and ids, none of which can become a link', () => {
    const hostile = '<command:workbench.action.quit> [x](command:y)';
    const outcome: BatchOutcome = { done: ['a'], alreadyThere: [], failed: [{ ids: [hostile], error: refused() }], notAttempted: ['c'], cancelled: true };
    const text = batchReport(outcome, { heading: 'Removal from “A”', facts: ['Removed: 1'], notAttempted: 'Not removed (cancelled)' }, t);
    assert.match(text, /^Removal from “A”\n\nRemoved: 1\n/);
    assert.match(text, /Failed: KooDrive says you are not allowed to do this: 13000410\n {2}Trace id: T410\n/);
    assert.match(text, /Not removed \(cancelled\)\n {2}c\n/);
    assert.doesNotMatch(text, /\]\(command:/);
  });
});
