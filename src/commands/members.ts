import type { App } from '../app';
import { leaveConfirmation, removeMemberConfirmation } from '../model/memberText';
import { InvalidSettingError } from '../model/settingsRules';
import type { MemberNode } from '../tree/sharedFolderNodes';
import { sendChange } from './common/change';
import { pickJoinedFolder, pickMember, pickOwnedFolder } from './common/pickers';
import { rereadFolderGroup } from './common/rereads';
import { oneRow } from './common/selection';

/** The signed-in user's id (D19 needs it as `ownerId`). @throws InvalidSettingError when there is none. */
function selfId(app: App): string {
  const userId = app.config.userId();
  if (!userId) {
    throw new InvalidSettingError('koodrive.userId', app.t('Set koodrive.userId to your KooDrive user id (Sign In asks for it).'));
  }
  return userId;
}

/**
 * Remove Member (ShareFolderDeleteMember, §4.6; owner only): one member at a time, named in the
 * confirmation. D19: `ownerId` is the caller (the owner), `deleteUserId` the member.
 */
export async function removeMemberCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Remove Member');
  const member = await oneRow(app, 'sharedFolders', 'member', { node, nodes }, t('{0} works on one member at a time. Select a single member.', title), async (): Promise<MemberNode | undefined> => {
    const folder = await pickOwnedFolder(app, { title, placeholder: t('Choose the shared folder to remove a member from') });
    return folder && pickMember(app, folder, { title, placeholder: t('Choose the member to remove from “{0}”', folder.title) });
  });
  if (!member) {
    return;
  }
  const folder = member.folder;
  const groupId = folder.groupId;
  if (!folder.owned || member.isOwner || !groupId) {
    void app.prompter.notify('warning', member.isOwner ? t('The owner cannot be removed from “{0}”; delete the folder instead.', folder.title) : t('Only the owner of “{0}” can remove members.', folder.title));
    return;
  }
  if (!(await app.prompter.confirm(removeMemberConfirmation(member.title, folder.title, t)))) {
    return;
  }
  const query = { ownerId: selfId(app), groupId, deleteUserId: member.userId };
  await sendChange(app, {
    progress: t('Removing {0}…', member.title),
    send: (signal) => app.client.removeMember(query, { signal }),
    reread: () => (app.sharedFolders.owns(folder) ? app.sharedFolders.refresh(folder) : rereadFolderGroup(app, folder)),
    busy: { tree: app.sharedFolders, row: member, label: t('Removing…') },
  });
  app.log.info(`Removed member ${member.userId} from shared folder ${folder.folderId}`);
  void app.prompter.notify('info', t('Removed {0} from the shared folder “{1}”.', member.title, folder.title));
}

/**
 * Leave Shared Folder (ShareFolderDeleteMember with `ownerId` = `deleteUserId` = the caller, D19;
 * members only). Afterwards the folder leaves Joined, and its family albums the Albums tree.
 */
export async function leaveSharedFolderCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Leave Shared Folder');
  const folder = await oneRow(app, 'sharedFolders', 'sharedFolder', { node, nodes }, t('{0} works on one shared folder at a time. Select a single folder.', title), () => pickJoinedFolder(app, { title, placeholder: t('Choose a shared folder you joined') }));
  if (!folder) {
    return;
  }
  const groupId = folder.groupId;
  if (folder.owned || !groupId) {
    void app.prompter.notify('warning', folder.owned ? t('You own “{0}”, so you cannot leave it; delete it instead.', folder.title) : t('“{0}” has no user group to leave.', folder.title));
    return;
  }
  if (!(await app.prompter.confirm(leaveConfirmation(folder.title, t)))) {
    return;
  }
  const self = selfId(app);
  await sendChange(app, {
    progress: t('Leaving “{0}”…', folder.title),
    send: (signal) => app.client.removeMember({ ownerId: self, groupId, deleteUserId: self }, { signal }),
    reread: () => {
      app.sharedFolders.refreshJoined();
      app.albums.refreshFamilies();
    },
    busy: { tree: app.sharedFolders, row: folder, label: t('Leaving…') },
  });
  app.log.info(`Left shared folder ${folder.folderId}`);
  void app.prompter.notify('info', t('You left the shared folder “{0}”.', folder.title));
}
