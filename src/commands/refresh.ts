import { AlbumContentNode, AlbumNode, AlbumScopeNode, AlbumTypeNode } from '../tree/albumNodes';
import { ErrorNode, LoadMoreNode } from '../tree/messageNodes';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';

/** Refresh (view title): reloads both trees from the first page. */
export async function refreshCommand(ctx: CommandContext): Promise<void> {
  ctx.albums.refresh();
  ctx.sharedFolders.refresh();
  return Promise.resolve();
}

function treeOf(ctx: CommandContext, node: TreeNode): CommandContext['albums'] | CommandContext['sharedFolders'] {
  let root: TreeNode = node;
  while (root.parent) {
    root = root.parent;
  }
  const albumNode = [AlbumScopeNode, AlbumTypeNode, AlbumNode, AlbumContentNode].some((kind) => root instanceof kind);
  return albumNode ? ctx.albums : ctx.sharedFolders;
}

/** Refresh (item): reloads one branch. */
export async function refreshNodeCommand(ctx: CommandContext, node?: unknown): Promise<void> {
  if (node && typeof node === 'object' && 'treeItem' in node) {
    treeOf(ctx, node as TreeNode).refresh(node as TreeNode);
  } else {
    await refreshCommand(ctx);
  }
}

/** The "Load more…" row. */
export async function loadMoreCommand(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof LoadMoreNode) {
    await node.owner.loadMore();
  }
}

/** The Retry of a "Could not load" row. */
export async function retryLoadCommand(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof ErrorNode) {
    await node.retryTarget.loadMore();
  }
}
