import * as vscode from 'vscode';
import { CommandId } from '../constants';
import type { App } from '../app';
import type { LazyCommand } from './handlers';
import { loadHandlers } from './lazy';
import { loadMoreCommand, refreshCommand, refreshNodeCommand, retryLoadCommand, showLogCommand } from './refresh';
import { type Handler, openSettings, runCommand } from './runCommand';

const t = vscode.l10n.t;

/** Status bar click: switch accounts when signed in; sign in (again) otherwise. */
async function statusBarClickCommand(app: App): Promise<void> {
  await lazy(app.accounts.state() === 'signedIn' ? CommandId.switchAccount : CommandId.signIn)(app);
}

/** A handler of the lazily loaded bundle (lazy.ts), fetched when the command first runs. */
function lazy(id: LazyCommand): Handler {
  return async (app, ...args) => (await loadHandlers()).handlers[id](app, ...args);
}

/** The command table: id → title for messages, handler. */
export function commandTable(): Record<CommandId, { title: string; handler: Handler }> {
  return {
    [CommandId.signIn]: { title: t('Sign In'), handler: lazy(CommandId.signIn) },
    [CommandId.signOut]: { title: t('Sign Out'), handler: lazy(CommandId.signOut) },
    [CommandId.addAccount]: { title: t('Add Account'), handler: lazy(CommandId.addAccount) },
    [CommandId.switchAccount]: { title: t('Switch Account'), handler: lazy(CommandId.switchAccount) },
    [CommandId.refresh]: { title: t('Refresh'), handler: refreshCommand },
    [CommandId.refreshNode]: { title: t('Refresh'), handler: refreshNodeCommand },
    [CommandId.filterSharedFolders]: { title: t('Filter Shared Folders'), handler: lazy(CommandId.filterSharedFolders) },
    [CommandId.clearSharedFolderFilter]: { title: t('Clear Shared Folder Filter'), handler: lazy(CommandId.clearSharedFolderFilter) },
    [CommandId.removeFromAlbum]: { title: t('Remove from Album'), handler: lazy(CommandId.removeFromAlbum) },
    [CommandId.deleteSharedFolder]: { title: t('Delete Shared Folder'), handler: lazy(CommandId.deleteSharedFolder) },
    [CommandId.copyId]: { title: t('Copy ID'), handler: lazy(CommandId.copyId) },
    [CommandId.showDetails]: { title: t('Show Details'), handler: lazy(CommandId.showDetails) },
    [CommandId.showLog]: { title: t('Show Log'), handler: showLogCommand },
    [CommandId.openSettings]: { title: t('Open Settings'), handler: openSettings },
    [CommandId.loadMore]: { title: t('Load more…'), handler: loadMoreCommand },
    [CommandId.retryLoad]: { title: t('Retry'), handler: retryLoadCommand },
    [CommandId.statusBarClick]: { title: t('KooDrive'), handler: statusBarClickCommand },
    [CommandId.openPreview]: { title: t('Open Preview'), handler: lazy(CommandId.openPreview) },
    [CommandId.removeAllFromAlbum]: { title: t('Remove All from Album'), handler: lazy(CommandId.removeAllFromAlbum) },
    [CommandId.filterItems]: { title: t('Filter Items'), handler: lazy(CommandId.filterItems) },
    [CommandId.clearItemFilter]: { title: t('Clear Item Filter'), handler: lazy(CommandId.clearItemFilter) },
    [CommandId.sortItems]: { title: t('Sort Album Items'), handler: lazy(CommandId.sortItems) },
    [CommandId.createAlbum]: { title: t('Create Album'), handler: lazy(CommandId.createAlbum) },
    [CommandId.renameAlbum]: { title: t('Rename Album'), handler: lazy(CommandId.renameAlbum) },
    [CommandId.deleteAlbum]: { title: t('Delete Album'), handler: lazy(CommandId.deleteAlbum) },
    [CommandId.addToAlbum]: { title: t('Add to Album'), handler: lazy(CommandId.addToAlbum) },
    [CommandId.moveToAlbum]: { title: t('Move to Album'), handler: lazy(CommandId.moveToAlbum) },
    [CommandId.createSharedFolder]: { title: t('Create Shared Folder'), handler: lazy(CommandId.createSharedFolder) },
    [CommandId.renameSharedFolder]: { title: t('Rename Shared Folder'), handler: lazy(CommandId.renameSharedFolder) },
    [CommandId.inviteMember]: { title: t('Invite Member'), handler: lazy(CommandId.inviteMember) },
    [CommandId.removeMember]: { title: t('Remove Member'), handler: lazy(CommandId.removeMember) },
    [CommandId.leaveSharedFolder]: { title: t('Leave Shared Folder'), handler: lazy(CommandId.leaveSharedFolder) },
    [CommandId.acceptInvitation]: { title: t('Accept Invitation'), handler: lazy(CommandId.acceptInvitation) },
    [CommandId.rejectInvitation]: { title: t('Reject Invitation'), handler: lazy(CommandId.rejectInvitation) },
    [CommandId.showStorage]: { title: t('Show Storage'), handler: lazy(CommandId.showStorage) },
    [CommandId.download]: { title: t('Download'), handler: lazy(CommandId.download) },
  };
}

/** Registers every command through the one error boundary. */
export function registerCommands(app: App): vscode.Disposable[] {
  return Object.entries(commandTable()).map(([id, { title, handler }]) => vscode.commands.registerCommand(id, runCommand(app, title, handler)));
}
