import * as vscode from 'vscode';
import { ContextKey } from '../constants';
import { filterText } from '../model/itemFilter';
import { safeText } from '../model/safeText';
import type { AlbumsTree } from '../tree/albumsTree';
import type { TreeNode } from '../tree/node';
import type { SharedFoldersTree } from '../tree/sharedFoldersTree';

const t = vscode.l10n.t;

/**
 * What the views show about the trees' state: each filter lives in its tree, and the view's
 * description and the context keys follow it here; expanding and collapsing albums starts and
 * stops their details.
 */
export function wireViews(albums: AlbumsTree, albumsView: vscode.TreeView<TreeNode>, folders: SharedFoldersTree, foldersView: vscode.TreeView<TreeNode>): vscode.Disposable[] {
  return [
    folders.onDidChangeFilter((keyWord) => {
      foldersView.description = keyWord ? t('Filter: {0}', safeText(keyWord)) : undefined;
      void vscode.commands.executeCommand('setContext', ContextKey.sharedFolderFilterActive, keyWord !== undefined);
    }),
    albums.onDidChangeItemFilter((active) => {
      albumsView.description = active ? t('Filter: {0} · {1}', active.album.title, filterText(active.filter)) : undefined;
      void vscode.commands.executeCommand('setContext', ContextKey.itemFilterActive, active !== undefined);
    }),
    albumsView.onDidExpandElement((event) => albums.expansionChanged(event.element, true)),
    albumsView.onDidCollapseElement((event) => albums.expansionChanged(event.element, false)),
  ];
}
