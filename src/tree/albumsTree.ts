import { AlbumKind, ShareFolderQueryType } from '../api/types';
import { sharedFolderPages } from '../api/paging';
import { folderLabel } from '../model/present';
import * as vscode from 'vscode';
import { AlbumNode, AlbumScopeNode, type Family } from './albumNodes';
import type { TreeNode } from './node';
import { KooTreeProvider } from './provider';

/** The Albums tree: Personal and Family, each split into Manual and Collection. */
export class AlbumsTree extends KooTreeProvider {
  /** Loaded album nodes by album id, so removed rows can be dropped without a reload. */
  private readonly albums = new Map<string, AlbumNode>();

  protected buildRoots(): TreeNode[] {
    const register = (node: AlbumNode): void => {
      this.albums.set(node.album.id, node);
    };
    return [
      new AlbumScopeNode(AlbumKind.personal, this, (signal) => this.families(signal), register),
      new AlbumScopeNode(AlbumKind.family, this, (signal) => this.families(signal), register),
    ];
  }

  protected override forget(): void {
    this.albums.clear();
  }

  /** Every family (shared-folder user group) the user belongs to, each once. */
  private async families(signal: AbortSignal): Promise<Family[]> {
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

  /** Reloads one album's contents (after Undo), or does nothing if it is not shown. */
  reloadAlbum(albumId: string): void {
    const node = this.albums.get(albumId);
    if (node) {
      this.refresh(node);
    }
  }
}
