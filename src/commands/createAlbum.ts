import * as vscode from 'vscode';
import { AlbumKind, type CreateAlbumRequest } from '../api/types';
import { albumNameProblem } from '../api/validate';
import { albumNameRule } from '../model/albumText';
import { safeText } from '../model/safeText';
import type { AlbumNode } from '../tree/albumNodes';
import type { AlbumGroupNode } from '../tree/albumGroups';
import { manualGroup, manualGroupOf, placeAlbum } from './albumPlace';
import type { CommandContext } from './context';
import { pickSelection } from './selection';
import { sendOnce } from './send';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/** An album just created: its id and its name (inert, for messages). */
export interface CreatedAlbum {
  albumId: string;
  name: string;
}

/**
 * Create Album: on a Manual group (inline `+`, context menu, Ctrl+Alt+N in the Albums view) it
 * creates there; from the palette it asks personal or which family.
 */
export async function createAlbumCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const [first] = pickSelection(node, nodes, ctx.albumsView.selection);
  await createAlbum(ctx, manualGroupOf(ctx, first));
}

/**
 * Asks where (unless `group` says it) and the name (1-20 characters, checked as it is typed),
 * creates a manual album (CreateAlbum type 2; albumKind 1, or 2 with the family's groupId),
 * reloads the group and selects the new album.
 * @returns the new album, or undefined when the user stopped (or its id could not be learnt).
 */
export async function createAlbum(ctx: CommandContext, group: AlbumGroupNode | undefined, announce = true): Promise<CreatedAlbum | undefined> {
  const place = await placeAlbum(ctx, group);
  if (!place) {
    return undefined;
  }
  const typed = await ctx.prompter.input({
    title: t('Create Album'),
    prompt: place.family ? t('Name of the new album of the family “{0}”', place.family.name) : t('Name of the new personal album'),
    validate: (value) => (albumNameProblem(value.trim()) ? albumNameRule(t) : undefined),
  });
  if (typed === undefined) {
    return undefined;
  }
  const name = typed.trim();
  const shown = safeText(name);
  const request: CreateAlbumRequest = place.family
    ? { name, type: '2', albumKind: '2', groupId: place.family.groupId }
    : { name, type: '2', albumKind: '1' };
  const kind = place.group.kind;
  const reread = (): void => {
    const current = manualGroup(ctx, kind);
    if (current) {
      ctx.albums.refresh(current);
    }
  };
  const result = await sendOnce(ctx, t('Creating the album “{0}”…', shown), (signal) => ctx.client.createAlbum(request, { signal }), reread);
  ctx.log.info(`Created album ${result.id ?? '(no id in the answer)'}${place.family ? ` in group ${place.family.groupId}` : ''}`);
  reread();
  const node = await showAlbum(ctx, kind, result.id, name);
  if (announce) {
    void ctx.prompter.notify('info', t('Created the album “{0}”.', shown));
  }
  const albumId = result.id ?? node?.albumId;
  return albumId ? { albumId, name: shown } : undefined;
}

/**
 * Loads the group's listing and selects the new album's row: by id, or by name when KooDrive's
 * answer gave no id (the reference does not document it, §2.1). Showing it is a courtesy: a
 * failure is logged, not shown.
 */
async function showAlbum(ctx: CommandContext, kind: AlbumKind, albumId: string | undefined, name: string): Promise<AlbumNode | undefined> {
  const group = manualGroup(ctx, kind);
  if (!group) {
    return undefined;
  }
  try {
    const rows = await ctx.prompter.progress(t('Showing the new album…'), (_reporter, signal) => group.loadAll(signal), { quietMs: 1000 });
    const albums = rows.filter((row): row is AlbumNode => isNode(row, 'album'));
    const node = albumId ? albums.find((album) => album.albumId === albumId) : albums.filter((album) => album.name === name && (kind === AlbumKind.personal || album.familyAlbum)).pop();
    if (node) {
      await ctx.albumsView.reveal(node, { select: true, focus: true });
    }
    return node;
  } catch (error) {
    ctx.log.warn(`Could not show the new album: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
