import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { isNode } from '../tree/kinds';

/** Refresh (view title): reloads both trees from the first page, and the storage in the status bar. */
export async function refreshCommand(ctx: CommandContext): Promise<void> {
  ctx.albums.refresh();
  ctx.sharedFolders.refresh();
  ctx.storage.refresh();
  return Promise.resolve();
}

/** Refresh (item): reloads one branch. */
export async function refreshNodeCommand(ctx: CommandContext, node?: unknown): Promise<void> {
  const owner = node && typeof node === 'object' && 'treeItem' in node ? [ctx.albums, ctx.sharedFolders].find((tree) => tree.owns(node as TreeNode)) : undefined;
  if (owner) {
    owner.refresh(node as TreeNode);
  } else {
    await refreshCommand(ctx); // no node (or one from a tree since rebuilt): reload everything
  }
}

/** The "Load more…" row. */
export async function loadMoreCommand(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (isNode(node, 'loadMore')) {
    await node.load();
  }
}

/** The Retry of a "Could not load" row. */
export async function retryLoadCommand(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (isNode(node, 'error')) {
    await node.retry();
  }
}

/** Show Log (view title menu, palette, and the Show Log of messages). */
export async function showLogCommand(ctx: CommandContext): Promise<void> {
  ctx.log.show();
  return Promise.resolve();
}
