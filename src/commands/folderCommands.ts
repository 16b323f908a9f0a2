import * as vscode from 'vscode';
import { KooDriveError } from '../api/errors';
import { sharedFolderNameProblem } from '../api/validate';
import { maskField } from '../model/mask';
import { folderNameRule } from '../model/memberText';
import { safeText } from '../model/safeText';
import type { SharedFolderNode } from '../tree/sharedFolderNodes';
import type { CommandContext } from './context';
import { pickOwnedFolder } from './pickers';
import { pickSelection } from './selection';
import { sendOnce } from './send';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/** The one folder a command acts on: the row (or F2's selection), else one picked from the palette. */
export async function oneFolder(ctx: CommandContext, node: unknown, nodes: unknown, title: string, pick: () => Promise<SharedFolderNode | undefined>): Promise<SharedFolderNode | undefined> {
  const folders = pickSelection(node, nodes, ctx.sharedFoldersView.selection).filter((entry): entry is SharedFolderNode => isNode(entry, 'sharedFolder'));
  if (folders.length > 1) {
    void ctx.prompter.notify('warning', t('{0} works on one shared folder at a time. Select a single folder.', title));
    return undefined;
  }
  return folders[0] ?? (await pick());
}

/** Re-reads the group a folder is listed in ("Created by me" or "Joined"). */
export function rereadFolderGroup(ctx: CommandContext, folder: SharedFolderNode): void {
  if (folder.group.created) {
    ctx.sharedFolders.refreshCreated();
  } else {
    ctx.sharedFolders.refreshJoined();
  }
}

/** The signed-in user's id (D19 needs it as `ownerId`). @throws KooDriveError `configuration` when there is none. */
export function selfId(ctx: CommandContext): string {
  const userId = ctx.config.userId();
  if (!userId) {
    throw new KooDriveError({ kind: 'configuration', method: 'POST', path: '/koodrive/ose/v1/usergroupsInvite/deleteMember', detail: 'koodrive.userId is not set' });
  }
  return userId;
}

/** Rename Shared Folder (RenameShareFolder, §3.4; owner only): F2, context menu or palette. */
export async function renameSharedFolderCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Rename Shared Folder');
  const folder = await oneFolder(ctx, node, nodes, title, () => pickOwnedFolder(ctx, { title, placeholder: t('Choose a shared folder you created') }));
  if (!folder) {
    return;
  }
  if (!folder.owned) {
    void ctx.prompter.notify('warning', t('Only the owner of “{0}” can rename it. You joined this folder; ask its owner.', folder.title));
    return;
  }
  const typed = await ctx.prompter.input({
    title,
    prompt: t('New name for the shared folder “{0}”', folder.title),
    value: folder.name,
    validate: (value) => (sharedFolderNameProblem(value.trim()) ? folderNameRule(t) : undefined),
  });
  const name = typed?.trim();
  if (name === undefined || name === folder.name) {
    return;
  }
  await sendOnce(ctx, t('Renaming “{0}”…', folder.title), (signal) => ctx.client.renameSharedFolder(folder.folderId, name, { signal }), () => rereadFolderGroup(ctx, folder));
  ctx.log.info(`Renamed shared folder ${folder.folderId}`);
  rereadFolderGroup(ctx, folder);
  ctx.albums.refreshFamilies(); // family albums are described by their folder's name
  void ctx.prompter.notify('info', t('Renamed the shared folder “{0}” to “{1}”.', folder.title, safeText(name)));
}

/**
 * Show Details of a shared folder: its metadata read afresh (GetShareFolderMetadata, §3.5), in a
 * read-only document, people's ids and phone numbers masked.
 */
export async function showFolderDetails(ctx: CommandContext, folder: SharedFolderNode): Promise<void> {
  const fresh = await sendOnce(ctx, t('Reading “{0}”…', folder.title), (signal) => ctx.client.getSharedFolder(folder.folderId, { signal }), () => rereadFolderGroup(ctx, folder));
  await ctx.prompter.showDocument(ctx.details.add(folder.title, JSON.stringify(fresh, (key, value: unknown) => maskField(key, value), 2)));
}
