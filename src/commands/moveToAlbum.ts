import type { App } from '../app';
import type { AddTarget } from './common/adding';
import { chooseTarget, fileMaps, selectedItems } from './common/items';
import { runMove } from './common/moving';
import { pickManualAlbum } from './common/pickers';

/**
 * Move to Album…: items of one manual album go to another manual album (picked, or created on
 * the spot). They are added to the target first; only those now in the target are removed from
 * the source, so nothing is ever in neither album. The summary accounts for every item.
 */
export async function moveToAlbumCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Move to Album');
  const items = await selectedItems(app, { node, nodes }, () => pickManualAlbum(app, { title, placeholder: t('Choose the manual album to move items from') }), title);
  if (!items) {
    return;
  }
  const sources = [...new Map(items.map((item) => [item.album.albumId, item.album])).values()];
  if (sources.some((album) => !album.manual)) {
    void app.prompter.notify('warning', t('Items of a collection album cannot be moved: the album fills itself from its folders. Use Add to Album… to add them elsewhere.'));
    return;
  }
  if (sources.length > 1) {
    void app.prompter.notify('warning', t('Move to Album works on the items of one album at a time. Select items of a single album.'));
    return;
  }
  const source: AddTarget = { albumId: sources[0].albumId, albumName: sources[0].title };
  const target = await chooseTarget(app, title, source.albumId);
  if (!target) {
    return;
  }
  await runMove(app, source, target, fileMaps(items));
}
