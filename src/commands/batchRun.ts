import type { BatchResult } from '../api/batch';
import type { KooDriveError } from '../api/errors';
import type { CommandContext } from './context';

/** What a batch did in the end, across any sign-in pauses: every id in exactly one list. */
export interface BatchOutcome {
  done: string[];
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
  ctx: CommandContext,
  ids: string[],
  pass: (pending: string[], onPassProgress: (done: number) => void) => Promise<BatchResult>,
  options: ResumableOptions,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], failed: [], notAttempted: [], cancelled: false };
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
    if (expired.length > 0 && left.length > 0 && (await ctx.recovery.recover(expired[0].error))) {
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
