import type { App } from '../app';
import { sharedFolderNameProblem } from '../api/validate';
import { folderNameRule } from '../model/memberText';
import { safeText } from '../model/safeText';
import { isNode } from '../tree/kinds';
import type { SharedFolderNode } from '../tree/sharedFolderNodes';
import { sendChange } from './common/change';
import { revealCreated } from './common/reveal';

/**
 * Create Shared Folder (CreateShareFolder, §3.1): a family folder in the user's own space (its
 * `containerId` from GetSpace, read once per session), the name checked against the rules the
 * client enforces as it is typed. Then "Created by me" is re-read and the new folder selected; the
 * Family album groups are re-read too (a folder's group is a family).
 */
export async function createSharedFolderCommand(app: App): Promise<void> {
  const { t } = app;
  const typed = await app.prompter.input({
    title: t('Create Shared Folder'),
    prompt: t('Name of the new family shared folder'),
    validate: (value) => (sharedFolderNameProblem(value.trim()) ? folderNameRule(t) : undefined),
  });
  if (typed === undefined) {
    return;
  }
  const name = typed.trim();
  const shown = safeText(name);
  const created = await sendChange(app, {
    progress: t('Creating the shared folder “{0}”…', shown),
    send: async (signal) => app.client.createSharedFolder({ containerId: await app.spaces.ownContainer(), name }, { signal }),
    reread: () => app.sharedFolders.refreshCreated(),
  });
  app.log.info(`Created shared folder ${created.id} (group ${String(created.groupId ?? '?')})`);
  app.albums.refreshFamilies();
  await revealCreated(app, app.sharedFoldersView, app.sharedFolders.createdGroup(), (rows) => rows.find((row): row is SharedFolderNode => isNode(row, 'sharedFolder') && row.folderId === created.id));
  void app.prompter.notify('info', t('Created the shared folder “{0}”. Invite members from its context menu.', shown));
}
