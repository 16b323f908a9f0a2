import * as vscode from 'vscode';
import { isKooDriveError } from '../api/errors';
import { albumContentPage, albumContentPages } from '../api/paging';
import { AlbumKind, Limits, type AlbumContent, type AlbumItem, type FileDetails } from '../api/types';
import { CommandId } from '../constants';
import type { ContentSort } from '../model/contentSort';
import { errorReason, isCancellation } from '../model/errorText';
import { type ItemFilter, matchesFilter } from '../model/itemFilter';
import type { FilterRun } from './filterRun';
import { fileKind, type ItemExtras, itemDescription, itemName, itemSentence, itemTooltip, kindIcon } from '../model/itemText';
import { albumDescription, albumLabel, fieldsMarkdown, isManual, text } from '../model/present';
import type { AlbumGroupNode, Family } from './albumGroups';
import { contextValue, rowId, TreeNode } from './node';
import { WindowNode } from './messageNodes';
import { PagedNode, type RowHost, type RowPage } from './pagedNode';
import type { NodeType } from './kinds';

const t = vscode.l10n.t;

/** File details of album items, looked up a few at a time and cached (services/fileDetails.ts). */
export interface ItemDetailsSource {
  details(fileId: string, ownerId: string | undefined, signal?: AbortSignal): Promise<FileDetails>;
  /** Details already known, without asking. */
  known(fileId: string): FileDetails | undefined;
  fullPath(fileId: string, ownerId: string | undefined, signal?: AbortSignal): Promise<string | undefined>;
}

/** What album nodes need from the Albums tree besides loading. */
export interface AlbumsHost extends RowHost {
  /** The families (shared-folder groups) the user belongs to. */
  families(signal: AbortSignal): Promise<Family[]>;
  /** An album row was built: the tree indexes it by id. */
  albumShown(node: AlbumNode): void;
  /** The order album contents are listed in. */
  contentSort(): ContentSort;
  /** The item filter of this album, if one is set (Filter Items…). */
  itemFilter(albumId: string): ItemFilter | undefined;
  readonly itemDetails: ItemDetailsSource;
  /** A `data:` URI of the file's thumbnail, if it has one (D15); kept in a cache bounded by bytes, not by the row. */
  thumbnail(details: FileDetails, signal: AbortSignal): Promise<string | undefined>;
  /** The thumbnail already in that cache, without asking. */
  knownThumbnail(details: FileDetails): string | undefined;
  /** The display language, for sizes and dates. */
  locale(): string;
}

/** The most item rows an album shows at once: a window, with Next and Previous items beyond. */
export const ALBUM_WINDOW_ROWS = 2000;

/**
 * How often an album being filtered over its whole length redraws its rows, at most: sooner while
 * it shows few, up to every few seconds once it shows thousands (each redraw sends every row to
 * the workbench). Between, only its progress row is redrawn.
 */
const RUN_REDRAW_MS = 400;
const RUN_REDRAW_MAX_MS = 3000;

/**
 * An album; expanding it lists its contents with cursor paging (D11), a window of at most
 * {@link ALBUM_WINDOW_ROWS} rows at a time. While a filter over the whole album runs (Filter
 * Items…), the rows are its matches instead, a window at a time, redrawn as they are found.
 */
export class AlbumNode extends PagedNode<string> {
  override readonly nodeTypes: readonly NodeType[] = ['album'];
  private total: number | undefined;
  /** Aborted when the album is collapsed or reloaded: its rows no longer need details. */
  private detailsWanted = new AbortController();
  private run: FilterRun | undefined;
  private matchWindow = 0;
  /** The rows of the matches shown, by their place in the album, so a redraw keeps them. */
  private matchRows = new Map<number, AlbumContentNode>();
  private redraw: NodeJS.Timeout | undefined;
  /** The run's progress row, one object for the whole run so it can be redrawn on its own. */
  private status: RunStatusNode | undefined;
  /** What the last full redraw of the matches showed, to tell whether the next must redraw them all. */
  private drawn = '';

  constructor(
    readonly group: AlbumGroupNode,
    protected override readonly host: AlbumsHost,
    readonly album: AlbumItem,
    readonly family: Family | undefined,
  ) {
    super(group, host);
  }

  get albumId(): string {
    return this.album.id;
  }

  /** The album's name as KooDrive has it (for renaming); undefined for nameless albums. */
  get name(): string | undefined {
    return text(this.album.name);
  }

  /** The label, inert (D18). */
  get title(): string {
    return albumLabel(this.album, t);
  }

  get manual(): boolean {
    return isManual(this.album);
  }

  get familyAlbum(): boolean {
    return Number(this.album.albumKind) === AlbumKind.family || this.family !== undefined;
  }

  /** The number of items KooDrive reported with the first page, if it did. */
  get itemCount(): number | undefined {
    return this.total;
  }

  /** True when the rows loaded are the whole album (a filter over them is a filter over it). */
  get complete(): boolean {
    return this.listing.started && !this.listing.hasMore && this.listing.windowIndex === 0;
  }

  override get description(): string {
    return albumDescription(this.album, t, this.family?.name);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = rowId('album', this.album.id);
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, { ...this.album, family: this.family?.name }));
    item.iconPath = new vscode.ThemeIcon(this.manual ? 'file-media' : 'sparkle');
    item.contextValue = contextValue('album', this.manual ? 'manual' : 'collection', 'hasId', 'refreshable', 'downloadable', this.manual && 'removable', this.manual && 'editable', this.manual && 'dropTarget');
    return item;
  }

  override apiId(): string {
    return this.album.id;
  }

  override apiObject(): Record<string, unknown> {
    return this.album;
  }

  protected emptyText(): string {
    return t('This album is empty');
  }

  protected override windowRows(): number {
    return ALBUM_WINDOW_ROWS;
  }

  protected override rowsAdded(rows: TreeNode[]): void {
    for (const row of rows) {
      if (row instanceof AlbumContentNode) {
        row.fetchDetails(this.detailsWanted.signal);
      }
    }
  }

  protected override shownRows(): readonly TreeNode[] {
    const filter = this.host.itemFilter(this.albumId);
    const rows = this.listing.rows;
    return filter ? rows.filter((row) => row instanceof AlbumContentNode && row.matches(filter)) : rows;
  }

  protected override noneShownText(): string {
    return this.hasMore ? t('No loaded item matches the filter; load more or filter the whole album') : t('No item matches the filter');
  }

  override async children(): Promise<TreeNode[]> {
    return this.run ? this.matchView(this.run) : super.children();
  }

  /** Shows the matches of a filter over the whole album instead of the listing, until {@link detachRun}. */
  attachRun(run: FilterRun): void {
    this.detachRun();
    this.run = run;
    this.status = new RunStatusNode(this, run);
    this.host.changed(this);
  }

  /** True while a filter over the whole album decides what it shows (details arriving change nothing). */
  get filteringWholeAlbum(): boolean {
    return this.run !== undefined;
  }

  /** Back to the listing's window, as it was before the filter. */
  detachRun(): void {
    if (this.run) {
      this.run.stop();
      this.run = undefined;
      this.status = undefined;
      this.drawn = '';
      this.matchWindow = 0;
      this.matchRows = new Map();
      clearTimeout(this.redraw);
      this.redraw = undefined;
      this.host.changed(this);
    }
  }

  /**
   * Matches or progress changed (a run found some, details arrived under a filter): redraw soon,
   * the whole window only when what it shows changed, else just the progress row.
   */
  redrawSoon(): void {
    this.redraw ??= setTimeout(() => {
      this.redraw = undefined;
      if (this.run && this.status && runShape(this.run, this.matchWindow) === this.drawn) {
        this.host.changed(this.status);
      } else {
        this.host.changed(this);
      }
    }, Math.min(RUN_REDRAW_MAX_MS, RUN_REDRAW_MS + this.matchRows.size));
  }

  override async moveWindow(direction: 'next' | 'previous'): Promise<void> {
    if (!this.run) {
      return super.moveWindow(direction);
    }
    this.matchWindow = Math.max(0, this.matchWindow + (direction === 'next' ? 1 : -1));
    this.matchRows = new Map();
    this.host.changed(this);
    return Promise.resolve();
  }

  /** A window of the run's matches, then a row saying how far the run is. */
  private matchView(run: FilterRun): TreeNode[] {
    const { items, more } = run.matches(this.matchWindow * ALBUM_WINDOW_ROWS, ALBUM_WINDOW_ROWS);
    this.drawn = runShape(run, this.matchWindow);
    const rows = new Map<number, AlbumContentNode>();
    for (const { index, content, details } of items) {
      const row = this.matchRows.get(index) ?? new AlbumContentNode(this, this.host, content, details);
      row.fetchDetails(this.detailsWanted.signal);
      rows.set(index, row);
    }
    this.matchRows = rows;
    const shown: TreeNode[] = [...rows.values()];
    if (this.matchWindow > 0) {
      shown.unshift(new WindowNode(this, 'previous', t('Previous matches…')));
    }
    if (more && rows.size === ALBUM_WINDOW_ROWS) {
      shown.push(new WindowNode(this, 'next', t('Next matches ({0} onwards)…', ((this.matchWindow + 1) * ALBUM_WINDOW_ROWS + 1).toLocaleString())));
    }
    if (this.status && runStatus(run)) {
      shown.push(this.status);
    }
    return shown;
  }

  /** The album was collapsed: its rows stop waiting for details. */
  collapsed(): void {
    this.detailsWanted.abort();
  }

  /** The album was expanded again: rows still without details ask again. */
  expanded(): void {
    if (this.detailsWanted.signal.aborted) {
      this.detailsWanted = new AbortController();
      this.rowsAdded([...this.listing.rows, ...this.matchRows.values()]);
    }
  }

  override reset(): void {
    this.detailsWanted.abort();
    this.detailsWanted = new AbortController();
    this.detachRun();
    super.reset();
  }

  protected override windowMoved(): void {
    // The rows of the window left behind no longer need their details.
    this.detailsWanted.abort();
    this.detailsWanted = new AbortController();
  }

  protected async fetchPage(cursor: string | undefined, pageSize: number, signal: AbortSignal): Promise<RowPage<TreeNode, string>> {
    const page = await albumContentPage(this.host.client, this.album.id, cursor, { pageSize, ...this.host.contentSort() }, { signal });
    if (cursor === undefined) {
      this.total = page.total;
    }
    return { rows: page.items.map((content) => new AlbumContentNode(this, this.host, content)), next: page.next };
  }

  /**
   * Every item of the album as rows of it, read straight from the listing (100 a page) without
   * growing the tree's window: Load all in a picker, Select All over a whole album.
   * @throws the listing's KooDriveError; `cancelled` when `signal` aborts.
   */
  override async loadAll(signal: AbortSignal, onPage?: (loaded: number) => void): Promise<readonly TreeNode[]> {
    const rows: AlbumContentNode[] = [];
    const walk = albumContentPages(this.host.client, this.album.id, { pageSize: Limits.albumContentPageSizeMax, ...this.host.contentSort() }, { signal: AbortSignal.any([signal, this.host.signal()]) });
    for await (const page of walk) {
      rows.push(...page.map((content) => new AlbumContentNode(this, this.host, content, this.host.itemDetails.known(content.id))));
      onPage?.(rows.length);
    }
    return rows;
  }

  /** The items of the window shown. */
  contents(): AlbumContentNode[] {
    return this.loadedRows().filter((node): node is AlbumContentNode => node instanceof AlbumContentNode);
  }
}

/**
 * An item of an album: a link to a file; removable from manual albums only. It appears with
 * what the listing gives (the id, or a name the list carries) and updates in place when its file
 * details arrive (D14); a failed lookup leaves it as it was and says why in its tooltip.
 */
export class AlbumContentNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['albumContent'];
  private fileDetails: FileDetails | undefined;
  /** The folder path, once asked for on hover (undefined when KooDrive gave none). */
  private path: string | undefined;
  private hovered = false;
  private problem: string | undefined;
  private asked = false;
  /**
   * The row as last drawn, until something it shows changes: a filter's redraws resend thousands
   * of rows, and each would otherwise format its sizes, dates and sentence again.
   */
  private item: vscode.TreeItem | undefined;

  constructor(
    readonly album: AlbumNode,
    private readonly host: AlbumsHost,
    readonly content: AlbumContent,
    details?: FileDetails,
  ) {
    super(album);
    this.fileDetails = details;
  }

  get fileId(): string {
    return this.content.id;
  }

  /** The file's owner where the listing says (family albums hold other people's files). */
  get ownerId(): string | undefined {
    return text(this.content.ownerId);
  }

  /** The file's details, once known. */
  get details(): FileDetails | undefined {
    return this.fileDetails;
  }

  get title(): string {
    return itemName(this.content, this.fileDetails);
  }

  override get description(): string {
    return itemDescription(this.content, this.fileDetails, t, this.host.locale());
  }

  matches(filter: ItemFilter): boolean {
    return matchesFilter(this.content, this.fileDetails, filter);
  }

  /** Asks for the file's details once (again after a collapse cancelled the first ask). */
  fetchDetails(signal: AbortSignal): void {
    if (this.fileDetails || this.problem || this.asked) {
      return;
    }
    this.asked = true;
    this.host.itemDetails.details(this.fileId, this.ownerId, signal).then(
      (details) => {
        this.fileDetails = details;
        this.item = undefined;
        this.host.changed(this);
        if (this.host.itemFilter(this.album.albumId) && !this.album.filteringWholeAlbum) {
          this.album.redrawSoon(); // the filter over the loaded rows may now keep or drop this row
        }
      },
      (error: unknown) => {
        this.asked = false;
        if (isCancellation(error)) {
          return;
        }
        this.problem = error instanceof Error && error.name === 'OtherOwnerSpace' ? t('KooDrive does not share the space of this file’s owner') : errorReason(error, t);
        this.item = undefined;
        if (isKooDriveError(error) && error.kind === 'sessionExpired') {
          this.host.failed(error);
        }
        this.host.changed(this);
      },
    );
  }

  /** Fills the tooltip on hover: the folder path and the thumbnail, asked for only then. */
  async resolveTooltip(signal: AbortSignal): Promise<vscode.MarkdownString> {
    const [path, thumbnail] = await Promise.all([
      this.hovered ? this.path : this.host.itemDetails.fullPath(this.fileId, this.ownerId, signal).catch(() => undefined),
      this.fileDetails ? this.host.thumbnail(this.fileDetails, signal).catch(() => undefined) : undefined,
    ]);
    this.path = path;
    this.hovered = true;
    this.item = undefined;
    return this.tooltip({ path, thumbnail });
  }

  private tooltip(extras: ItemExtras): vscode.MarkdownString {
    return new vscode.MarkdownString(itemTooltip(this.content, this.fileDetails, { ...extras, problem: this.problem }, t, this.host.locale()));
  }

  treeItem(): vscode.TreeItem {
    this.item ??= this.makeTreeItem();
    return this.item;
  }

  private makeTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.id = rowId('content', this.album.albumId, this.content.id);
    item.description = this.description;
    // Left to resolveTreeItem (on hover) until the path is known; the thumbnail only if still cached.
    const thumbnail = this.fileDetails && this.host.knownThumbnail(this.fileDetails);
    item.tooltip = this.hovered || this.problem ? this.tooltip({ path: this.path, thumbnail }) : undefined;
    item.iconPath = new vscode.ThemeIcon(this.fileDetails ? kindIcon(fileKind(this.fileDetails)) : 'file');
    item.accessibilityInformation = { label: itemSentence(this.content, this.fileDetails, t, this.host.locale()) };
    item.contextValue = contextValue('albumContent', 'hasId', this.album.manual && 'removable', 'draggable', 'previewable', 'downloadable');
    item.command = { command: CommandId.openPreview, title: t('Open Preview'), arguments: [this] };
    return item;
  }

  override apiId(): string {
    return this.content.id;
  }

  override apiObject(): Record<string, unknown> {
    return this.fileDetails ? { ...this.content, file: this.fileDetails } : this.content;
  }
}

/** What a full redraw of a run's window depends on: its matches in the window, whether more follow, and which progress row shows. */
function runShape(run: FilterRun, window: number): string {
  const { matches, phase } = run.progress;
  const before = window * ALBUM_WINDOW_ROWS;
  const inWindow = Math.min(ALBUM_WINDOW_ROWS, Math.max(0, matches - before));
  return `${inWindow}/${String(matches > before + ALBUM_WINDOW_ROWS)}/${phase}`;
}

/** The progress row of a run: its text and icon, or nothing once it is done and found matches. */
function runStatus(run: FilterRun): { text: string; icon: string } | undefined {
  const progress = run.progress;
  switch (progress.phase) {
    case 'reading':
      return { text: t('Filtering the whole album: {0} items read…', progress.items.toLocaleString()), icon: 'loading~spin' };
    case 'ready':
    case 'lookingUp':
      return { text: t('Filtering the whole album: {0} of {1} names looked up…', progress.looked.toLocaleString(), progress.lookups.toLocaleString()), icon: 'loading~spin' };
    case 'stopped':
      return { text: t('Filter stopped: {0} matches among the {1} items checked', progress.matches.toLocaleString(), (progress.items - progress.lookups + progress.looked).toLocaleString()), icon: 'debug-pause' };
    default:
      return progress.matches === 0 ? { text: t('No item matches the filter'), icon: 'info' } : undefined;
  }
}

/** The row under a filtered album that says how far the filter over the whole album is; redrawn on its own. */
class RunStatusNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['message'];

  constructor(
    private readonly album: AlbumNode,
    private readonly run: FilterRun,
  ) {
    super(album);
  }

  get title(): string {
    return runStatus(this.run)?.text ?? '';
  }

  treeItem(): vscode.TreeItem {
    const status = runStatus(this.run);
    const item = new vscode.TreeItem(status?.text ?? '', vscode.TreeItemCollapsibleState.None);
    // One id for the whole run: its label changes while the workbench keeps the same row.
    item.id = rowId('filterStatus', this.album.albumId);
    item.iconPath = new vscode.ThemeIcon(status?.icon ?? 'info');
    item.contextValue = 'message';
    return item;
  }
}
