import * as vscode from 'vscode';
import type { KooDriveClient } from '../api/client';
import { Listing, type RowPage } from './listing';
import { ErrorNode, LoadMoreNode, MessageNode, WindowNode } from './messageNodes';
import { TreeNode } from './node';

/** What a row needs from its tree to load: the client, the page size, and where to report. */
export interface RowHost {
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

export type { RowPage } from './listing';

const t = vscode.l10n.t;

/**
 * A node whose children come from the API a page at a time (a {@link Listing}), ending in
 * "Load more…" while there is more, in an empty-state row when there is nothing, and in an error
 * row with Retry on failure. Loaded rows stay until the node is refreshed, so removing rows never
 * reloads the listing. Each row is shown once, by its {@link rowKey}.
 */
export abstract class PagedNode<Cursor = unknown> extends TreeNode {
  protected readonly listing: Listing<TreeNode>;

  constructor(
    parent: TreeNode | undefined,
    protected readonly host: RowHost,
  ) {
    super(parent);
    this.listing = new Listing<TreeNode>(
      (cursor, pageSize, signal) => this.fetchPage(cursor as Cursor | undefined, pageSize, signal),
      (row) => this.rowKey(row),
      { failed: (error) => this.host.failed(error), added: (rows) => this.rowsAdded(rows) },
      this.windowRows(),
    );
  }

  /** The most rows this listing holds at once (no limit unless a subclass sets one). */
  protected windowRows(): number {
    return Number.POSITIVE_INFINITY;
  }

  /** One page of rows from `cursor` (undefined: the first). */
  protected abstract fetchPage(cursor: Cursor | undefined, pageSize: number, signal: AbortSignal): Promise<RowPage<TreeNode, Cursor>>;
  protected abstract emptyText(): string;

  abstract override treeItem(): vscode.TreeItem;

  /** A row's identity in this listing: its API id, else its title. */
  protected rowKey(row: TreeNode): string {
    return row.apiId() ?? row.title;
  }

  /** Rows shown before the loaded ones (e.g. an owned folder's Invitations). */
  protected leadingRows(): TreeNode[] {
    return [];
  }

  /** The loaded rows to show (a subclass may filter them). */
  protected shownRows(): readonly TreeNode[] {
    return this.listing.rows;
  }

  /** The empty-state text when rows were loaded but none is shown. */
  protected noneShownText(): string {
    return this.emptyText();
  }

  /** Called with the rows of each page as it arrives (e.g. to fetch their details). */
  protected rowsAdded(_rows: TreeNode[]): void {}

  /** Page size for {@link loadAll}; cursor-paged listings may use a larger one than the tree's. */
  protected bulkPageSize(): number {
    return this.host.pageSize();
  }

  override async children(): Promise<TreeNode[]> {
    // A first page already on its way (another caller asked first) is awaited, not shown as missing.
    if (!this.listing.started || (this.listing.loading && this.listing.rows.length === 0)) {
      await this.loadNext();
    }
    return this.visibleRows();
  }

  /** Loaded rows without the trailing status row. */
  loadedRows(): readonly TreeNode[] {
    return this.listing.rows;
  }

  get hasMore(): boolean {
    return this.listing.hasMore;
  }

  /** The window holds all the rows it may; what follows is in the next window. */
  get windowFull(): boolean {
    return this.listing.full;
  }

  /** Why the last page could not be loaded, if it could not (the tree shows it as a row). */
  get loadError(): unknown {
    return this.listing.error;
  }

  /** True while a page is being fetched ("Load more…" says so). */
  get loading(): boolean {
    return this.listing.loading;
  }

  /** The rows shown: leading rows, the window's rows, and one row saying what comes next. */
  protected visibleRows(): TreeNode[] {
    const { listing } = this;
    const shown = this.shownRows();
    const rows = [...this.leadingRows()];
    if (listing.windowIndex > 0) {
      rows.push(new WindowNode(this, 'previous', t('Previous items…')));
    }
    rows.push(...shown);
    if (listing.error !== undefined) {
      rows.push(new ErrorNode(this, listing.error, this));
    } else if (listing.full) {
      rows.push(new WindowNode(this, 'next', t('Next items ({0} onwards)…', ((listing.windowIndex + 1) * listing.windowRows + 1).toLocaleString())));
    } else if (shown.length === 0 && !listing.hasMore) {
      rows.push(new MessageNode(this, listing.rows.length === 0 && listing.windowIndex === 0 ? this.emptyText() : this.noneShownText()));
    } else if (listing.hasMore) {
      rows.push(new LoadMoreNode(this));
    }
    return rows;
  }

  /** Shows the next or the previous window of a long listing, from its first page. */
  async moveWindow(direction: 'next' | 'previous'): Promise<void> {
    if (direction === 'next') {
      this.listing.nextWindow();
    } else {
      this.listing.previousWindow();
    }
    this.windowMoved();
    await this.loadMore();
  }

  /** The window moved: subclasses drop what they kept of the rows it held. */
  protected windowMoved(): void {}

  /** Loads the next page once, however many callers ask at the same time (a bad page-size setting becomes this listing's error row). */
  loadNext(): Promise<void> {
    return this.listing.loadNext(() => this.host.pageSize(), this.host.signal());
  }

  /** "Load more…" and Retry: fetch the next page and re-render this node. */
  async loadMore(): Promise<void> {
    const shown = this.loadNext();
    this.host.changed(this); // "Loading…" on the Load more row
    await shown;
    this.host.changed(this);
  }

  /**
   * Loads every remaining page (Load all in a picker, showing a new album or folder), reporting
   * the rows loaded so far after each page; the tree shows them too.
   * @throws the load's error (a KooDriveError), or a `Canceled` error when `signal` aborts.
   */
  async loadAll(signal: AbortSignal, onPage?: (loaded: number) => void): Promise<readonly TreeNode[]> {
    const rows = await this.listing.loadAll(() => this.bulkPageSize(), AbortSignal.any([signal, this.host.signal()]), onPage);
    this.host.changed(this);
    return rows;
  }

  /** Forget everything loaded; the next expansion starts from the first page. */
  reset(): void {
    this.listing.reset();
  }

  /** Drops loaded rows matching `predicate` without reloading; returns how many were dropped. */
  removeRows(predicate: (node: TreeNode) => boolean): number {
    return this.listing.remove(predicate);
  }
}
