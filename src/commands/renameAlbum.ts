import * as vscode from 'vscode';
import { albumNameProblem } from '../api/validate';
import { albumNameRule } from '../model/albumText';
import { safeText } from '../model/safeText';
import type { AlbumNode } from '../tree/albumNodes';
import type { CommandContext } from './context';
import { pickManualAlbum } from './pickers';
import { pickSelection } from './selection';
import { sendOnce } from './send';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/** The one album a command acts on: the row (or F2's selection), else one picked from the palette. */
export async function oneAlbum(ctx: CommandContext, node: unknown, nodes: unknown, title: string, pick: () => Promise<AlbumNode | undefined>): Promise<AlbumNode | undefined> {
  const albums = pickSelection(node, nodes, ctx.albumsView.selection).filter((entry): entry is AlbumNode => isNode(entry, 'album'));
  if (albums.length > 1) {
    void ctx.prompter.notify('warning', t('{0} works on one album at a time. Select a single album.', title));
    return undefined;
  }
  return albums[0] ?? (await pick());
}

/** Reloads the group an album is listed in (the current tree's), so its row shows the truth. */
export function rereadAlbumGroup(ctx: CommandContext, album: AlbumNode): void {
  const group = ctx.albums.owns(album) ? album.group : ctx.albums.groups().find((each) => each.kind === album.group.kind && each.type === album.group.type);
  if (group) {
    ctx.albums.refresh(group);
  }
}

/** Rename Album (manual albums: UpdateAlbum `name`, §2.2): F2, inline, context menu or palette. */
export async function renameAlbumCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Rename Album');
  const album = await oneAlbum(ctx, node, nodes, title, () => pickManualAlbum(ctx, { title, placeholder: t('Choose a manual album to rename') }));
  if (!album) {
    return;
  }
  if (!album.manual) {
    void ctx.prompter.notify('warning', t('“{0}” is a collection album: it has no name of its own to change.', album.title));
    return;
  }
  const typed = await ctx.prompter.input({
    title,
    prompt: t('New name for the album “{0}”', album.title),
    value: album.name,
    validate: (value) => (albumNameProblem(value.trim()) ? albumNameRule(t) : undefined),
  });
  const name = typed?.trim();
  if (name === undefined || name === album.name) {
    return;
  }
  await sendOnce(ctx, t('Renaming “{0}”…', album.title), (signal) => ctx.client.updateAlbum(album.albumId, { name }, { signal }), () => rereadAlbumGroup(ctx, album));
  ctx.log.info(`Renamed album ${album.albumId}`);
  rereadAlbumGroup(ctx, album);
  void ctx.prompter.notify('info', t('Renamed the album “{0}” to “{1}”.', album.title, safeText(name)));
}
