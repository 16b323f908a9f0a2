import type { App } from '../app';
import { removeConfirmation, removeConfirmationMany } from '../model/removalText';
import type { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import { isNode } from '../tree/kinds';
import { pickAlbumItems, pickManualAlbum } from './common/pickers';
import { type RemovalTarget, runRemoval } from './common/removal';
import { rowsIn } from './common/selection';

/**
 * Remove from Album. From the tree: the whole multi-selection of items of manual albums (or, on a
 * manual album, a picker of its items); the Delete key acts on the tree's selection. From the
 * palette, or with nothing usable selected: pick the album, then the items. One confirmation for
 * everything, then {@link runRemoval} per album.
 */
export async function removeFromAlbumCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const selection = rowsIn(app, 'albums', node, nodes);
  const contents = selection.filter((entry): entry is AlbumContentNode => isNode(entry, 'albumContent'));
  const removable = contents.filter((entry) => entry.album.manual);
  if (contents.length > 0 && removable.length === 0) {
    void app.prompter.notify('warning', t('Items of collection albums cannot be removed by hand: a collection album fills itself from its folders. Select items of a manual album.'));
    return;
  }

  let targets: RemovalTarget[];
  if (removable.length > 0) {
    targets = groupByAlbum(removable);
  } else {
    const clicked = selection.find((entry): entry is AlbumNode => isNode(entry, 'album'));
    if (clicked && !clicked.manual) {
      void app.prompter.notify('warning', t('“{0}” is a collection album; only manual albums let you remove items.', clicked.title));
      return;
    }
    const album = clicked ?? (await pickManualAlbum(app, { title: t('Remove from Album'), placeholder: t('Choose a manual album') }));
    if (!album) {
      return;
    }
    const items = await pickAlbumItems(app, album, {
      title: t('Remove from Album: {0}', album.title),
      placeholder: t('Choose the items to remove from “{0}” (the original files are kept)', album.title),
    });
    if (!items || items.length === 0) {
      return;
    }
    targets = groupByAlbum(items);
  }

  const total = targets.reduce((sum, target) => sum + target.items.length, 0);
  const question = targets.length === 1 ? removeConfirmation(total, targets[0].albumName, t) : removeConfirmationMany(total, targets.map((target) => target.albumName), t);
  if (!(await app.prompter.confirm(question))) {
    return;
  }
  for (const target of targets) {
    const outcome = await runRemoval(app, target);
    if (outcome.cancelled) {
      break;
    }
  }
}

/** The selected items by album, each item once, in the order chosen. */
function groupByAlbum(nodes: AlbumContentNode[]): RemovalTarget[] {
  const byAlbum = new Map<string, RemovalTarget>();
  for (const entry of nodes) {
    const target = byAlbum.get(entry.album.albumId) ?? { albumId: entry.album.albumId, albumName: entry.album.title, items: [] };
    if (!target.items.some((item) => item.id === entry.fileId)) {
      target.items.push(entry.content);
    }
    byAlbum.set(entry.album.albumId, target);
  }
  return [...byAlbum.values()];
}
