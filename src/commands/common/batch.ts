import type { App } from '../../app';
import type { BatchResult } from '../../api/batch';
import type { KooDriveError } from '../../api/errors';
import { accountName, sameAccount } from '../../model/accounts';
import { errorReason } from '../../model/errorText';
import type { Localize } from '../../model/localize';
import { safeText } from '../../model/safeText';
import type { Severity } from '../../ui/prompter';

/**
 * What a batch (removing, adding, restoring, downloading…) did in the end, across any sign-in
 * pauses: every id in exactly one list. `alreadyThere` were not sent: the target already had them.
 */
export interface BatchOutcome {
  done: string[];
  alreadyThere: string[];
  failed: { ids: string[]; error: KooDriveError }[];
  notAttempted: string[];
  cancelled: boolean;
}

export interface ResumableOptions {
  /** Aborts the batch: chunks not yet sent are reported as not attempted. */
  signal: AbortSignal;
  /** Ids done by each pass, as soon as the pass ends (e.g. to update the tree). */
  onDone?: (done: string[]) => void;
  /** Ids done so far over all passes, after each chunk. */
  onProgress?: (done: number) => void;
}

/**
 * Runs a chunked batch (src/api/batch.ts) over `ids`, resuming after a mid-way 401: the batch
 * stops, the user is asked once to sign in again, and a new pass carries on with exactly the ids
 * that were left (those of the failed chunk and those never sent). Declined, they count as
 * failed. A cancel ends at once, with what was left reported as not attempted.
 * @param pass sends one pass over `pending`, reporting the ids it has done so far.
 */
export async function runResumable(
  app: App,
  ids: string[],
  pass: (pending: string[], onPassProgress: (done: number) => void) => Promise<BatchResult>,
  options: ResumableOptions,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], alreadyThere: [], failed: [], notAttempted: [], cancelled: false };
  let pending = ids;
  for (;;) {
    const before = outcome.done.length;
    const result = await pass(pending, (done) => options.onProgress?.(before + done));
    outcome.done.push(...result.done);
    options.onDone?.(result.done);
    const expired = result.failed.filter((failure) => failure.error.kind === 'sessionExpired');
    outcome.failed.push(...result.failed.filter((failure) => failure.error.kind !== 'sessionExpired'));
    const left = [...expired.flatMap((failure) => failure.ids), ...result.notAttempted];
    if (options.signal.aborted) {
      outcome.cancelled = true;
      outcome.notAttempted.push(...left);
      return outcome;
    }
    if (expired.length > 0 && left.length > 0 && (await app.recovery.recover(expired[0].error))) {
      pending = left; // the user signed in again: carry on with exactly what is left
      continue;
    }
    outcome.failed.push(...expired);
    outcome.notAttempted.push(...result.notAttempted);
    return outcome;
  }
}

/** How many ids failed in all. */
export function failedCount(outcome: Pick<BatchOutcome, 'failed'>): number {
  return outcome.failed.reduce((sum, failure) => sum + failure.ids.length, 0);
}

/** The ids a Retry Failed sends again: those that failed and those never sent. */
export function notDone(outcome: BatchOutcome): string[] {
  return [...outcome.failed.flatMap((failure) => failure.ids), ...outcome.notAttempted];
}

/** The first failure's reason and trace id, for a one-line summary. */
export function firstFailure(outcome: Pick<BatchOutcome, 'failed'>, t: Localize): { reason: string; trace: string } | undefined {
  const first = outcome.failed[0]?.error;
  return first ? { reason: errorReason(first, t), trace: first.traceId ? t('Trace id: {0}', safeText(first.traceId, 80)) : '' } : undefined;
}

/** The one summary of a batch: its message, and what its actions do. */
export interface BatchSummary {
  /** The command's name, for the error boundary that runs the actions. */
  title: string;
  message: string;
  outcome: BatchOutcome;
  /** Sends again what was not done (offered as Retry Failed when something was not done). */
  retry(notDoneIds: string[]): Promise<void>;
  /** The plain-text report of Show Details: its document title and text. */
  report(): { title: string; text: string };
  /** Further actions by label (Undo, Complete Move, Reveal…), offered after those two. */
  extras?: Record<string, () => Promise<void>>;
}

/**
 * Shows a batch's summary once, in the background through the error boundary: Retry Failed and
 * Show Details when something was not done (a warning after a cancel, an error otherwise),
 * then any further actions. A batch of an account that is no longer the active one (D23) names
 * its account, and its actions other than Show Details explain how to get back to it instead
 * of acting on an account whose trees are no longer on screen.
 */
export function offerSummary(app: App, summary: BatchSummary): void {
  const { t } = app;
  const missing = notDone(summary.outcome);
  const retry = t('Retry Failed');
  const details = t('Show Details');
  const extras = summary.extras ?? {};
  const elsewhere = (): boolean => app.account !== undefined && !sameAccount(app.account, app.accounts.active());
  const name = app.account ? accountName(app.account, t) : '';
  const actions = [...(missing.length > 0 ? [retry, details] : []), ...(elsewhere() ? [] : Object.keys(extras))];
  const severity: Severity = missing.length === 0 ? 'info' : summary.outcome.cancelled ? 'warning' : 'error';
  const message = elsewhere() ? t('{0} (as {1}, no longer the active account)', summary.message, name) : summary.message;
  app.background.run(summary.title, async () => {
    const choice = await app.prompter.notify(severity, message, ...actions);
    if (choice === details) {
      const report = summary.report();
      await app.prompter.showDocument(app.details.add(report.title, report.text, 'txt'));
    } else if (choice !== undefined && elsewhere()) {
      await app.prompter.notify('warning', t('This was done as {0}, which is no longer the active KooDrive account. Switch back to it with KooDrive: Switch Account…, then run the command again.', name));
    } else if (choice === retry) {
      await summary.retry(missing);
    } else if (choice !== undefined && extras[choice]) {
      await extras[choice]();
    }
  });
}

/** The wording of a report's sections. */
export interface ReportWords {
  heading: string;
  /** Lines under the heading ("Album id: …", "Removed: 3"). */
  facts: string[];
  /** The heading of the ids never sent (cancelled or not). */
  notAttempted: string;
}

/**
 * A batch's report as plain text (no Markdown, so no server string can become a link): the
 * facts, each failure with its reason, trace id and ids, and the ids never sent. Every id is
 * made inert (D18).
 */
export function batchReport(outcome: BatchOutcome, words: ReportWords, t: Localize, describe: (id: string) => string = (id) => safeText(id, 120)): string {
  const lines = [words.heading, '', ...words.facts, ''];
  for (const failure of outcome.failed) {
    lines.push(t('Failed: {0}', errorReason(failure.error, t)), `  ${t('Trace id: {0}', safeText(failure.error.traceId, 80))}`, ...failure.ids.map((id) => `  ${describe(id)}`), '');
  }
  if (outcome.notAttempted.length > 0) {
    lines.push(words.notAttempted, ...outcome.notAttempted.map((id) => `  ${describe(id)}`), '');
  }
  return lines.join('\n');
}
