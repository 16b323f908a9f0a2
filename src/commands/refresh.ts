import type { App } from '../app';
import { isNode } from '../tree/kinds';

/** Refresh (view title): reloads both trees from the first page, and the storage in the status bar. */
export async function refreshCommand(app: App): Promise<void> {
  app.albums.refresh();
  app.sharedFolders.refresh();
  app.quota.refresh();
  return Promise.resolve();
}

/** Refresh (item): reloads one branch of the tree that holds it. */
export async function refreshNodeCommand(app: App, node?: unknown): Promise<void> {
  for (const tree of [app.albums, app.sharedFolders]) {
    const row = tree.resolve(node);
    if (row && tree.owns(row)) {
      tree.refresh(row);
      return;
    }
  }
  await refreshCommand(app); // no row (or one from a tree since rebuilt): reload everything
}

/** The "Load more…" row. */
export async function loadMoreCommand(app: App, node?: unknown): Promise<void> {
  const row = app.albums.resolve(node) ?? app.sharedFolders.resolve(node);
  if (isNode(row, 'loadMore')) {
    await row.load();
  }
}

/** The Retry of a "Could not load" row. */
export async function retryLoadCommand(app: App, node?: unknown): Promise<void> {
  const row = app.albums.resolve(node) ?? app.sharedFolders.resolve(node);
  if (isNode(row, 'error')) {
    await row.retry();
  }
}

/** Show Log (view title menu, palette, and the Show Log of messages). */
export async function showLogCommand(app: App): Promise<void> {
  app.log.show();
  return Promise.resolve();
}
