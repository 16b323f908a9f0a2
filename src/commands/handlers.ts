/**
 * The entry of the handlers' bundle (dist/commands.js, see lazy.ts): every command that is not
 * needed before a first command runs. Handlers tell rows apart with isNode (tree/kinds.ts), never
 * with `instanceof`: this bundle carries its own copy of any class it imports.
 */
import type { CommandId } from '../constants';
import { addAccount, addAccountCommand, signInAgain, signInCommand } from './accounts';
import { addToAlbumCommand } from './addToAlbum';
import { createAlbumCommand } from './createAlbum';
import { createSharedFolderCommand } from './createSharedFolder';
import { deleteAlbumCommand } from './deleteAlbum';
import { deleteSharedFolderCommand } from './deleteSharedFolder';
import { downloadCommand } from './download';
import { dropOnAlbum } from './dropItems';
import { clearItemFilterCommand, filterItemsCommand } from './filterItems';
import { clearSharedFolderFilterCommand, filterSharedFoldersCommand } from './filterSharedFolders';
import { acceptInvitationCommand, rejectInvitationCommand } from './invitations';
import { inviteMemberCommand } from './inviteMember';
import { leaveSharedFolderCommand, removeMemberCommand } from './members';
import { moveToAlbumCommand } from './moveToAlbum';
import { openPreviewCommand } from './openPreview';
import { removeAllFromAlbumCommand } from './removeAllFromAlbum';
import { removeFromAlbumCommand } from './removeFromAlbum';
import { renameAlbumCommand, renameSharedFolderCommand } from './rename';
import { copyIdCommand, showDetailsCommand } from './rowCommands';
import type { Handler } from './runCommand';
import { runRemoval } from './common/removal';
import { showStorageCommand } from './showStorage';
import { sortItemsCommand } from './sortItems';
import { signOutAccount, signOutCommand, switchAccountCommand } from './switchAccount';

/** The commands loaded on first use (the others are registered with their handlers at once). */
export type LazyCommand = Exclude<CommandId, 'koodrive.statusBarClick' | 'koodrive.refresh' | 'koodrive.refreshNode' | 'koodrive.loadMore' | 'koodrive.retryLoad' | 'koodrive.showLog' | 'koodrive.openSettings'>;

export const handlers: Record<LazyCommand, Handler> = {
  'koodrive.filterSharedFolders': filterSharedFoldersCommand,
  'koodrive.clearSharedFolderFilter': clearSharedFolderFilterCommand,
  'koodrive.removeFromAlbum': removeFromAlbumCommand,
  'koodrive.deleteSharedFolder': deleteSharedFolderCommand,
  'koodrive.copyId': copyIdCommand,
  'koodrive.showDetails': showDetailsCommand,
  'koodrive.openPreview': openPreviewCommand,
  'koodrive.removeAllFromAlbum': removeAllFromAlbumCommand,
  'koodrive.filterItems': filterItemsCommand,
  'koodrive.clearItemFilter': clearItemFilterCommand,
  'koodrive.sortItems': sortItemsCommand,
  'koodrive.createAlbum': createAlbumCommand,
  'koodrive.renameAlbum': renameAlbumCommand,
  'koodrive.deleteAlbum': deleteAlbumCommand,
  'koodrive.addToAlbum': addToAlbumCommand,
  'koodrive.moveToAlbum': moveToAlbumCommand,
  'koodrive.createSharedFolder': createSharedFolderCommand,
  'koodrive.renameSharedFolder': renameSharedFolderCommand,
  'koodrive.inviteMember': inviteMemberCommand,
  'koodrive.removeMember': removeMemberCommand,
  'koodrive.leaveSharedFolder': leaveSharedFolderCommand,
  'koodrive.acceptInvitation': acceptInvitationCommand,
  'koodrive.rejectInvitation': rejectInvitationCommand,
  'koodrive.showStorage': showStorageCommand,
  'koodrive.download': downloadCommand,
  'koodrive.signIn': signInCommand,
  'koodrive.addAccount': addAccountCommand,
  'koodrive.signOut': signOutCommand,
  'koodrive.switchAccount': switchAccountCommand,
};

export { addAccount, dropOnAlbum, runRemoval, signInAgain, signOutAccount };
