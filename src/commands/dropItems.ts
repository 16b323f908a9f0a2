import type { App } from '../app';
import type { Dropped } from '../tree/albumDrop';
import type { AlbumNode } from '../tree/albumNodes';
import { isNode } from '../tree/kinds';
import { type AddTarget, type ExtraActions, offerAddSummary, runAdd } from './common/adding';
import { fileMaps } from './common/items';
import { completeMove } from './common/moving';

/**
 * Items dropped on the Albums tree: added to the manual album dropped on (or to the album of the
 * item dropped on); the summary offers Complete Move when they all came from one manual album.
 * The albums are the tree's own, looked up by id: nothing but file ids and owners is taken from
 * the drag. A drop that did not come from this window's Albums view, or anywhere but a manual
 * album, adds nothing and says why.
 */
export async function dropOnAlbum(app: App, dropped: Dropped, on: unknown): Promise<void> {
  const { t } = app;
  if (!dropped.ours) {
    app.log.warn('Refused a drop carrying the Albums view’s type that was not dragged from it in this window');
    void app.prompter.notify('warning', t('Only album items dragged from the KooDrive Albums view of this window can be dropped here; nothing was added.'));
    return;
  }
  const row = app.albums.resolve(on);
  const album = isNode(row, 'album') ? row : isNode(row, 'albumContent') ? row.album : undefined;
  if (!album) {
    void app.prompter.notify('info', t('Drop items on a manual album, or on one of its items, to add them to it.'));
    return;
  }
  if (!album.manual) {
    void app.prompter.notify('info', t('“{0}” is a collection album: it fills itself from its folders, so nothing can be added to it by hand. Drop the items on a manual album.', album.title));
    return;
  }
  const moving = dropped.items.filter((item) => item.albumId !== album.albumId);
  if (moving.length === 0) {
    void app.prompter.notify('info', t('These items are already in “{0}”.', album.title));
    return;
  }
  const target: AddTarget = { albumId: album.albumId, albumName: album.title };
  const files = fileMaps(moving);
  const outcome = await runAdd(app, target, files);
  const sources = [...new Set(moving.map((item) => item.albumId))].map((albumId) => app.albums.albumNode(albumId));
  const source = sources.length === 1 ? sources[0] : undefined;
  const completeMoveOf: ExtraActions = (sofar) => (isManualAlbum(source) && sofar.done.length + sofar.alreadyThere.length > 0
    ? { [t('Complete Move')]: async () => void (await completeMove(app, { albumId: source.albumId, albumName: source.title }, target, files, sofar)) }
    : {});
  offerAddSummary(app, target, files, outcome, { extra: completeMoveOf });
}

function isManualAlbum(album: AlbumNode | undefined): album is AlbumNode {
  return album?.manual === true;
}
