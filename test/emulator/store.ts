/**
 * All emulator data, with the indices that keep list requests cheap at scale (10,000 albums,
 * 100,000 items): albums are kept in per-owner / per-group arrays, so a page is a slice.
 */
import { randomBytes } from 'node:crypto';
import { ContentDigests } from './contentDigests';
import { noPermission, notFound } from './errors';
import { Files } from './files';
import type { Album, Group, Invite, ShareFolderRecord, User } from './model';

/** Tenant id every record carries (the value of the CreateShareFolder example). */
export const TENANT_ID = 'c937ff95eeb44494a5a967e21d1852ae';

export class Store {
  readonly users = new Map<string, User>();
  readonly albums = new Map<string, Album>();
  /** Insertion order is creation order, which ListShareFolder keeps. */
  readonly folders = new Map<string, ShareFolderRecord>();
  readonly groups = new Map<string, Group>();
  readonly invites = new Map<string, Invite>();
  /** The users' files: every album item is one (D14). */
  readonly files = new Files();
  /** The `sha256` of their content (D22), computed on first need. */
  readonly digests = new ContentDigests();
  private readonly usersByToken = new Map<string, User>();
  private readonly albumLists = new Map<string, Album[]>();
  private nextId: bigint;

  /** @param idBase first id handed out by {@link newId}; the seed passes a fixed value. */
  constructor(idBase: bigint) {
    this.nextId = idBase;
  }

  /** A new numeric id (19 digits, like the service's), unique within this store. */
  newId(): string {
    return String(this.nextId++);
  }

  addUser(user: User): void {
    this.users.set(user.userId, user);
    if (user.token) {
      this.usersByToken.set(user.token, user);
    }
  }

  userByToken(token: string): User | undefined {
    return this.usersByToken.get(token);
  }

  /**
   * Gives `userId` a new random token; the old one is then unknown, like any wrong token.
   * @returns the new token. @throws Error for an unknown user or one who never calls the API.
   */
  rotateToken(userId: string): string {
    const user = this.users.get(userId);
    if (!user?.token) {
      throw new Error(user ? `User ${userId} has no token: they never call the API` : `No user ${userId}`);
    }
    this.usersByToken.delete(user.token);
    user.token = randomBytes(32).toString('hex');
    this.usersByToken.set(user.token, user);
    return user.token;
  }

  userByMobile(mobile: string): User | undefined {
    return [...this.users.values()].find((user) => user.mobile === mobile);
  }

  /** @throws ApiError 13000309 for an unknown user id. */
  requireUser(userId: string): User {
    const user = this.users.get(userId);
    if (!user) {
      throw notFound('user', userId);
    }
    return user;
  }

  addAlbum(album: Album): void {
    this.albums.set(album.id, album);
    const key = listKey(album.albumKind, album.albumType, album.albumKind === 1 ? album.ownerId : (album.groupId ?? ''));
    let list = this.albumLists.get(key);
    if (!list) {
      list = [];
      this.albumLists.set(key, list);
    }
    list.push(album);
  }

  removeAlbum(album: Album): void {
    this.albums.delete(album.id);
    const key = listKey(album.albumKind, album.albumType, album.albumKind === 1 ? album.ownerId : (album.groupId ?? ''));
    const list = this.albumLists.get(key) ?? [];
    list.splice(list.indexOf(album), 1);
  }

  /** Albums of one kind and type: personal ones of `scope` = user id, family ones of `scope` = group id. */
  albumList(albumKind: 1 | 2, albumType: 1 | 2, scope: string): readonly Album[] {
    return this.albumLists.get(listKey(albumKind, albumType, scope)) ?? [];
  }

  /** @throws ApiError 13000309 for an unknown album. */
  requireAlbum(albumId: string): Album {
    const album = this.albums.get(albumId);
    if (!album) {
      throw notFound('album', albumId);
    }
    return album;
  }

  /** May `userId` see and edit the contents of `album`? Personal: its owner; family: group members. */
  canUseAlbum(album: Album, userId: string): boolean {
    return album.albumKind === 1 ? album.ownerId === userId : this.isMember(album.groupId ?? '', userId);
  }

  addFolder(folder: ShareFolderRecord, group: Group): void {
    this.folders.set(folder.id, folder);
    this.groups.set(group.groupId, group);
  }

  /** @throws ApiError 13000309 for an unknown or deleted shared folder. */
  requireFolder(folderId: string): ShareFolderRecord {
    const folder = this.folders.get(folderId);
    if (!folder || folder.status !== 0) {
      throw notFound('shared folder', folderId);
    }
    return folder;
  }

  /** The group of a live shared folder. @throws ApiError 13000309 otherwise. */
  requireGroup(groupId: string): Group {
    const group = this.groups.get(groupId);
    if (!group || this.folders.get(group.folderId)?.status !== 0) {
      throw notFound('group', groupId);
    }
    return group;
  }

  /** The group, and proof that `userId` belongs to it. @throws ApiError 13000309 / 13000410. */
  requireMembership(groupId: string, userId: string): Group {
    const group = this.requireGroup(groupId);
    if (!group.members.has(userId)) {
      throw noPermission(`User ${userId} is not a member of group ${groupId}.`, `用户 ${userId} 不是群组 ${groupId} 的成员。`);
    }
    return group;
  }

  isMember(groupId: string, userId: string): boolean {
    const group = this.groups.get(groupId);
    return !!group && this.folders.get(group.folderId)?.status === 0 && group.members.has(userId);
  }

  /** Do `a` and `b` belong to one live group (a family shared folder)? */
  sharesGroup(a: string, b: string): boolean {
    for (const group of this.groups.values()) {
      if (group.members.has(a) && group.members.has(b) && this.folders.get(group.folderId)?.status === 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * May `callerId` read the files and space of `ownerId`? Their own, and those of anyone they
   * share a family group with (D14: family album items are asked with their owner's container).
   */
  mayReadSpaceOf(callerId: string, ownerId: string): boolean {
    return callerId === ownerId || this.sharesGroup(callerId, ownerId);
  }

  folderOfGroup(group: Group): ShareFolderRecord {
    const folder = this.folders.get(group.folderId);
    if (!folder) {
      throw new Error(`Group ${group.groupId} has no folder`);
    }
    return folder;
  }
}

function listKey(albumKind: number, albumType: number, scope: string): string {
  return `${albumKind}:${albumType}:${scope}`;
}
