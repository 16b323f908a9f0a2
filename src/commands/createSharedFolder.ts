import * as vscode from 'vscode';
import { sharedFolderNameProblem } from '../api/validate';
import { folderNameRule } from '../model/memberText';
import { safeText } from '../model/safeText';
import type { SharedFolderNode } from '../tree/sharedFolderNodes';
import type { CommandContext } from './context';
import { sendOnce } from './send';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/**
 * Create Shared Folder (CreateShareFolder, §3.1): a family folder in the user's own space (its
 * `containerId` from GetSpace, read once per session), the name checked against the reference's
 * rules as it is typed. Then "Created by me" is re-read and the new folder selected; the Family
 * album groups are re-read too (a folder's group is a family).
 */
export async function createSharedFolderCommand(ctx: CommandContext): Promise<void> {
  const typed = await ctx.prompter.input({
    title: t('Create Shared Folder'),
    prompt: t('Name of the new family shared folder'),
    validate: (value) => (sharedFolderNameProblem(value.trim()) ? folderNameRule(t) : undefined),
  });
  if (typed === undefined) {
    return;
  }
  const name = typed.trim();
  const shown = safeText(name);
  const created = await sendOnce(
    ctx,
    t('Creating the shared folder “{0}”…', shown),
    async (signal) => ctx.client.createSharedFolder({ containerId: await ctx.storage.containerId(), name }, { signal }),
    () => ctx.sharedFolders.refreshCreated(),
  );
  ctx.log.info(`Created shared folder ${created.id} (group ${String(created.groupId ?? '?')})`);
  ctx.sharedFolders.refreshCreated();
  ctx.albums.refreshFamilies();
  await showFolder(ctx, created.id);
  void ctx.prompter.notify('info', t('Created the shared folder “{0}”. Invite members from its context menu.', shown));
}

/** Selects the folder's row once "Created by me" has loaded it; a courtesy: failures are logged. */
async function showFolder(ctx: CommandContext, folderId: string | undefined): Promise<void> {
  try {
    const group = ctx.sharedFolders.createdGroup();
    const rows = await ctx.prompter.progress(t('Showing the new folder…'), (_reporter, signal) => group.loadAll(signal), { quietMs: 1000 });
    const node = rows.find((row): row is SharedFolderNode => isNode(row, 'sharedFolder') && row.folderId === folderId);
    if (node) {
      await ctx.sharedFoldersView.reveal(node, { select: true, focus: true });
    }
  } catch (error) {
    ctx.log.warn(`Could not show the new folder: ${error instanceof Error ? error.message : String(error)}`);
  }
}
