import type { App } from '../../app';
import { addAlbumContentInBatches } from '../../api/batch';
import type { FileMap } from '../../api/types';
import { addProgressText, addSummary, restoreProgressText, restoreSummary } from '../../model/albumText';
import { safeText } from '../../model/safeText';
import type { ProgressReporter } from '../../ui/prompter';
import { type BatchOutcome, batchReport, failedCount, firstFailure, offerSummary, runResumable } from './batch';

/** The album items are added to: its id and its name (inert). */
export interface AddTarget {
  albumId: string;
  albumName: string;
}

/** Adding, or putting back what a removal took away (Undo): the same requests, worded apart. */
export type AddMode = 'add' | 'restore';

/**
 * Adds `files` to a manual album (BatchAddContent2Album, chunks of 100) under an open progress,
 * resuming after a mid-way sign-in. Files the tree already shows in the target are counted as
 * already there and not sent; the server leaves files it already holds as they are, so those the
 * tree has not loaded yet count as added. The target's rows are reloaded when anything was added.
 */
export async function addFiles(app: App, target: AddTarget, files: FileMap[], reporter: ProgressReporter, signal: AbortSignal, mode: AddMode = 'add'): Promise<BatchOutcome> {
  const known = new Set(app.albums.albumNode(target.albumId)?.contents().map((node) => node.fileId) ?? []);
  const unique = [...new Map(files.map((file) => [file.fileId, file])).values()];
  const alreadyThere = unique.filter((file) => known.has(file.fileId)).map((file) => file.fileId);
  const toSend = new Map(unique.filter((file) => !known.has(file.fileId)).map((file) => [file.fileId, file]));
  const total = unique.length;
  const words = mode === 'add' ? addProgressText : restoreProgressText;
  let reported = 0;
  const report = (done: number): void => {
    const shown = alreadyThere.length + done;
    reporter.report(words(shown, total, app.t), total > 0 ? ((shown - reported) / total) * 100 : undefined);
    reported = shown;
  };
  report(0);
  const outcome = await runResumable(
    app,
    [...toSend.keys()],
    (pending, onPass) => addAlbumContentInBatches(app.client, target.albumId, pending.flatMap((id) => toSend.get(id) ?? []), { signal, onProgress: (progress) => onPass(progress.done) }),
    { signal, onProgress: report },
  );
  if (outcome.done.length > 0) {
    app.albums.reloadAlbum(target.albumId);
  }
  app.log.info(`${mode === 'add' ? 'Added' : 'Restored'} ${outcome.done.length} of ${total} to album ${target.albumId} (${alreadyThere.length} already there); failed ${failedCount(outcome)}, not attempted ${outcome.notAttempted.length}${outcome.cancelled ? ' (cancelled)' : ''}`);
  return { ...outcome, alreadyThere };
}

/** Opens the progress and adds (see {@link addFiles}). */
export function runAdd(app: App, target: AddTarget, files: FileMap[], mode: AddMode = 'add'): Promise<BatchOutcome> {
  const title = mode === 'add' ? app.t('Adding to “{0}”', target.albumName) : app.t('Restoring items to “{0}”', target.albumName);
  return app.prompter.progress(title, (reporter, signal) => addFiles(app, target, files, reporter, signal, mode));
}

/** The one-line summary of an add, with the first failure's reason and trace id. */
export function addOutcomeText(app: App, outcome: BatchOutcome, target: AddTarget, mode: AddMode = 'add'): string {
  const first = firstFailure(outcome, app.t);
  const tally = { added: outcome.done.length, alreadyThere: outcome.alreadyThere.length, failed: failedCount(outcome), notAttempted: outcome.notAttempted.length };
  const text = (mode === 'add' ? addSummary : restoreSummary)(tally, target.albumName, outcome.cancelled, first?.reason, app.t);
  return first?.trace ? `${text} ${first.trace}` : text;
}

/** Further actions of an add's summary, by label, given everything added so far (across retries). */
export type ExtraActions = (sofar: BatchOutcome) => Record<string, () => Promise<void>>;

/**
 * The summary of an add (or an Undo): Retry Failed and Show Details when something was not added,
 * plus any `extra` actions (a drop's Complete Move). `sofar` is what earlier runs of the same add
 * (before a Retry Failed) did.
 */
export function offerAddSummary(app: App, target: AddTarget, files: FileMap[], outcome: BatchOutcome, options: { mode?: AddMode; extra?: ExtraActions; sofar?: BatchOutcome } = {}): void {
  const { t } = app;
  const mode = options.mode ?? 'add';
  const sofar = options.sofar ?? outcome;
  offerSummary(app, {
    title: mode === 'add' ? t('Add to Album') : t('Undo'),
    message: addOutcomeText(app, outcome, target, mode),
    outcome,
    retry: async (ids) => {
      const again = files.filter((file) => ids.includes(file.fileId));
      const retried = await runAdd(app, target, again, mode);
      const merged: BatchOutcome = { ...retried, done: [...sofar.done, ...retried.done], alreadyThere: [...sofar.alreadyThere, ...retried.alreadyThere] };
      offerAddSummary(app, target, again, retried, { ...options, sofar: merged });
    },
    report: () => ({ title: t('Adding to {0}', target.albumName), text: addReport(app, target, outcome) }),
    extras: options.extra?.(sofar),
  });
}

/** The plain-text report of an add: what was added, already there, and each failure with its reason and trace id. */
export function addReport(app: App, target: AddTarget, outcome: BatchOutcome): string {
  const { t } = app;
  return batchReport(outcome, {
    heading: t('Adding to “{0}”', target.albumName),
    facts: [t('Album id: {0}', safeText(target.albumId, 120)), t('Added: {0}', outcome.done.length), t('Already in the album: {0}', outcome.alreadyThere.length)],
    notAttempted: outcome.cancelled ? t('Not added (cancelled)') : t('Not attempted'),
  }, t);
}
