import * as vscode from 'vscode';
import { isKooDriveError } from '../api/errors';
import { deleteAlbumConfirmation } from '../model/albumText';
import { errorReason, isCancellation } from '../model/errorText';
import type { AlbumNode } from '../tree/albumNodes';
import type { CommandContext } from './context';
import { pickAlbum } from './pickers';
import { oneAlbum, rereadAlbumGroup } from './renameAlbum';
import { sendOnce } from './send';

const t = vscode.l10n.t;

/**
 * Delete Album (DeleteAlbum, §2.3): one modal confirmation naming the album and its item count
 * and saying the original files stay (with `typeName`, the name typed as well), then the request;
 * the server's answer decides, and the album's group is re-read either way.
 */
export async function deleteAlbumCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Delete Album');
  const album = await oneAlbum(ctx, node, nodes, title, () => pickAlbum(ctx, { title, placeholder: t('Choose the album to delete') }));
  if (!album) {
    return;
  }
  const items = await ctx.prompter.progress(t('Counting the items of “{0}”…', album.title), (_reporter, signal) => countItems(ctx, album, signal), { quietMs: 1000 });
  if (items === 'cancelled') {
    return;
  }
  const wording = deleteAlbumConfirmation(album.title, items, t);
  if (!(await ctx.prompter.confirm({ message: wording.message, detail: wording.detail, confirmLabel: wording.button }))) {
    return;
  }
  if (ctx.config.deleteConfirmation() === 'typeName') {
    const typed = await ctx.prompter.input({
      title,
      prompt: t('Type the album’s name, {0}, to delete it', album.title),
      validate: (value) => (value === album.title ? undefined : t('Type “{0}” exactly to confirm.', album.title)),
    });
    if (typed !== album.title) {
      return;
    }
  }
  await sendOnce(ctx, t('Deleting “{0}”…', album.title), (signal) => ctx.client.deleteAlbum(album.albumId, { signal }), () => rereadAlbumGroup(ctx, album));
  ctx.log.info(`Deleted album ${album.albumId}`);
  rereadAlbumGroup(ctx, album);
  void ctx.prompter.notify('info', t('Deleted the album “{0}”. The original files are kept.', album.title));
}

/**
 * The album's item count: as the tree learnt it with the first page, else from the `total` of one
 * one-item page. Undefined when it cannot be read (the confirmation says so); 'cancelled' when stopped.
 */
async function countItems(ctx: CommandContext, album: AlbumNode, signal: AbortSignal): Promise<number | undefined | 'cancelled'> {
  if (album.itemCount !== undefined) {
    return album.itemCount;
  }
  try {
    const page = await ctx.client.listAlbumContent(album.albumId, { pageSize: 1 }, { signal });
    return page.total ?? (page.nextCursor ? undefined : page.items.length);
  } catch (error) {
    if (signal.aborted || isCancellation(error)) {
      return 'cancelled';
    }
    if (isKooDriveError(error) && error.kind === 'sessionExpired') {
      throw error; // nothing is confirmed yet: the boundary asks to sign in, then starts over
    }
    ctx.log.warn(`Could not count the items of album ${album.albumId}: ${errorReason(error, t)}`);
    return undefined;
  }
}
