import * as vscode from 'vscode';
import { sharedFolderPages } from '../api/paging';
import { AlbumKind, ShareFolderQueryType } from '../api/types';
import { folderLabel } from '../model/present';
import { AlbumGroupNode, AlbumScopeNode, type Family } from './albumGroups';
import type { AlbumNode, AlbumsContext, ContentSort } from './albumNodes';
import type { TreeNode } from './node';
import { KooTreeProvider, type TreeEnv } from './provider';

/** The default order: newest first by date taken. */
export const DEFAULT_SORT: ContentSort = { sortType: 1, sortDirection: 2 };

/** The Albums tree: Personal and Family, each split into Manual and Collection. */
export class AlbumsTree extends KooTreeProvider implements AlbumsContext {
  /** Loaded album nodes by album id, so removed rows can be dropped without a reload. */
  private readonly albums = new Map<string, AlbumNode>();
  private scopes: AlbumScopeNode[] = [];
  private sort: ContentSort;

  constructor(env: TreeEnv, sort: ContentSort = DEFAULT_SORT) {
    super(env);
    this.sort = sort;
  }

  protected buildRoots(): TreeNode[] {
    this.scopes = [new AlbumScopeNode(AlbumKind.personal, this), new AlbumScopeNode(AlbumKind.family, this)];
    return this.scopes;
  }

  protected override forget(): void {
    this.albums.clear();
    this.scopes = [];
  }

  albumShown(node: AlbumNode): void {
    this.albums.set(node.albumId, node);
  }

  contentSort(): ContentSort {
    return this.sort;
  }

  /** Lists album contents in a new order, reloading every open album. */
  setContentSort(sort: ContentSort): void {
    this.sort = sort;
    for (const node of this.albums.values()) {
      this.refresh(node);
    }
  }

  /** Every family (shared-folder user group) the user belongs to, each once. */
  async families(signal: AbortSignal): Promise<Family[]> {
    const byGroup = new Map<string, Family>();
    for await (const page of sharedFolderPages(this.client, { queryType: ShareFolderQueryType.all, limit: 1000 }, { signal })) {
      for (const folder of page) {
        if (folder.groupId && !byGroup.has(folder.groupId)) {
          byGroup.set(folder.groupId, { groupId: folder.groupId, name: folderLabel(folder, vscode.l10n.t) });
        }
      }
    }
    return [...byGroup.values()];
  }

  /** Every group (Manual and Collection; personal first, then family), building the roots if needed. */
  groups(): AlbumGroupNode[] {
    if (this.scopes.length === 0) {
      this.roots();
    }
    return this.scopes.flatMap((scope) => scope.groups);
  }

  /** The Manual groups (personal first, then family), building the roots if needed. */
  manualGroups(): AlbumGroupNode[] {
    return this.groups().filter((group) => group.manual);
  }

  /** Reloads the Family groups: the families changed (a folder was created, joined or left). */
  refreshFamilies(): void {
    for (const group of this.groups().filter((each) => each.kind === AlbumKind.family)) {
      this.refresh(group);
    }
  }

  /** A group reloaded forgets its albums' index entries, so no command reaches a stale album. */
  override refresh(node?: TreeNode): void {
    if (node instanceof AlbumGroupNode) {
      for (const [albumId, album] of this.albums) {
        if (album.group === node) {
          this.albums.delete(albumId);
        }
      }
    }
    super.refresh(node);
  }

  /** The loaded node of an album, if the tree has shown it. */
  albumNode(albumId: string): AlbumNode | undefined {
    return this.albums.get(albumId);
  }

  /** Drops removed items from the album's loaded rows and re-renders just that album. */
  removeContents(albumId: string, ids: Iterable<string>): void {
    const node = this.albums.get(albumId);
    if (!node) {
      return;
    }
    const gone = new Set(ids);
    if (node.removeRows((row) => gone.has(row.apiId() ?? '')) > 0) {
      this.changed(node);
    }
  }

  /** Reloads one album's contents (after Undo, or items added), or does nothing if it is not shown. */
  reloadAlbum(albumId: string): void {
    const node = this.albums.get(albumId);
    if (node) {
      this.refresh(node);
    }
  }
}
