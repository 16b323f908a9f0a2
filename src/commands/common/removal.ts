import type { App } from '../../app';
import { removeAlbumContentInBatches } from '../../api/batch';
import type { AlbumContent } from '../../api/types';
import { progressText, removalSummary } from '../../model/removalText';
import { safeText } from '../../model/safeText';
import { offerAddSummary, runAdd } from './adding';
import { type BatchOutcome, batchReport, failedCount, offerSummary, runResumable } from './batch';

/** What to remove from one album, with the items as listed (their `ownerId` serves Undo). */
export interface RemovalTarget {
  albumId: string;
  albumName: string;
  items: AlbumContent[];
}

/**
 * Removes the items in chunks (D10) under a cancellable progress notification, resumes by itself
 * after a mid-way sign-in, drops removed rows from the tree, and ends with one summary offering
 * Retry Failed, Show Details and Undo as they apply. Already confirmed by the caller.
 */
export async function runRemoval(app: App, target: RemovalTarget, ids: string[] = target.items.map((item) => item.id)): Promise<BatchOutcome> {
  const total = new Set(ids).size;
  const outcome = await app.prompter.progress(app.t('Removing from “{0}”', target.albumName), (reporter, signal) => {
    let reported = 0;
    return removeItems(app, target.albumId, ids, signal, (done) => {
      reporter.report(progressText(done, total, app.t), total > 0 ? ((done - reported) / total) * 100 : undefined);
      reported = done;
    });
  });
  app.log.info(`Removed ${outcome.done.length} of ${total} from album ${target.albumId}; failed ${failedCount(outcome)}, not attempted ${outcome.notAttempted.length}${outcome.cancelled ? ' (cancelled)' : ''}`);
  offerRemovalSummary(app, target, outcome);
  return outcome;
}

/**
 * Removes `ids` from a manual album in chunks (D10) under an open progress, resuming after a
 * mid-way sign-in; its loaded rows say "Removing…" meanwhile and leave the tree once removed.
 * No confirmation, no summary: the caller has both (Remove from Album, the second half of a move).
 */
export async function removeItems(app: App, albumId: string, ids: string[], signal: AbortSignal, onProgress?: (done: number) => void): Promise<BatchOutcome> {
  // The rows say so until KooDrive answers; those still there afterwards were not removed.
  return app.albums.withBusy(app.albums.contentRows(albumId, ids), app.t('Removing…'), () =>
    runResumable(app, ids, (pending, onPass) => removeAlbumContentInBatches(app.client, albumId, pending, { signal, onProgress: (progress) => onPass(progress.done) }), {
      signal,
      onDone: (done) => app.albums.removeContents(albumId, done),
      onProgress,
    }));
}

function offerRemovalSummary(app: App, target: RemovalTarget, outcome: BatchOutcome): void {
  const { t } = app;
  offerSummary(app, {
    title: t('Remove from Album'),
    message: removalSummary({ removed: outcome.done.length, failed: failedCount(outcome), notAttempted: outcome.notAttempted.length }, target.albumName, outcome.cancelled, t),
    outcome,
    retry: async (ids) => void (await runRemoval(app, target, ids)),
    report: () => ({ title: t('Removal from {0}', target.albumName), text: removalReport(app, target, outcome) }),
    extras: outcome.done.length > 0 ? { [t('Undo')]: () => undoRemoval(app, target, outcome.done) } : {},
  });
}

/** The plain-text report of what was not removed, with each failure's reason and trace id. */
export function removalReport(app: App, target: RemovalTarget, outcome: BatchOutcome): string {
  const { t } = app;
  return batchReport(outcome, {
    heading: t('Removal from “{0}”', target.albumName),
    facts: [t('Album id: {0}', safeText(target.albumId, 120)), t('Removed: {0}', outcome.done.length)],
    notAttempted: outcome.cancelled ? t('Not removed (cancelled)') : t('Not attempted'),
  }, t);
}

/**
 * Undo: adds the removed items back (the originals still exist) through the add flow, so it
 * resumes after a 401 and ends with the same kind of summary (Retry Failed, Show Details).
 */
async function undoRemoval(app: App, target: RemovalTarget, removed: string[]): Promise<void> {
  const owners = new Map(target.items.map((item) => [item.id, item.ownerId]));
  const fallbackOwner = app.config.userId();
  const files = removed.map((fileId) => {
    const ownerId = owners.get(fileId) ?? fallbackOwner;
    return ownerId ? { fileId, ownerId: String(ownerId) } : { fileId };
  });
  const album = { albumId: target.albumId, albumName: target.albumName };
  const outcome = await runAdd(app, album, files, 'restore');
  offerAddSummary(app, album, files, outcome, { mode: 'restore' });
}
