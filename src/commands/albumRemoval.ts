import * as vscode from 'vscode';
import { addAlbumContentInBatches, removeAlbumContentInBatches } from '../api/batch';
import { isKooDriveError, type KooDriveError } from '../api/errors';
import type { AlbumContent } from '../api/types';
import { errorReason } from '../model/errorText';
import { progressText, removalSummary } from '../model/removalText';
import { type BatchOutcome, runResumable } from './batchRun';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

/** What to remove from one album, with the items as listed (their `ownerId` serves Undo). */
export interface RemovalTarget {
  albumId: string;
  albumName: string;
  items: AlbumContent[];
}

/** The outcome of one run, across any sign-in pauses. */
export interface RemovalOutcome {
  removed: string[];
  failed: { ids: string[]; error: KooDriveError }[];
  notAttempted: string[];
  cancelled: boolean;
}

/**
 * Removes the items in chunks (D10) under a cancellable progress notification, resumes by itself
 * after a mid-way sign-in, drops removed rows from the tree, and ends with one summary offering
 * Retry Failed, Show Details and Undo as they apply. Already confirmed by the caller.
 */
export async function runRemoval(ctx: CommandContext, target: RemovalTarget, ids: string[] = target.items.map((item) => item.id)): Promise<RemovalOutcome> {
  const total = new Set(ids).size;
  const outcome = await ctx.prompter.progress(t('Removing from “{0}”', target.albumName), (reporter, signal) => {
    let reported = 0;
    return removeItems(ctx, target.albumId, ids, signal, (done) => {
      reporter.report(progressText(done, total, t), total > 0 ? ((done - reported) / total) * 100 : undefined);
      reported = done;
    });
  });
  const removal: RemovalOutcome = { removed: outcome.done, failed: outcome.failed, notAttempted: outcome.notAttempted, cancelled: outcome.cancelled };
  ctx.log.info(`Removed ${removal.removed.length} of ${total} from album ${target.albumId}; failed ${count(removal.failed)}, not attempted ${removal.notAttempted.length}${removal.cancelled ? ' (cancelled)' : ''}`);
  offerSummary(ctx, target, removal);
  return removal;
}

/**
 * Removes `ids` from a manual album in chunks (D10) under an open progress, resuming after a
 * mid-way sign-in, marks the rows Removing… meanwhile, and drops the removed rows from the tree. No confirmation, no summary: the
 * caller has both (Remove from Album, the second half of a move).
 */
export async function removeItems(ctx: CommandContext, albumId: string, ids: string[], signal: AbortSignal, onProgress?: (done: number) => void): Promise<BatchOutcome> {
  // The rows say so until KooDrive answers; those still there afterwards were not removed.
  ctx.albums.markBusy(albumId, ids, t('Removing…'));
  try {
    return await runResumable(ctx, ids, (pending, onPass) => removeAlbumContentInBatches(ctx.client, albumId, pending, { signal, onProgress: (progress) => onPass(progress.done) }), {
      signal,
      onDone: (done) => ctx.albums.removeContents(albumId, done),
      onProgress,
    });
  } finally {
    ctx.albums.markBusy(albumId, ids, undefined);
  }
}

function count(failed: RemovalOutcome['failed']): number {
  return failed.reduce((sum, failure) => sum + failure.ids.length, 0);
}

/** One summary at the end; its actions run in the background through the error boundary. */
function offerSummary(ctx: CommandContext, target: RemovalTarget, outcome: RemovalOutcome): void {
  const failedIds = [...outcome.failed.flatMap((failure) => failure.ids), ...outcome.notAttempted];
  const message = removalSummary({ removed: outcome.removed.length, failed: count(outcome.failed), notAttempted: outcome.notAttempted.length }, target.albumName, outcome.cancelled, t);
  const retry = t('Retry Failed');
  const details = t('Show Details');
  const undo = t('Undo');
  const actions = [...(failedIds.length > 0 ? [retry, details] : []), ...(outcome.removed.length > 0 ? [undo] : [])];
  const severity = failedIds.length === 0 ? 'info' : outcome.cancelled ? 'warning' : 'error';
  ctx.background.run(t('Remove from Album'), async () => {
    const choice = await ctx.prompter.notify(severity, message, ...actions);
    if (choice === retry) {
      await runRemoval(ctx, target, failedIds);
    } else if (choice === details) {
      await ctx.prompter.showDocument(ctx.details.add(t('Removal from {0}', target.albumName), failureReport(target, outcome), 'md'));
    } else if (choice === undo) {
      await undoRemoval(ctx, target, outcome.removed);
    }
  });
}

/** A readable report of what was not removed, with each failure's reason and trace id. */
export function failureReport(target: RemovalTarget, outcome: RemovalOutcome): string {
  const lines = [`# ${t('Removal from “{0}”', target.albumName)}`, '', `- ${t('Album id: {0}', target.albumId)}`, `- ${t('Removed: {0}', outcome.removed.length)}`, ''];
  for (const failure of outcome.failed) {
    lines.push(`## ${t('Failed: {0}', errorReason(failure.error, t))}`, '', `- ${t('Trace id: {0}', failure.error.traceId)}`, ...failure.ids.map((id) => `- \`${id}\``), '');
  }
  if (outcome.notAttempted.length > 0) {
    lines.push(`## ${outcome.cancelled ? t('Not removed (cancelled)') : t('Not attempted')}`, '', ...outcome.notAttempted.map((id) => `- \`${id}\``), '');
  }
  return lines.join('\n');
}

/** Undo: adds the removed items back (the originals still exist), in chunks of at most 100. */
async function undoRemoval(ctx: CommandContext, target: RemovalTarget, removed: string[]): Promise<void> {
  const owners = new Map(target.items.map((item) => [item.id, item.ownerId]));
  const fallbackOwner = ctx.config.userId();
  const files = removed.map((fileId) => {
    const ownerId = owners.get(fileId) ?? fallbackOwner;
    return ownerId ? { fileId, ownerId: String(ownerId) } : { fileId };
  });
  const result = await ctx.prompter.progress(t('Restoring items to “{0}”', target.albumName), (reporter, signal) =>
    addAlbumContentInBatches(ctx.client, target.albumId, files, {
      signal,
      onProgress: (progress) => reporter.report(t('{0} of {1} restored', progress.done, files.length)),
    }),
  );
  ctx.albums.reloadAlbum(target.albumId);
  const notRestored = result.failed.reduce((sum, failure) => sum + failure.ids.length, 0) + result.notAttempted.length;
  if (notRestored === 0) {
    void ctx.prompter.notify('info', t('Restored {0} items to “{1}”.', result.done.length, target.albumName));
    return;
  }
  const first = result.failed[0]?.error;
  if (first && isKooDriveError(first) && first.kind === 'sessionExpired') {
    throw first; // the boundary asks to sign in again and runs the undo once more
  }
  const reason = first ? errorReason(first, t) : t('cancelled');
  void ctx.prompter.notify('error', t('Restored {0} items to “{1}”; {2} could not be restored: {3}.', result.done.length, target.albumName, notRestored, reason), t('Show Log'));
}
