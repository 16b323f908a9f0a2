import type { App } from '../app';
import { isKooDriveError } from '../api/errors';
import { deleteAlbumConfirmation } from '../model/albumText';
import { errorReason, isCancellation } from '../model/errorText';
import type { AlbumNode } from '../tree/albumNodes';
import { sendChange } from './common/change';
import { confirmDeletion } from './common/deletion';
import { pickAlbum } from './common/pickers';
import { rereadAlbumGroup } from './common/rereads';
import { oneRow } from './common/selection';

/**
 * Delete Album (DeleteAlbum, §2.3): one modal confirmation naming the album and its item count
 * and saying the original files stay (with `typeName`, the name typed as well), then the request;
 * the server's answer decides, and the album's group is re-read either way.
 */
export async function deleteAlbumCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Delete Album');
  const album = await oneRow(app, 'albums', 'album', { node, nodes }, t('{0} works on one album at a time. Select a single album.', title), () => pickAlbum(app, { title, placeholder: t('Choose the album to delete') }));
  if (!album) {
    return;
  }
  const confirmed = await confirmDeletion(app, {
    title,
    name: album.title,
    counting: t('Counting the items of “{0}”…', album.title),
    count: (signal) => countItems(app, album, signal),
    confirmation: (items) => deleteAlbumConfirmation(album.title, items, t),
    typePrompt: t('Type the album’s name, {0}, to delete it', album.title),
  });
  if (!confirmed) {
    return;
  }
  await sendChange(app, {
    progress: t('Deleting “{0}”…', album.title),
    send: (signal) => app.client.deleteAlbum(album.albumId, { signal }),
    reread: () => rereadAlbumGroup(app, album),
    busy: { tree: app.albums, row: album, label: t('Deleting…') },
  });
  app.log.info(`Deleted album ${album.albumId}`);
  void app.prompter.notify('info', t('Deleted the album “{0}”. The original files are kept.', album.title));
}

/**
 * The album's item count: as the tree learnt it with the first page, else from the `total` of one
 * one-item page. Undefined when it cannot be read (the confirmation says so); 'cancelled' when stopped.
 */
async function countItems(app: App, album: AlbumNode, signal: AbortSignal): Promise<number | undefined | 'cancelled'> {
  if (album.itemCount !== undefined) {
    return album.itemCount;
  }
  try {
    const page = await app.client.listAlbumContent(album.albumId, { pageSize: 1 }, { signal });
    return page.total ?? (page.nextCursor ? undefined : page.items.length);
  } catch (error) {
    if (signal.aborted || isCancellation(error)) {
      return 'cancelled';
    }
    if (isKooDriveError(error) && error.kind === 'sessionExpired') {
      throw error; // nothing is confirmed yet: the boundary asks to sign in, then starts over
    }
    app.log.warn(`Could not count the items of album ${album.albumId}: ${errorReason(error, app.t)}`);
    return undefined;
  }
}
