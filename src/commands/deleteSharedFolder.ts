import * as vscode from 'vscode';
import { isKooDriveError, type KooDriveError } from '../api/errors';
import { groupMemberPages } from '../api/paging';
import { errorReason, isCancellation } from '../model/errorText';
import type { SharedFolderNode } from '../tree/sharedFolderNodes';
import type { CommandContext } from './context';
import { pickOwnedFolder } from './pickers';
import { pickSelection } from './selection';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/**
 * Delete Shared Folder (owner only). One folder at a time: a modal warning that names it and how
 * many members lose access (and, with `typeName`, typing its name), then the request of D9. The
 * server's answer decides; a refusal is explained and the branch refreshed.
 */
export async function deleteSharedFolderCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const selection = pickSelection(node, nodes, ctx.sharedFoldersView.selection).filter((entry): entry is SharedFolderNode => isNode(entry, 'sharedFolder'));
  if (selection.length > 1) {
    void ctx.prompter.notify('warning', t('Delete Shared Folder works on one folder at a time. Select a single folder you created.'));
    return;
  }
  const folder = selection[0] ?? (await pickOwnedFolder(ctx, { title: t('Delete Shared Folder'), placeholder: t('Choose a shared folder you created') }));
  if (!folder) {
    return;
  }
  const name = folder.title;
  if (!folder.owned) {
    void ctx.prompter.notify('warning', t('Only the owner of “{0}” can delete it. You joined this folder; ask its owner.', name));
    return;
  }

  const members = await ctx.prompter.progress(t('Counting the members of “{0}”…', name), (_reporter, signal) => countOtherMembers(ctx, folder, signal), { quietMs: 1000 });
  if (members === 'cancelled') {
    return;
  }
  const detail = [
    members === undefined
      ? t('The members could not be counted; everyone in this folder will lose access.')
      : members === 1 ? t('1 member will lose access.') : t('{0} members will lose access.', members),
    t('The folder is deleted for everyone. This cannot be undone.'),
  ].join(' ');
  const confirmed = await ctx.prompter.confirm({ message: t('Delete the shared folder “{0}”?', name), detail, confirmLabel: t('Delete') });
  if (!confirmed) {
    return;
  }
  if (ctx.config.deleteConfirmation() === 'typeName') {
    const typed = await ctx.prompter.input({
      title: t('Delete Shared Folder'),
      prompt: t('Type the folder’s name, {0}, to delete it', name),
      validate: (value) => (value === name ? undefined : t('Type “{0}” exactly to confirm.', name)),
    });
    if (typed !== name) {
      return;
    }
  }

  try {
    await ctx.prompter.progress(t('Deleting “{0}”…', name), (_reporter, signal) => ctx.recovery.call(() => ctx.client.deleteSharedFolder(folder.folderId, { signal })));
  } catch (error) {
    if (isKooDriveError(error) && (error.kind === 'notPermitted' || error.kind === 'notFound')) {
      ctx.log.warn(`Delete of shared folder ${folder.folderId} refused: ${error.message}`);
      ctx.sharedFolders.refreshCreated();
      const text = error.kind === 'notPermitted'
        ? t('KooDrive refused to delete “{0}”: only its owner can delete it.', name)
        : t('“{0}” no longer exists on KooDrive; it may have been deleted already.', name);
      void ctx.prompter.notify('error', `${text} ${t('Trace id: {0}', error.traceId)}`, t('Show Log')).then((choice) => choice && ctx.log.show());
      return;
    }
    if (isKooDriveError(error) && outcomeUnknown(error)) {
      await settleUnknownOutcome(ctx, folder, name, error);
      return;
    }
    throw error;
  }
  ctx.log.info(`Deleted shared folder ${folder.folderId}`);
  ctx.sharedFolders.refreshCreated();
  void ctx.prompter.notify('info', t('Deleted the shared folder “{0}”.', name));
}

/** The request may have reached the server and been carried out, but its answer was lost. */
function outcomeUnknown(error: KooDriveError): boolean {
  return error.kind === 'timeout' || error.kind === 'network' || (error.kind === 'badResponse' && (error.status === undefined || (error.status >= 200 && error.status < 300)));
}

/**
 * The deletion's answer was lost: ask KooDrive whether the folder still exists, refresh the
 * list, and say what is true. Still there: the failure goes to the error boundary (with Retry).
 */
async function settleUnknownOutcome(ctx: CommandContext, folder: SharedFolderNode, name: string, lost: KooDriveError): Promise<void> {
  ctx.log.warn(`Delete of shared folder ${folder.folderId}: the answer was lost (${lost.message}); checking whether it still exists`);
  let exists: boolean | undefined;
  try {
    const now = await ctx.prompter.progress(t('Checking whether “{0}” was deleted…', name), (_reporter, signal) => ctx.client.getSharedFolder(folder.folderId, { signal }));
    exists = Number(now.status ?? 0) === 0;
  } catch (error) {
    exists = isKooDriveError(error) && error.kind === 'notFound' ? false : undefined;
  }
  ctx.sharedFolders.refreshCreated();
  if (exists === false) {
    ctx.log.info(`Deleted shared folder ${folder.folderId} (confirmed after the answer was lost)`);
    void ctx.prompter.notify('info', t('Deleted the shared folder “{0}”. (KooDrive’s answer was lost, so the extension checked: the folder is gone.)', name));
    return;
  }
  if (exists === true) {
    throw lost;
  }
  void ctx.prompter.notify('warning', t('It is not known whether “{0}” was deleted: KooDrive’s answer was lost and it could not be asked again. The list was refreshed; check it before trying again. Trace id: {1}', name, lost.traceId), t('Show Log')).then((choice) => choice && ctx.log.show());
}

/** Members other than the owner; undefined when they cannot be listed; 'cancelled' when the user stopped it. */
async function countOtherMembers(ctx: CommandContext, folder: SharedFolderNode, signal: AbortSignal): Promise<number | undefined | 'cancelled'> {
  const groupId = folder.groupId;
  if (!groupId) {
    return 0;
  }
  const owner = folder.ownerId;
  try {
    let others = 0;
    for await (const page of groupMemberPages(ctx.client, groupId, { limit: 100 }, { signal })) {
      others += page.filter((member) => member.userId !== owner).length;
    }
    return others;
  } catch (error) {
    if (signal.aborted || isCancellation(error)) {
      return 'cancelled';
    }
    ctx.log.warn(`Could not count members of ${folder.folderId}: ${errorReason(error, t)}`);
    return undefined;
  }
}
