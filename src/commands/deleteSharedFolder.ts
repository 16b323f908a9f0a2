import type { App } from '../app';
import { isKooDriveError, type KooDriveError } from '../api/errors';
import { groupMemberPages } from '../api/paging';
import { errorReason, isCancellation } from '../model/errorText';
import { deleteFolderConfirmation } from '../model/memberText';
import type { SharedFolderNode } from '../tree/sharedFolderNodes';
import { sendChange } from './common/change';
import { confirmDeletion } from './common/deletion';
import { pickOwnedFolder } from './common/pickers';
import { oneRow } from './common/selection';

/**
 * Delete Shared Folder (owner only). One folder at a time: a modal warning that names it and how
 * many members lose access (and, with `typeName`, typing its name), then the request of D9. The
 * server's answer decides; a refusal is explained and the branch refreshed.
 */
export async function deleteSharedFolderCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Delete Shared Folder');
  const folder = await oneRow(app, 'sharedFolders', 'sharedFolder', { node, nodes }, t('Delete Shared Folder works on one folder at a time. Select a single folder you created.'), () => pickOwnedFolder(app, { title, placeholder: t('Choose a shared folder you created') }));
  if (!folder) {
    return;
  }
  const name = folder.title;
  if (!folder.owned) {
    void app.prompter.notify('warning', t('Only the owner of “{0}” can delete it. You joined this folder; ask its owner.', name));
    return;
  }
  const confirmed = await confirmDeletion(app, {
    title,
    name,
    counting: t('Counting the members of “{0}”…', name),
    count: (signal) => countOtherMembers(app, folder, signal),
    confirmation: (members) => deleteFolderConfirmation(name, members, t),
    typePrompt: t('Type the folder’s name, {0}, to delete it', name),
  });
  if (!confirmed) {
    return;
  }
  try {
    await sendChange(app, {
      progress: t('Deleting “{0}”…', name),
      send: (signal) => app.client.deleteSharedFolder(folder.folderId, { signal }),
      reread: () => app.sharedFolders.refreshCreated(),
      busy: { tree: app.sharedFolders, row: folder, label: t('Deleting…') },
    });
  } catch (error) {
    if (isKooDriveError(error) && (error.kind === 'notPermitted' || error.kind === 'notFound')) {
      app.log.warn(`Delete of shared folder ${folder.folderId} refused: ${error.message}`);
      const text = error.kind === 'notPermitted'
        ? t('KooDrive refused to delete “{0}”: only its owner can delete it.', name)
        : t('“{0}” no longer exists on KooDrive; it may have been deleted already.', name);
      void app.prompter.notify('error', `${text} ${t('Trace id: {0}', error.traceId)}`, t('Show Log')).then((choice) => choice && app.log.show());
      return;
    }
    if (isKooDriveError(error) && outcomeUnknown(error)) {
      await settleUnknownOutcome(app, folder, name, error);
      return;
    }
    throw error;
  }
  app.log.info(`Deleted shared folder ${folder.folderId}`);
  void app.prompter.notify('info', t('Deleted the shared folder “{0}”.', name));
}

/** The request may have reached the server and been carried out, but its answer was lost. */
function outcomeUnknown(error: KooDriveError): boolean {
  return error.kind === 'timeout' || error.kind === 'network' || (error.kind === 'badResponse' && (error.status === undefined || (error.status >= 200 && error.status < 300)));
}

/**
 * The deletion's answer was lost: ask KooDrive whether the folder still exists, refresh the
 * list, and say what is true. Still there: the failure goes to the error boundary (with Retry).
 */
async function settleUnknownOutcome(app: App, folder: SharedFolderNode, name: string, lost: KooDriveError): Promise<void> {
  const { t } = app;
  app.log.warn(`Delete of shared folder ${folder.folderId}: the answer was lost (${lost.message}); checking whether it still exists`);
  let exists: boolean | undefined;
  try {
    const now = await app.prompter.progress(t('Checking whether “{0}” was deleted…', name), (_reporter, signal) => app.client.getSharedFolder(folder.folderId, { signal }));
    exists = Number(now.status ?? 0) === 0;
  } catch (error) {
    exists = isKooDriveError(error) && error.kind === 'notFound' ? false : undefined;
  }
  app.sharedFolders.refreshCreated();
  if (exists === false) {
    app.log.info(`Deleted shared folder ${folder.folderId} (confirmed after the answer was lost)`);
    void app.prompter.notify('info', t('Deleted the shared folder “{0}”. (KooDrive’s answer was lost, so the extension checked: the folder is gone.)', name));
    return;
  }
  if (exists === true) {
    throw lost;
  }
  void app.prompter.notify('warning', t('It is not known whether “{0}” was deleted: KooDrive’s answer was lost and it could not be asked again. The list was refreshed; check it before trying again. Trace id: {1}', name, lost.traceId), t('Show Log')).then((choice) => choice && app.log.show());
}

/** Members other than the owner; undefined when they cannot be listed; 'cancelled' when the user stopped it. */
async function countOtherMembers(app: App, folder: SharedFolderNode, signal: AbortSignal): Promise<number | undefined | 'cancelled'> {
  const groupId = folder.groupId;
  if (!groupId) {
    return 0;
  }
  const owner = folder.ownerId;
  try {
    let others = 0;
    for await (const page of groupMemberPages(app.client, groupId, { limit: 100 }, { signal })) {
      others += page.filter((member) => member.userId !== owner).length;
    }
    return others;
  } catch (error) {
    if (signal.aborted || isCancellation(error)) {
      return 'cancelled';
    }
    app.log.warn(`Could not count members of ${folder.folderId}: ${errorReason(error, app.t)}`);
    return undefined;
  }
}
