import * as vscode from 'vscode';
import { ContextKey, ViewId } from '../constants';
import { safeText } from '../model/safeText';
import { filterText } from '../model/itemFilter';
import { AlbumsTree } from './albumsTree';
import type { TreeNode } from './node';
import type { TreeInputs } from './provider';
import { SharedFoldersTree } from './sharedFoldersTree';

const t = vscode.l10n.t;

/** The two trees and their views. */
export interface Views {
  readonly albums: AlbumsTree;
  readonly sharedFolders: SharedFoldersTree;
  readonly albumsView: vscode.TreeView<TreeNode>;
  readonly sharedFoldersView: vscode.TreeView<TreeNode>;
  readonly disposables: vscode.Disposable[];
}

/**
 * Builds both trees and their views (the Albums view with drag and drop), and keeps what the
 * views show besides rows in step with the trees: each filter (it lives in its tree) as the
 * view's description and a context key, the pending invitations as the Shared Folders view's
 * badge; expanding and collapsing albums starts and stops their file details.
 */
export function createViews(inputs: TreeInputs, dragAndDropController: vscode.TreeDragAndDropController<TreeNode>): Views {
  const albums = new AlbumsTree(inputs);
  const sharedFolders = new SharedFoldersTree(inputs);
  const albumsView = vscode.window.createTreeView(ViewId.albums, { treeDataProvider: albums, canSelectMany: true, showCollapseAll: true, dragAndDropController });
  const sharedFoldersView = vscode.window.createTreeView(ViewId.sharedFolders, { treeDataProvider: sharedFolders, canSelectMany: true, showCollapseAll: true });
  const disposables: vscode.Disposable[] = [
    albums, sharedFolders, albumsView, sharedFoldersView,
    // The filter lives in the tree; the view's description and the context key follow it.
    sharedFolders.onDidChangeFilter((keyWord) => {
      sharedFoldersView.description = keyWord ? t('Filter: {0}', safeText(keyWord)) : undefined;
      void vscode.commands.executeCommand('setContext', ContextKey.sharedFolderFilterActive, keyWord !== undefined);
    }),
    albums.onDidChangeItemFilter((active) => {
      albumsView.description = active ? t('Filter: {0} · {1}', active.album.title, filterText(active.filter)) : undefined;
      void vscode.commands.executeCommand('setContext', ContextKey.itemFilterActive, active !== undefined);
    }),
    albumsView.onDidExpandElement((event) => albums.expansionChanged(event.element, true)),
    albumsView.onDidCollapseElement((event) => albums.expansionChanged(event.element, false)),
    sharedFolders.onDidChangePendingInvitations((count) => {
      sharedFoldersView.badge = count > 0
        ? { value: count, tooltip: count === 1 ? t('1 invitation to a shared folder is waiting for you') : t('{0} invitations to shared folders are waiting for you', count) }
        : undefined;
    }),
  ];
  return { albums, sharedFolders, albumsView, sharedFoldersView, disposables };
}
