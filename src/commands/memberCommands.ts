import * as vscode from 'vscode';
import { leaveConfirmation, removeMemberConfirmation } from '../model/memberText';
import type { MemberNode } from '../tree/sharedFolderNodes';
import type { CommandContext } from './context';
import { oneFolder, rereadFolderGroup, selfId } from './folderCommands';
import { pickJoinedFolder, pickMember, pickOwnedFolder } from './pickers';
import { pickSelection } from './selection';
import { sendOnce } from './send';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/**
 * Remove Member (ShareFolderDeleteMember, §4.6; owner only): one member at a time, named in the
 * confirmation. D19: `ownerId` is the caller (the owner), `deleteUserId` the member.
 */
export async function removeMemberCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Remove Member');
  const selected = pickSelection(node, nodes, ctx.sharedFoldersView.selection).filter((entry): entry is MemberNode => isNode(entry, 'member'));
  if (selected.length > 1) {
    void ctx.prompter.notify('warning', t('{0} works on one member at a time. Select a single member.', title));
    return;
  }
  let member: MemberNode | undefined = selected[0];
  if (!member) {
    const folder = await pickOwnedFolder(ctx, { title, placeholder: t('Choose the shared folder to remove a member from') });
    member = folder && (await pickMember(ctx, folder, { title, placeholder: t('Choose the member to remove from “{0}”', folder.title) }));
    if (!member) {
      return;
    }
  }
  const folder = member.folder;
  const groupId = folder.groupId;
  if (!folder.owned || member.isOwner || !groupId) {
    void ctx.prompter.notify('warning', member.isOwner ? t('The owner cannot be removed from “{0}”; delete the folder instead.', folder.title) : t('Only the owner of “{0}” can remove members.', folder.title));
    return;
  }
  const wording = removeMemberConfirmation(member.title, folder.title, t);
  if (!(await ctx.prompter.confirm({ message: wording.message, detail: wording.detail, confirmLabel: wording.button }))) {
    return;
  }
  const query = { ownerId: selfId(ctx), groupId, deleteUserId: member.userId };
  const reread = (): void => (ctx.sharedFolders.owns(folder) ? ctx.sharedFolders.refresh(folder) : rereadFolderGroup(ctx, folder));
  await sendOnce(ctx, t('Removing {0}…', member.title), (signal) => ctx.client.removeMember(query, { signal }), reread);
  ctx.log.info(`Removed member ${member.userId} from shared folder ${folder.folderId}`);
  reread();
  void ctx.prompter.notify('info', t('Removed {0} from the shared folder “{1}”.', member.title, folder.title));
}

/**
 * Leave Shared Folder (ShareFolderDeleteMember with `ownerId` = `deleteUserId` = the caller, D19;
 * members only). Afterwards the folder leaves Joined, and its family albums the Albums tree.
 */
export async function leaveSharedFolderCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Leave Shared Folder');
  const folder = await oneFolder(ctx, node, nodes, title, () => pickJoinedFolder(ctx, { title, placeholder: t('Choose a shared folder you joined') }));
  if (!folder) {
    return;
  }
  const groupId = folder.groupId;
  if (folder.owned || !groupId) {
    void ctx.prompter.notify('warning', folder.owned ? t('You own “{0}”, so you cannot leave it; delete it instead.', folder.title) : t('“{0}” has no user group to leave.', folder.title));
    return;
  }
  const wording = leaveConfirmation(folder.title, t);
  if (!(await ctx.prompter.confirm({ message: wording.message, detail: wording.detail, confirmLabel: wording.button }))) {
    return;
  }
  const self = selfId(ctx);
  await sendOnce(ctx, t('Leaving “{0}”…', folder.title), (signal) => ctx.client.removeMember({ ownerId: self, groupId, deleteUserId: self }, { signal }), () => ctx.sharedFolders.refreshJoined());
  ctx.log.info(`Left shared folder ${folder.folderId}`);
  ctx.sharedFolders.refreshJoined();
  ctx.albums.refreshFamilies();
  void ctx.prompter.notify('info', t('You left the shared folder “{0}”.', folder.title));
}
