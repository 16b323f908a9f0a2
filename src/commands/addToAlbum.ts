import type { App } from '../app';
import { offerAddSummary, runAdd } from './common/adding';
import { chooseTarget, fileMaps, selectedItems } from './common/items';
import { pickAlbum } from './common/pickers';

/**
 * Add to Album…: the selected items of any album (from the palette or an album row: an album,
 * then its items) are added to a manual album picked, or created on the spot. Nothing leaves the
 * album the items came from.
 */
export async function addToAlbumCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Add to Album');
  const items = await selectedItems(app, { node, nodes }, () => pickAlbum(app, { title, placeholder: t('Choose the album that holds the items to add') }), title);
  if (!items) {
    return;
  }
  const sources = new Set(items.map((item) => item.album.albumId));
  const target = await chooseTarget(app, title, sources.size === 1 ? [...sources][0] : undefined);
  if (!target) {
    return;
  }
  const files = fileMaps(items);
  offerAddSummary(app, target, files, await runAdd(app, target, files));
}
