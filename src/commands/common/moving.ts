import type { App } from '../../app';
import type { FileMap } from '../../api/types';
import { errorReason } from '../../model/errorText';
import { accountMove, type AddStep, type MoveAccount, moveReport, moveSummary, removableAfterAdd, type RemoveStep } from '../../model/moveAccounting';
import { safeText } from '../../model/safeText';
import type { ProgressReporter } from '../../ui/prompter';
import { addFiles, type AddTarget } from './adding';
import { type BatchOutcome, offerSummary } from './batch';
import { removeItems } from './removal';

/** Adds to the target, then removes from the source what reached the target; one summary. */
export async function runMove(app: App, source: AddTarget, target: AddTarget, files: FileMap[]): Promise<MoveAccount> {
  const { add, remove } = await app.prompter.progress(app.t('Moving to “{0}”', target.albumName), async (reporter, signal) => {
    const added = await addFiles(app, target, files, reporter, signal);
    return { add: added, remove: added.cancelled ? undefined : await removeAdded(app, source, added, reporter, signal) };
  });
  return settleMove(app, source, target, files, add, remove);
}

/** The second half of a move whose add already ran (a drop's Complete Move). */
export async function completeMove(app: App, source: AddTarget, target: AddTarget, files: FileMap[], add: BatchOutcome): Promise<MoveAccount> {
  const remove = await app.prompter.progress(app.t('Removing from “{0}”', source.albumName), (reporter, signal) => removeAdded(app, source, add, reporter, signal));
  return settleMove(app, source, target, files, add, remove);
}

function removeAdded(app: App, source: AddTarget, add: BatchOutcome, reporter: ProgressReporter, signal: AbortSignal): Promise<BatchOutcome> {
  const ids = removableAfterAdd(addStep(app, add));
  reporter.report(app.t('Removing {0} items from “{1}”…', ids.length, source.albumName));
  return ids.length === 0 ? Promise.resolve({ done: [], alreadyThere: [], failed: [], notAttempted: [], cancelled: false }) : removeItems(app, source.albumId, ids, signal);
}

function addStep(app: App, add: BatchOutcome): AddStep {
  return { added: add.done, alreadyThere: add.alreadyThere, failed: add.failed.map((failure) => ({ ids: failure.ids, reason: errorReason(failure.error, app.t) })), notAttempted: add.notAttempted };
}

function removeStep(app: App, remove: BatchOutcome): RemoveStep {
  return { removed: remove.done, failed: remove.failed.map((failure) => ({ ids: failure.ids, reason: errorReason(failure.error, app.t) })), notAttempted: remove.notAttempted };
}

/** Accounts for every item and offers the summary: Retry Failed moves what did not move; Show Details lists each item. */
function settleMove(app: App, source: AddTarget, target: AddTarget, files: FileMap[], add: BatchOutcome, remove: BatchOutcome | undefined): MoveAccount {
  const { t } = app;
  const account = accountMove(files.map((file) => file.fileId), addStep(app, add), remove && removeStep(app, remove), t);
  app.log.info(`Moved ${account.moved} of ${files.length} from album ${source.albumId} to ${target.albumId}; ${account.leftInSource} left in the source, ${account.inBoth} in both`);
  const traceIds = [...add.failed, ...(remove?.failed ?? [])].map((failure) => failure.error.traceId).filter(Boolean);
  const message = [moveSummary(account, source.albumName, target.albumName, t), ...(traceIds.length > 0 ? [t('Trace id: {0}', safeText(traceIds[0], 80))] : [])].join(' ');
  const notMoved = account.fates.filter((item) => item.fate !== 'moved').map((item) => item.id);
  offerSummary(app, {
    title: t('Move to Album'),
    message,
    // The move's own accounting says what did not move; the summary needs only that list.
    outcome: { done: [], alreadyThere: [], failed: [], notAttempted: notMoved, cancelled: false },
    retry: async (ids) => void (await runMove(app, source, target, files.filter((file) => ids.includes(file.fileId)))),
    report: () => ({ title: t('Move to {0}', target.albumName), text: moveReport(account, source.albumName, target.albumName, t) }),
  });
  return account;
}
