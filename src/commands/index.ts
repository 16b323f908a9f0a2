import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { addToAlbumCommand } from './addToAlbum';
import { createAlbumCommand } from './createAlbum';
import { createSharedFolderCommand } from './createSharedFolder';
import { deleteAlbumCommand } from './deleteAlbum';
import { deleteSharedFolderCommand } from './deleteSharedFolder';
import { renameSharedFolderCommand } from './folderCommands';
import { acceptInvitationCommand, rejectInvitationCommand } from './invitationCommands';
import { inviteMemberCommand } from './inviteMember';
import { leaveSharedFolderCommand, removeMemberCommand } from './memberCommands';
import { moveToAlbumCommand } from './moveToAlbum';
import { renameAlbumCommand } from './renameAlbum';
import { showStorageCommand } from './showStorage';
import type { CommandContext } from './context';
import { clearSharedFolderFilterCommand, filterSharedFoldersCommand } from './filter';
import { copyIdCommand, showDetailsCommand, showLogCommand } from './itemCommands';
import { clearItemFilterCommand, filterItemsCommand } from './itemFilter';
import { openPreviewCommand } from './openPreview';
import { removeAllFromAlbumCommand } from './removeAllFromAlbum';
import { sortItemsCommand } from './sortItems';
import { loadMoreCommand, refreshCommand, refreshNodeCommand, retryLoadCommand } from './refresh';
import { removeFromAlbumCommand } from './removeFromAlbum';
import { type Handler, openSettings, runCommand } from './runCommand';
import { signInCommand, signOutCommand } from './signIn';

const t = vscode.l10n.t;

/** Status bar click: sign in when signed out or expired, sign out when signed in. */
async function statusBarClickCommand(ctx: CommandContext): Promise<void> {
  await (ctx.session.state === 'signedIn' ? signOutCommand(ctx) : signInCommand(ctx));
}

/** The command table: id → title for messages, handler. */
export function commandTable(): Record<CommandId, { title: string; handler: Handler }> {
  return {
    [CommandId.signIn]: { title: t('Sign In'), handler: signInCommand },
    [CommandId.signOut]: { title: t('Sign Out'), handler: signOutCommand },
    [CommandId.refresh]: { title: t('Refresh'), handler: refreshCommand },
    [CommandId.refreshNode]: { title: t('Refresh'), handler: refreshNodeCommand },
    [CommandId.filterSharedFolders]: { title: t('Filter Shared Folders'), handler: filterSharedFoldersCommand },
    [CommandId.clearSharedFolderFilter]: { title: t('Clear Shared Folder Filter'), handler: clearSharedFolderFilterCommand },
    [CommandId.removeFromAlbum]: { title: t('Remove from Album'), handler: removeFromAlbumCommand },
    [CommandId.deleteSharedFolder]: { title: t('Delete Shared Folder'), handler: deleteSharedFolderCommand },
    [CommandId.copyId]: { title: t('Copy ID'), handler: copyIdCommand },
    [CommandId.showDetails]: { title: t('Show Details'), handler: showDetailsCommand },
    [CommandId.showLog]: { title: t('Show Log'), handler: showLogCommand },
    [CommandId.openSettings]: { title: t('Open Settings'), handler: openSettings },
    [CommandId.loadMore]: { title: t('Load more…'), handler: loadMoreCommand },
    [CommandId.retryLoad]: { title: t('Retry'), handler: retryLoadCommand },
    [CommandId.statusBarClick]: { title: t('Sign In'), handler: statusBarClickCommand },
    [CommandId.openPreview]: { title: t('Open Preview'), handler: openPreviewCommand },
    [CommandId.removeAllFromAlbum]: { title: t('Remove All from Album'), handler: removeAllFromAlbumCommand },
    [CommandId.filterItems]: { title: t('Filter Items'), handler: filterItemsCommand },
    [CommandId.clearItemFilter]: { title: t('Clear Item Filter'), handler: clearItemFilterCommand },
    [CommandId.sortItems]: { title: t('Sort Album Items'), handler: sortItemsCommand },
    [CommandId.createAlbum]: { title: t('Create Album'), handler: createAlbumCommand },
    [CommandId.renameAlbum]: { title: t('Rename Album'), handler: renameAlbumCommand },
    [CommandId.deleteAlbum]: { title: t('Delete Album'), handler: deleteAlbumCommand },
    [CommandId.addToAlbum]: { title: t('Add to Album'), handler: addToAlbumCommand },
    [CommandId.moveToAlbum]: { title: t('Move to Album'), handler: moveToAlbumCommand },
    [CommandId.createSharedFolder]: { title: t('Create Shared Folder'), handler: createSharedFolderCommand },
    [CommandId.renameSharedFolder]: { title: t('Rename Shared Folder'), handler: renameSharedFolderCommand },
    [CommandId.inviteMember]: { title: t('Invite Member'), handler: inviteMemberCommand },
    [CommandId.removeMember]: { title: t('Remove Member'), handler: removeMemberCommand },
    [CommandId.leaveSharedFolder]: { title: t('Leave Shared Folder'), handler: leaveSharedFolderCommand },
    [CommandId.acceptInvitation]: { title: t('Accept Invitation'), handler: acceptInvitationCommand },
    [CommandId.rejectInvitation]: { title: t('Reject Invitation'), handler: rejectInvitationCommand },
    [CommandId.showStorage]: { title: t('Show Storage'), handler: showStorageCommand },
  };
}

/** Registers every command through the one error boundary. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(commandTable()).map(([id, { title, handler }]) => vscode.commands.registerCommand(id, runCommand(ctx, title, handler)));
}
