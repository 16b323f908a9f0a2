import type { App } from '../../app';
import type { FileMap } from '../../api/types';
import type { AlbumContentNode, AlbumNode } from '../../tree/albumNodes';
import { isNode } from '../../tree/kinds';
import type { AddTarget } from './adding';
import { createAlbum } from './albumCreation';
import { CREATE_ALBUM, pickAlbumItems, pickTargetAlbum } from './pickers';
import { rowsIn } from './selection';

/**
 * The album items a command acts on: the selected items, or (on an album row, or from the
 * palette) the items picked from one album.
 * @param pickSource asks for the album when no album row was clicked.
 */
export async function selectedItems(app: App, args: { node: unknown; nodes: unknown }, pickSource: () => Promise<AlbumNode | undefined>, title: string): Promise<AlbumContentNode[] | undefined> {
  const selection = rowsIn(app, 'albums', args.node, args.nodes);
  const items = selection.filter((entry): entry is AlbumContentNode => isNode(entry, 'albumContent'));
  if (items.length > 0) {
    return items;
  }
  const source = selection.find((entry): entry is AlbumNode => isNode(entry, 'album')) ?? (await pickSource());
  if (!source) {
    return undefined;
  }
  const picked = await pickAlbumItems(app, source, { title: app.t('{0}: {1}', title, source.title), placeholder: app.t('Choose the items of “{0}”', source.title) });
  return picked && picked.length > 0 ? picked : undefined;
}

/** The manual album to add or move to: picked (not `exclude`), or created on the spot. */
export async function chooseTarget(app: App, title: string, exclude: string | undefined): Promise<AddTarget | undefined> {
  const picked = await pickTargetAlbum(app, { title, placeholder: app.t('Choose a manual album, or create one') }, exclude);
  if (picked === CREATE_ALBUM) {
    const created = await createAlbum(app, undefined, false);
    return created ? { albumId: created.albumId, albumName: created.name } : undefined;
  }
  return picked ? { albumId: picked.albumId, albumName: picked.title } : undefined;
}

/** Each file once, with its owner where the listing says (family albums hold other people's files). */
export function fileMaps(items: readonly { fileId: string; ownerId?: string }[]): FileMap[] {
  const byId = new Map<string, FileMap>();
  for (const item of items) {
    if (!byId.has(item.fileId)) {
      byId.set(item.fileId, item.ownerId ? { fileId: item.fileId, ownerId: item.ownerId } : { fileId: item.fileId });
    }
  }
  return [...byId.values()];
}
