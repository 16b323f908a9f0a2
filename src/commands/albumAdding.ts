import * as vscode from 'vscode';
import { addAlbumContentInBatches } from '../api/batch';
import type { FileMap } from '../api/types';
import { addProgressText, addSummary } from '../model/albumText';
import { errorReason } from '../model/errorText';
import { safeText } from '../model/safeText';
import type { ProgressReporter } from '../ui/prompter';
import { type BatchOutcome, failedCount, runResumable } from './batchRun';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

/** The album items are added to: its id and its name (inert). */
export interface AddTarget {
  albumId: string;
  albumName: string;
}

/** What an add did: every item in exactly one list. `alreadyThere` were not sent. */
export interface AddOutcome {
  added: string[];
  alreadyThere: string[];
  failed: BatchOutcome['failed'];
  notAttempted: string[];
  cancelled: boolean;
}

/**
 * Adds `files` to a manual album (BatchAddContent2Album, chunks of 100) under an open progress,
 * resuming after a mid-way sign-in. Files the tree already shows in the target are counted as
 * already there and not sent; the server leaves files it already holds as they are, so those the
 * tree has not loaded yet count as added. The target's rows are reloaded when anything was added.
 */
export async function addFiles(ctx: CommandContext, target: AddTarget, files: FileMap[], reporter: ProgressReporter, signal: AbortSignal): Promise<AddOutcome> {
  const known = new Set(ctx.albums.albumNode(target.albumId)?.contents().map((node) => node.fileId) ?? []);
  const unique = [...new Map(files.map((file) => [file.fileId, file])).values()];
  const alreadyThere = unique.filter((file) => known.has(file.fileId)).map((file) => file.fileId);
  const toSend = new Map(unique.filter((file) => !known.has(file.fileId)).map((file) => [file.fileId, file]));
  const total = unique.length;
  let reported = 0;
  const report = (done: number): void => {
    const shown = alreadyThere.length + done;
    reporter.report(addProgressText(shown, total, t), total > 0 ? ((shown - reported) / total) * 100 : undefined);
    reported = shown;
  };
  report(0);
  const outcome = await runResumable(
    ctx,
    [...toSend.keys()],
    (pending, onPass) => addAlbumContentInBatches(ctx.client, target.albumId, pending.flatMap((id) => toSend.get(id) ?? []), { signal, onProgress: (progress) => onPass(progress.done) }),
    { signal, onProgress: report },
  );
  if (outcome.done.length > 0) {
    ctx.albums.reloadAlbum(target.albumId);
  }
  ctx.log.info(`Added ${outcome.done.length} of ${total} to album ${target.albumId} (${alreadyThere.length} already there); failed ${failedCount(outcome)}, not attempted ${outcome.notAttempted.length}${outcome.cancelled ? ' (cancelled)' : ''}`);
  return { added: outcome.done, alreadyThere, failed: outcome.failed, notAttempted: outcome.notAttempted, cancelled: outcome.cancelled };
}

/** Opens the progress and adds (see {@link addFiles}). */
export function runAdd(ctx: CommandContext, target: AddTarget, files: FileMap[]): Promise<AddOutcome> {
  return ctx.prompter.progress(t('Adding to “{0}”', target.albumName), (reporter, signal) => addFiles(ctx, target, files, reporter, signal));
}

/** The one-line summary of an add, with the first failure's reason and trace id. */
export function addOutcomeText(outcome: AddOutcome, target: AddTarget): string {
  const first = outcome.failed[0]?.error;
  const tally = { added: outcome.added.length, alreadyThere: outcome.alreadyThere.length, failed: failedCount(outcome), notAttempted: outcome.notAttempted.length };
  const text = addSummary(tally, target.albumName, outcome.cancelled, first ? errorReason(first, t) : undefined, t);
  return first?.traceId ? `${text} ${t('Trace id: {0}', safeText(first.traceId, 80))}` : text;
}

/** Further actions of an add's summary, by label, given everything added so far (across retries). */
export type ExtraActions = (sofar: AddOutcome) => Record<string, () => Promise<void>>;

/**
 * The summary notification of an add, in the background through the error boundary: Retry
 * Failed and Show Details when something was not added, plus any `extra` actions (a drop's
 * Complete Move). `sofar` is what earlier runs of the same add (before a Retry Failed) did.
 */
export function offerAddSummary(ctx: CommandContext, target: AddTarget, files: FileMap[], outcome: AddOutcome, extra?: ExtraActions, sofar: AddOutcome = outcome): void {
  const notAdded = [...outcome.failed.flatMap((failure) => failure.ids), ...outcome.notAttempted];
  const retry = t('Retry Failed');
  const details = t('Show Details');
  const more = extra?.(sofar) ?? {};
  const actions = [...(notAdded.length > 0 ? [retry, details] : []), ...Object.keys(more)];
  const severity = notAdded.length === 0 ? 'info' : outcome.cancelled ? 'warning' : 'error';
  ctx.background.run(t('Add to Album'), async () => {
    const choice = await ctx.prompter.notify(severity, addOutcomeText(outcome, target), ...actions);
    if (choice === retry) {
      const again = files.filter((file) => notAdded.includes(file.fileId));
      const retried = await runAdd(ctx, target, again);
      const merged: AddOutcome = { ...retried, added: [...sofar.added, ...retried.added], alreadyThere: [...sofar.alreadyThere, ...retried.alreadyThere] };
      offerAddSummary(ctx, target, again, retried, extra, merged);
    } else if (choice === details) {
      await ctx.prompter.showDocument(ctx.details.add(t('Adding to {0}', target.albumName), addReport(target, outcome), 'md'));
    } else if (choice !== undefined && more[choice]) {
      await more[choice]();
    }
  });
}

/** A readable report of an add: what was added, already there, and each failure with its reason and trace id. */
export function addReport(target: AddTarget, outcome: AddOutcome): string {
  const lines = [`# ${t('Adding to “{0}”', target.albumName)}`, '', `- ${t('Album id: {0}', target.albumId)}`, `- ${t('Added: {0}', outcome.added.length)}`, `- ${t('Already in the album: {0}', outcome.alreadyThere.length)}`, ''];
  for (const failure of outcome.failed) {
    lines.push(`## ${t('Failed: {0}', errorReason(failure.error, t))}`, '', `- ${t('Trace id: {0}', failure.error.traceId)}`, ...failure.ids.map((id) => `- \`${id}\``), '');
  }
  if (outcome.notAttempted.length > 0) {
    lines.push(`## ${outcome.cancelled ? t('Not added (cancelled)') : t('Not attempted')}`, '', ...outcome.notAttempted.map((id) => `- \`${id}\``), '');
  }
  return lines.join('\n');
}
