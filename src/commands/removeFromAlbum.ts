import * as vscode from 'vscode';
import { removeConfirmation, removeConfirmationMany } from '../model/removalText';
import type { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import { pickAlbumItems, pickManualAlbum } from './pickers';
import { type RemovalTarget, runRemoval } from './albumRemoval';
import type { CommandContext } from './context';
import { pickSelection } from './selection';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/**
 * Remove from Album. From the tree: the whole multi-selection of items of manual albums (or, on a
 * manual album, a picker of its items); the Delete key acts on the tree's selection. From the
 * palette, or with nothing usable selected: pick the album, then the items. One confirmation for everything, then {@link runRemoval}.
 */
export async function removeFromAlbumCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const selection = pickSelection(node, nodes, ctx.albumsView.selection);
  const contents = selection.filter((entry): entry is AlbumContentNode => isNode(entry, 'albumContent'));
  const removable = contents.filter((entry) => entry.album.manual);
  if (contents.length > 0 && removable.length === 0) {
    void ctx.prompter.notify('warning', t('Items of collection albums cannot be removed by hand: a collection album fills itself from its folders. Select items of a manual album.'));
    return;
  }

  let targets: RemovalTarget[];
  if (removable.length > 0) {
    targets = groupByAlbum(removable);
  } else {
    const clicked = selection.find((entry): entry is AlbumNode => isNode(entry, 'album'));
    if (clicked && !clicked.manual) {
      void ctx.prompter.notify('warning', t('“{0}” is a collection album; only manual albums let you remove items.', clicked.title));
      return;
    }
    const album = clicked ?? (await pickManualAlbum(ctx, { title: t('Remove from Album'), placeholder: t('Choose a manual album') }));
    if (!album) {
      return;
    }
    const items = await pickAlbumItems(ctx, album, {
      title: t('Remove from Album: {0}', album.title),
      placeholder: t('Choose the items to remove from “{0}” (the original files are kept)', album.title),
    });
    if (!items || items.length === 0) {
      return;
    }
    targets = groupByAlbum(items);
  }

  const total = targets.reduce((sum, target) => sum + target.items.length, 0);
  const wording = targets.length === 1 ? removeConfirmation(total, targets[0].albumName, t) : removeConfirmationMany(total, targets.map((target) => target.albumName), t);
  if (!(await ctx.prompter.confirm({ message: wording.message, detail: wording.detail, confirmLabel: wording.button }))) {
    return;
  }
  for (const target of targets) {
    const outcome = await runRemoval(ctx, target);
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
