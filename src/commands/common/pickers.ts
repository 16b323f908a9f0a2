import type { AlbumContentNode, AlbumNode } from '../../tree/albumNodes';
import type { InvitationNode } from '../../tree/invitationNodes';
import type { MemberNode, SharedFolderNode } from '../../tree/sharedFolderNodes';
import type { PagedPickSource, PickItem } from '../../ui/prompter';
import type { App } from '../../app';
import { type ListingCursor, listingSource, staticSource, withFirstItem } from './treePickers';
import { isNode } from '../../tree/kinds';

/** Text of a picker: its title and the question it asks. */
export interface PickText {
  title: string;
  placeholder: string;
}

/**
 * One manual album, chosen among the Albums tree's Manual groups (personal first, then each
 * family's), a page at a time. `exclude` leaves one album out (the source of a move).
 */
export async function pickManualAlbum(app: App, text: PickText, exclude?: string): Promise<AlbumNode | undefined> {
  const picked = await app.prompter.pickPaged(
    listingSource(app, () => app.albums.manualGroups(), (row) => (isNode(row, 'album') && row.manual && row.albumId !== exclude ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** The "Create new album…" entry of {@link pickTargetAlbum}. */
export const CREATE_ALBUM = 'create' as const;

/**
 * The album to add or move items to: a manual album (not `exclude`), or "Create new album…"
 * at the top, which makes one on the spot.
 */
export async function pickTargetAlbum(app: App, text: PickText, exclude?: string): Promise<AlbumNode | typeof CREATE_ALBUM | undefined> {
  const create: PickItem<typeof CREATE_ALBUM> = { label: `$(add) ${app.t('Create new album…')}`, value: CREATE_ALBUM };
  const albums = listingSource(app, () => app.albums.manualGroups(), (row) => (isNode(row, 'album') && row.manual && row.albumId !== exclude ? { label: row.title, description: row.description, value: row } : undefined));
  const picked = await app.prompter.pickPaged(withFirstItem(create, albums), { ...text, many: false });
  return picked?.[0];
}

/** Any album (manual and collection, personal then family), from the tree's own listings. */
export async function pickAlbum(app: App, text: PickText): Promise<AlbumNode | undefined> {
  const picked = await app.prompter.pickPaged(
    listingSource(app, () => app.albums.groups(), (row) => (isNode(row, 'album') ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** The items of one album as a picker's pages, from the album's own listing in the tree (Load all reads the rest). */
export function albumItemsSource(app: App, album: AlbumNode): PagedPickSource<AlbumContentNode, ListingCursor> {
  return listingSource(app, () => [app.albums.albumNode(album.albumId) ?? album], (row) => (isNode(row, 'albumContent') ? { label: row.title, description: row.description, detail: row.title === row.fileId ? undefined : row.fileId, value: row } : undefined));
}

/** Items of one album (several at a time unless `many` is false), from the album's own listing in the tree. */
export async function pickAlbumItems(app: App, album: AlbumNode, text: PickText, many = true): Promise<AlbumContentNode[] | undefined> {
  return app.prompter.pickPaged(albumItemsSource(app, album), { ...text, many });
}

/** One shared folder the user created, from the tree's "Created by me" listing. */
export async function pickOwnedFolder(app: App, text: PickText): Promise<SharedFolderNode | undefined> {
  const picked = await app.prompter.pickPaged(
    listingSource(app, () => [app.sharedFolders.createdGroup()], (row) => (isNode(row, 'sharedFolder') && row.owned ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** One shared folder the user joined, from the tree's "Joined" listing. */
export async function pickJoinedFolder(app: App, text: PickText): Promise<SharedFolderNode | undefined> {
  const picked = await app.prompter.pickPaged(
    listingSource(app, () => [app.sharedFolders.joinedGroup()], (row) => (isNode(row, 'sharedFolder') && !row.owned ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** A member of a folder the user owns, other than the owner, from the folder's member listing. */
export async function pickMember(app: App, folder: SharedFolderNode, text: PickText): Promise<MemberNode | undefined> {
  const picked = await app.prompter.pickPaged(
    listingSource(app, () => [folder], (row) => (isNode(row, 'member') && !row.isOwner ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** One invitation waiting for the user, from the tree's "Invitations to you". */
export async function pickPendingInvitation(app: App, text: PickText): Promise<InvitationNode | undefined> {
  const picked = await app.prompter.pickPaged(
    listingSource(app, () => [app.sharedFolders.pendingGroup()], (row) => (isNode(row, 'pendingInvitation') ? { label: row.title, description: row.description, value: row } : undefined)),
    { ...text, many: false },
  );
  return picked?.[0];
}

/** One of a few fixed choices. */
export async function pickOne<T>(app: App, items: PickItem<T>[], text: PickText): Promise<T | undefined> {
  const picked = await app.prompter.pickPaged(staticSource(items), { ...text, many: false });
  return picked?.[0];
}
