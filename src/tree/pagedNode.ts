import type * as vscode from 'vscode';
import type { KooDriveClient } from '../api/client';
import type { Page } from '../api/paging';
import { ErrorNode, LoadMoreNode, MessageNode } from './messageNodes';
import { TreeNode } from './node';

/** What a node needs from its tree to load: the client, the page size, and where to report. */
export interface TreeContext {
  readonly client: KooDriveClient;
  pageSize(): number;
  userId(): string | undefined;
  /** Aborted when the tree is refreshed or the session changes, so stale loads stop. */
  signal(): AbortSignal;
  /** Re-render `node` (or the whole tree) from what is already loaded. */
  changed(node?: TreeNode): void;
  /** A load failed; the tree shows it as a row and the owner may react (e.g. mark the session expired). */
  failed(error: unknown): void;
}

/** One page and where the next starts (undefined after the last): the client's own paging shape. */
export type { Page } from '../api/paging';

/**
 * A node whose children come from the API a page at a time, ending in "Load more…" while there
 * is more, in an empty-state row when there is nothing, and in an error row with Retry on failure.
 * Loaded rows stay until the node is refreshed, so removing rows never reloads the listing.
 */
export abstract class PagedNode<Item, Cursor = unknown> extends TreeNode {
  protected rows: TreeNode[] = [];
  private cursor: Cursor | undefined;
  private started = false;
  private finished = false;
  private error: unknown;
  private pending: Promise<void> | undefined;
  private generation = 0;

  constructor(
    parent: TreeNode | undefined,
    protected readonly ctx: TreeContext,
  ) {
    super(parent);
  }

  protected abstract fetchPage(cursor: Cursor | undefined, pageSize: number, signal: AbortSignal): Promise<Page<Item, Cursor>>;
  protected abstract toNode(item: Item): TreeNode;
  protected abstract emptyText(): string;

  abstract override treeItem(): vscode.TreeItem;

  override async children(): Promise<TreeNode[]> {
    if (!this.started) {
      await this.loadNext();
    }
    return this.visibleRows();
  }

  /** Loaded rows without the trailing status row. */
  loadedRows(): readonly TreeNode[] {
    return this.rows;
  }

  get hasMore(): boolean {
    return !this.finished;
  }

  private visibleRows(): TreeNode[] {
    const rows = [...this.rows];
    if (this.error !== undefined) {
      rows.push(new ErrorNode(this, this.error, this));
    } else if (this.rows.length === 0 && this.finished) {
      rows.push(new MessageNode(this, this.emptyText()));
    } else if (!this.finished) {
      rows.push(new LoadMoreNode(this));
    }
    return rows;
  }

  /** Loads the next page once, however many callers ask at the same time. */
  loadNext(): Promise<void> {
    this.pending ??= this.load().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    this.started = true;
    this.error = undefined;
    try {
      const page = await this.fetchPage(this.cursor, this.ctx.pageSize(), this.ctx.signal());
      if (generation !== this.generation) {
        return;
      }
      this.rows.push(...page.items.map((item) => this.toNode(item)));
      this.cursor = page.next;
      this.finished = page.next === undefined;
    } catch (error) {
      if (generation === this.generation) {
        this.error = error;
        this.ctx.failed(error);
      }
    }
  }

  /** "Load more…" and Retry: fetch the next page and re-render this node. */
  async loadMore(): Promise<void> {
    await this.loadNext();
    this.ctx.changed(this);
  }

  /** Forget everything loaded; the next expansion starts from the first page. */
  reset(): void {
    this.generation += 1;
    this.rows = [];
    this.cursor = undefined;
    this.started = false;
    this.finished = false;
    this.error = undefined;
    this.pending = undefined;
  }

  /** Drops loaded rows matching `predicate` without reloading; returns how many were dropped. */
  removeRows(predicate: (node: TreeNode) => boolean): number {
    const before = this.rows.length;
    this.rows = this.rows.filter((node) => !predicate(node));
    return before - this.rows.length;
  }
}
