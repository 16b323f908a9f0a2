import * as vscode from 'vscode';
import type { FileMap } from '../api/types';
import { errorReason } from '../model/errorText';
import { accountMove, type AddStep, type MoveAccount, moveReport, moveSummary, removableAfterAdd, type RemoveStep } from '../model/moveAccounting';
import type { ProgressReporter } from '../ui/prompter';
import { type AddOutcome, type AddTarget, addFiles } from './albumAdding';
import { removeItems } from './albumRemoval';
import { chooseTarget, fileMaps, selectedItems } from './addToAlbum';
import type { BatchOutcome } from './batchRun';
import type { CommandContext } from './context';
import { pickManualAlbum } from './pickers';

const t = vscode.l10n.t;

/**
 * Move to Album…: items of one manual album go to another manual album (picked, or created on
 * the spot). They are added to the target first; only those now in the target are removed from
 * the source, so nothing is ever in neither album. The summary accounts for every item.
 */
export async function moveToAlbumCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Move to Album');
  const items = await selectedItems(ctx, node, nodes, () => pickManualAlbum(ctx, { title, placeholder: t('Choose the manual album to move items from') }), title);
  if (!items) {
    return;
  }
  const sources = [...new Map(items.map((item) => [item.album.albumId, item.album])).values()];
  if (sources.some((album) => !album.manual)) {
    void ctx.prompter.notify('warning', t('Items of a collection album cannot be moved: the album fills itself from its folders. Use Add to Album… to add them elsewhere.'));
    return;
  }
  if (sources.length > 1) {
    void ctx.prompter.notify('warning', t('Move to Album works on the items of one album at a time. Select items of a single album.'));
    return;
  }
  const source: AddTarget = { albumId: sources[0].albumId, albumName: sources[0].title };
  const target = await chooseTarget(ctx, title, source.albumId);
  if (!target) {
    return;
  }
  await runMove(ctx, source, target, fileMaps(items));
}

/** Adds to the target, then removes from the source what reached the target; one summary. */
export async function runMove(ctx: CommandContext, source: AddTarget, target: AddTarget, files: FileMap[]): Promise<MoveAccount> {
  const { add, remove } = await ctx.prompter.progress(t('Moving to “{0}”', target.albumName), async (reporter, signal) => {
    const added = await addFiles(ctx, target, files, reporter, signal);
    return { add: added, remove: added.cancelled ? undefined : await removeAdded(ctx, source, added, reporter, signal) };
  });
  return settleMove(ctx, source, target, files, add, remove);
}

/** The second half of a move whose add already ran (a drop's Complete Move). */
export async function completeMove(ctx: CommandContext, source: AddTarget, target: AddTarget, files: FileMap[], add: AddOutcome): Promise<MoveAccount> {
  const remove = await ctx.prompter.progress(t('Removing from “{0}”', source.albumName), (reporter, signal) => removeAdded(ctx, source, add, reporter, signal));
  return settleMove(ctx, source, target, files, add, remove);
}

function removeAdded(ctx: CommandContext, source: AddTarget, add: AddOutcome, reporter: ProgressReporter, signal: AbortSignal): Promise<BatchOutcome> {
  const ids = removableAfterAdd(addStep(add));
  reporter.report(t('Removing {0} items from “{1}”…', ids.length, source.albumName));
  return ids.length === 0 ? Promise.resolve({ done: [], failed: [], notAttempted: [], cancelled: false }) : removeItems(ctx, source.albumId, ids, signal);
}

function addStep(add: AddOutcome): AddStep {
  return { added: add.added, alreadyThere: add.alreadyThere, failed: add.failed.map((failure) => ({ ids: failure.ids, reason: errorReason(failure.error, t) })), notAttempted: add.notAttempted };
}

function removeStep(remove: BatchOutcome): RemoveStep {
  return { removed: remove.done, failed: remove.failed.map((failure) => ({ ids: failure.ids, reason: errorReason(failure.error, t) })), notAttempted: remove.notAttempted };
}

/** Accounts for every item and offers the summary: Retry Failed moves what did not move; Show Details lists each item. */
function settleMove(ctx: CommandContext, source: AddTarget, target: AddTarget, files: FileMap[], add: AddOutcome, remove: BatchOutcome | undefined): MoveAccount {
  const account = accountMove(files.map((file) => file.fileId), addStep(add), remove && removeStep(remove), t);
  ctx.log.info(`Moved ${account.moved} of ${files.length} from album ${source.albumId} to ${target.albumId}; ${account.leftInSource} left in the source, ${account.inBoth} in both`);
  const traceIds = [...add.failed, ...(remove?.failed ?? [])].map((failure) => failure.error.traceId).filter(Boolean);
  const message = [moveSummary(account, source.albumName, target.albumName, t), ...(traceIds.length > 0 ? [t('Trace id: {0}', traceIds[0])] : [])].join(' ');
  const notMoved = new Set(account.fates.filter((item) => item.fate !== 'moved').map((item) => item.id));
  const retry = t('Retry Failed');
  const details = t('Show Details');
  ctx.background.run(t('Move to Album'), async () => {
    const choice = await ctx.prompter.notify(notMoved.size === 0 ? 'info' : 'warning', message, ...(notMoved.size > 0 ? [retry, details] : []));
    if (choice === retry) {
      await runMove(ctx, source, target, files.filter((file) => notMoved.has(file.fileId)));
    } else if (choice === details) {
      await ctx.prompter.showDocument(ctx.details.add(t('Move to {0}', target.albumName), moveReport(account, source.albumName, target.albumName, t), 'md'));
    }
  });
  return account;
}
