import * as vscode from 'vscode';
import type { FileMap } from '../api/types';
import type { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import { type AddTarget, offerAddSummary, runAdd } from './albumAdding';
import type { CommandContext } from './context';
import { createAlbum } from './createAlbum';
import { CREATE_ALBUM, pickAlbum, pickAlbumItems, pickTargetAlbum } from './pickers';
import { pickSelection } from './selection';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/**
 * Add to Album…: the selected items of any album (from the palette or an album row: an album,
 * then its items) are added to a manual album picked, or created on the spot. Nothing leaves the
 * album the items came from.
 */
export async function addToAlbumCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Add to Album');
  const items = await selectedItems(ctx, node, nodes, () => pickAlbum(ctx, { title, placeholder: t('Choose the album that holds the items to add') }), title);
  if (!items) {
    return;
  }
  const sources = new Set(items.map((item) => item.album.albumId));
  const target = await chooseTarget(ctx, title, sources.size === 1 ? [...sources][0] : undefined);
  if (!target) {
    return;
  }
  const files = fileMaps(items);
  offerAddSummary(ctx, target, files, await runAdd(ctx, target, files));
}

/**
 * The items a command acts on: the selected items, or (on an album row, or from the palette) the
 * items picked from one album.
 * @param pickSource asks for the album when no album row was clicked.
 */
export async function selectedItems(ctx: CommandContext, node: unknown, nodes: unknown, pickSource: () => Promise<AlbumNode | undefined>, title: string): Promise<AlbumContentNode[] | undefined> {
  const selection = pickSelection(node, nodes, ctx.albumsView.selection);
  const items = selection.filter((entry): entry is AlbumContentNode => isNode(entry, 'albumContent'));
  if (items.length > 0) {
    return items;
  }
  const source = selection.find((entry): entry is AlbumNode => isNode(entry, 'album')) ?? (await pickSource());
  if (!source) {
    return undefined;
  }
  const picked = await pickAlbumItems(ctx, source, { title: t('{0}: {1}', title, source.title), placeholder: t('Choose the items of “{0}”', source.title) });
  return picked && picked.length > 0 ? picked : undefined;
}

/** The manual album to add to: picked (not `exclude`), or created on the spot. */
export async function chooseTarget(ctx: CommandContext, title: string, exclude: string | undefined): Promise<AddTarget | undefined> {
  const picked = await pickTargetAlbum(ctx, { title, placeholder: t('Choose a manual album, or create one') }, exclude);
  if (picked === CREATE_ALBUM) {
    const created = await createAlbum(ctx, undefined, false);
    return created ? { albumId: created.albumId, albumName: created.name } : undefined;
  }
  return picked ? { albumId: picked.albumId, albumName: picked.title } : undefined;
}

/** Each item once, with its owner where the listing says (family albums hold other people's files). */
export function fileMaps(items: AlbumContentNode[]): FileMap[] {
  const byId = new Map<string, FileMap>();
  for (const item of items) {
    const owner = item.ownerId;
    if (!byId.has(item.fileId)) {
      byId.set(item.fileId, owner ? { fileId: item.fileId, ownerId: owner } : { fileId: item.fileId });
    }
  }
  return [...byId.values()];
}
