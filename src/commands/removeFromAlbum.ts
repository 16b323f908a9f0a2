import * as vscode from 'vscode';
import type { AlbumItem } from '../api/types';
import { albumLabel, isManual } from '../model/present';
import { removeConfirmation, removeConfirmationMany } from '../model/removalText';
import { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import { albumContentSource, manualAlbumSource } from './albumPickers';
import { type RemovalTarget, runRemoval } from './albumRemoval';
import type { CommandContext } from './context';
import { pickSelection } from './selection';

const t = vscode.l10n.t;

/**
 * Remove from Album. From the tree: the whole multi-selection of items of manual albums (or, on a
 * manual album, a picker of its items); the Delete key acts on the tree's selection. From the
 * palette, or with nothing usable selected: pick the album, then the items. One confirmation for everything, then {@link runRemoval}.
 */
export async function removeFromAlbumCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const selection = pickSelection(node, nodes, ctx.albumsView.selection);
  const contents = selection.filter((entry): entry is AlbumContentNode => entry instanceof AlbumContentNode);
  const removable = contents.filter((entry) => entry.album.manual);
  if (contents.length > 0 && removable.length === 0) {
    void ctx.prompter.notify('warning', t('Items of collection albums cannot be removed by hand: a collection album fills itself from its folders. Select items of a manual album.'));
    return;
  }

  let targets: RemovalTarget[];
  if (removable.length > 0) {
    targets = groupByAlbum(removable);
  } else {
    const album = selection.find((entry): entry is AlbumNode => entry instanceof AlbumNode);
    if (album && !album.manual) {
      void ctx.prompter.notify('warning', t('“{0}” is a collection album; only manual albums let you remove items.', album.label));
      return;
    }
    const picked = album ? { id: album.album.id, label: album.label } : await pickAlbum(ctx);
    if (!picked) {
      return;
    }
    const items = await ctx.prompter.pickPaged(albumContentSource(ctx, picked.id), {
      title: t('Remove from Album: {0}', picked.label),
      placeholder: t('Choose the items to remove from “{0}” (the original files are kept)', picked.label),
      many: true,
    });
    if (!items || items.length === 0) {
      return;
    }
    targets = [{ albumId: picked.id, albumName: picked.label, items }];
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

function groupByAlbum(nodes: AlbumContentNode[]): RemovalTarget[] {
  const byAlbum = new Map<string, RemovalTarget>();
  for (const entry of nodes) {
    const id = entry.album.album.id;
    const target = byAlbum.get(id) ?? { albumId: id, albumName: entry.album.label, items: [] };
    if (!target.items.some((item) => item.id === entry.content.id)) {
      target.items.push(entry.content);
    }
    byAlbum.set(id, target);
  }
  return [...byAlbum.values()];
}

async function pickAlbum(ctx: CommandContext): Promise<{ id: string; label: string } | undefined> {
  const picked = await ctx.prompter.pickPaged(manualAlbumSource(ctx), {
    title: t('Remove from Album'),
    placeholder: t('Choose a manual album'),
    many: false,
  });
  const album: AlbumItem | undefined = picked?.[0];
  return album && isManual(album) ? { id: album.id, label: albumLabel(album, t) } : undefined;
}
