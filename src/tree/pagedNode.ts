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

  /** Rows shown before the loaded ones (e.g. an owned folder's Invitations). */
  protected leadingRows(): TreeNode[] {
    return [];
  }

  /** The loaded rows to show (a subclass may filter them). */
  protected shownRows(): TreeNode[] {
    return this.rows;
  }

  /** The empty-state text when rows were loaded but none is shown. */
  protected noneShownText(): string {
    return this.emptyText();
  }

  /** Called with the rows of each page as it arrives (e.g. to fetch their details). */
  protected rowsAdded(_rows: TreeNode[]): void {}

  /** Page size for {@link loadAll}; cursor-paged listings may use a larger one than the tree's. */
  protected bulkPageSize(): number {
    return this.ctx.pageSize();
  }

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

  /** Why the last page could not be loaded, if it could not (the tree shows it as a row). */
  get loadError(): unknown {
    return this.error;
  }

  /** True while a page is being fetched ("Load more…" says so). */
  get loading(): boolean {
    return this.pending !== undefined;
  }

  private visibleRows(): TreeNode[] {
    const shown = this.shownRows();
    const rows = [...this.leadingRows(), ...shown];
    if (this.error !== undefined) {
      rows.push(new ErrorNode(this, this.error, this));
    } else if (shown.length === 0 && this.finished) {
      rows.push(new MessageNode(this, this.rows.length === 0 ? this.emptyText() : this.noneShownText()));
    } else if (!this.finished) {
      rows.push(new LoadMoreNode(this));
    }
    return rows;
  }

  /** Loads the next page once, however many callers ask at the same time. */
  loadNext(pageSize?: number): Promise<void> {
    this.pending ??= this.load(pageSize).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async load(pageSize: number | undefined): Promise<void> {
    const generation = this.generation;
    this.started = true;
    this.error = undefined;
    try {
      // Read per load: a bad page-size setting becomes this listing's error row.
      const page = await this.fetchPage(this.cursor, pageSize ?? this.ctx.pageSize(), this.ctx.signal());
      if (generation !== this.generation) {
        return;
      }
      const added = page.items.map((item) => this.toNode(item));
      this.rows.push(...added);
      this.cursor = page.next;
      this.finished = page.next === undefined;
      this.rowsAdded(added);
    } catch (error) {
      if (generation === this.generation) {
        this.error = error;
        this.ctx.failed(error);
      }
    }
  }

  /** "Load more…" and Retry: fetch the next page and re-render this node. */
  async loadMore(): Promise<void> {
    const shown = this.loadNext();
    this.ctx.changed(this); // "Loading…" on the Load more row
    await shown;
    this.ctx.changed(this);
  }

  /**
   * Loads every remaining page (Remove All, Load all, a filter over the whole listing), reporting
   * the rows loaded so far after each page; the tree shows them too.
   * @throws the load's error (a KooDriveError), or a `cancelled` error when `signal` aborts.
   */
  async loadAll(signal: AbortSignal, onPage?: (loaded: number) => void): Promise<readonly TreeNode[]> {
    const generation = this.generation;
    while (!this.started || !this.finished) {
      if (signal.aborted) {
        throw Object.assign(new Error('cancelled'), { name: 'Canceled' });
      }
      await this.loadNext(this.bulkPageSize());
      if (this.error !== undefined) {
        throw this.error instanceof Error ? this.error : new Error('the listing could not be loaded');
      }
      if (generation !== this.generation) {
        throw Object.assign(new Error('the listing was refreshed'), { name: 'Canceled' });
      }
      onPage?.(this.rows.length);
    }
    this.ctx.changed(this);
    return this.rows;
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
