import { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import { SharedFolderNode } from '../tree/sharedFolderNodes';
import type { CommandContext } from './context';
import { listingSource } from './treePickers';

/** Text of a picker: its title and the question it asks. */
export interface PickText {
  title: string;
  placeholder: string;
}

/**
 * One manual album, chosen among the Albums tree's Manual groups (personal first, then each
 * family's), a page at a time. `exclude` leaves one album out (the source of a move).
 */
export async function pickManualAlbum(ctx: CommandContext, text: PickText, exclude?: string): Promise<AlbumNode | undefined> {
  const picked = await ctx.prompter.pickPaged(
    listingSource(ctx, () => ctx.albums.manualGroups(), (row) => (row instanceof AlbumNode && row.manual && row.albumId !== exclude ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** Any album, manual or collection, among every group of the Albums tree. */
export async function pickManualOrCollectionAlbum(ctx: CommandContext, text: PickText): Promise<AlbumNode | undefined> {
  const picked = await ctx.prompter.pickPaged(
    listingSource(ctx, () => ctx.albums.allGroups(), (row) => (row instanceof AlbumNode ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** Items of one album (several at a time unless `many` is false), from the album's own listing in the tree. */
export async function pickAlbumItems(ctx: CommandContext, album: AlbumNode, text: PickText, many = true): Promise<AlbumContentNode[] | undefined> {
  return ctx.prompter.pickPaged(
    listingSource(ctx, () => [ctx.albums.albumNode(album.albumId) ?? album], (row) => (row instanceof AlbumContentNode ? { label: row.title, description: row.description, detail: row.title === row.fileId ? undefined : row.fileId, value: row } : undefined)),
    { ...text, many },
  );
}

/** One shared folder the user created, from the tree's "Created by me" listing. */
export async function pickOwnedFolder(ctx: CommandContext, text: PickText): Promise<SharedFolderNode | undefined> {
  const picked = await ctx.prompter.pickPaged(
    listingSource(ctx, () => [ctx.sharedFolders.createdGroup()], (row) => (row instanceof SharedFolderNode && row.owned ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** One shared folder the user joined, from the tree's "Joined" listing. */
export async function pickJoinedFolder(ctx: CommandContext, text: PickText): Promise<SharedFolderNode | undefined> {
  const picked = await ctx.prompter.pickPaged(
    listingSource(ctx, () => [ctx.sharedFolders.joinedGroup()], (row) => (row instanceof SharedFolderNode && !row.owned ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}
