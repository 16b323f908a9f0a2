import * as vscode from 'vscode';
import { sharedFolderPages } from '../api/paging';
import { AlbumKind, ShareFolderQueryType, type FileDetails } from '../api/types';
import type { ItemFilter } from '../model/itemFilter';
import { FilterRun, type FilterSources } from './filterRun';
import { folderLabel } from '../model/present';
import { AlbumGroupNode, AlbumScopeNode, type Family } from './albumGroups';
import { type ContentSort, DEFAULT_SORT } from '../model/contentSort';
import { AlbumContentNode, AlbumNode, type AlbumsHost, type ItemDetailsSource } from './albumNodes';
import type { TreeNode } from './node';
import { KooTreeProvider, type TreeInputs } from './provider';

/** The one item filter of the view: which album, and what it keeps. */
export interface ActiveItemFilter {
  album: AlbumNode;
  filter: ItemFilter;
}

/** The Albums tree: Personal and Family, each split into Manual and Collection. */
export class AlbumsTree extends KooTreeProvider implements AlbumsHost {
  /** Loaded album nodes by album id, so removed rows can be dropped without a reload. */
  private readonly albums = new Map<string, AlbumNode>();
  private scopes: AlbumScopeNode[] = [];
  private sort: ContentSort;
  private activeFilter: ActiveItemFilter | undefined;
  private readonly filterChanges = new vscode.EventEmitter<ActiveItemFilter | undefined>();
  /** Fires when an item filter is set or cleared (the view's description follows it). */
  readonly onDidChangeItemFilter = this.filterChanges.event;

  constructor(inputs: TreeInputs) {
    super(inputs);
    this.sort = inputs.sort ?? DEFAULT_SORT;
  }

  get itemDetails(): ItemDetailsSource {
    return this.inputs.itemDetails;
  }

  thumbnail(details: FileDetails, signal: AbortSignal): Promise<string | undefined> {
    return this.inputs.thumbnails.get(details, signal);
  }

  knownThumbnail(details: FileDetails): string | undefined {
    return this.inputs.thumbnails.peek(details);
  }

  locale(): string {
    return this.inputs.locale();
  }

  itemFilter(albumId: string): ItemFilter | undefined {
    return this.activeFilter?.album.albumId === albumId ? this.activeFilter.filter : undefined;
  }

  /**
   * Narrows one album's rows (one filter at a time in the view), or clears the filter. With a
   * `run`, the album shows the run's matches over its whole length instead of its loaded rows.
   */
  setItemFilter(album: AlbumNode, filter: ItemFilter | undefined, run?: FilterRun): void {
    const previous = this.activeFilter?.album;
    previous?.detachRun();
    this.activeFilter = filter ? { album, filter } : undefined;
    if (filter && run) {
      album.attachRun(run);
    }
    for (const node of new Set([previous, album])) {
      if (node) {
        this.changed(node);
      }
    }
    this.filterChanges.fire(this.activeFilter);
  }

  /** Filters `album` over its whole length (Filter Items…): the run is returned not yet started, the album showing its matches. */
  filterWholeAlbum(album: AlbumNode, filter: ItemFilter, sources: FilterSources): FilterRun {
    const run = new FilterRun(filter, sources, () => album.redrawSoon());
    this.setItemFilter(album, filter, run);
    return run;
  }

  clearItemFilter(): void {
    if (this.activeFilter) {
      this.setItemFilter(this.activeFilter.album, undefined);
    }
  }

  /** The tooltip of an item, on hover: its folder and thumbnail are asked for only then. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node instanceof AlbumContentNode) {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        item.tooltip = await node.resolveTooltip(controller.signal);
      } finally {
        subscription.dispose();
      }
    }
    return item;
  }

  /** The view collapsed or expanded a row: albums stop or resume asking for details. */
  expansionChanged(node: TreeNode, expanded: boolean): void {
    if (node instanceof AlbumNode) {
      if (expanded) {
        node.expanded();
      } else {
        node.collapsed();
      }
    }
  }

  protected buildRoots(): TreeNode[] {
    this.scopes = [new AlbumScopeNode(AlbumKind.personal, this), new AlbumScopeNode(AlbumKind.family, this)];
    return this.scopes;
  }

  protected override forget(): void {
    for (const album of this.albums.values()) {
      album.collapsed();
    }
    this.albums.clear();
    this.scopes = [];
    if (this.activeFilter) {
      this.activeFilter = undefined;
      this.filterChanges.fire(undefined);
    }
  }

  override dispose(): void {
    super.dispose();
    this.filterChanges.dispose();
  }

  albumShown(node: AlbumNode): void {
    this.albums.set(node.albumId, node);
  }

  contentSort(): ContentSort {
    return this.sort;
  }

  /** Lists album contents in a new order, reloading every open album. */
  setContentSort(sort: ContentSort): void {
    this.sort = sort;
    for (const node of this.albums.values()) {
      this.refresh(node);
    }
  }

  /** Every family (shared-folder user group) the user belongs to, each once. */
  async families(signal: AbortSignal): Promise<Family[]> {
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

  /** Every group (Manual and Collection; personal first, then family), building the roots if needed. */
  groups(): AlbumGroupNode[] {
    if (this.scopes.length === 0) {
      this.roots();
    }
    return this.scopes.flatMap((scope) => scope.groups);
  }

  /** The Manual groups (personal first, then family), building the roots if needed. */
  manualGroups(): AlbumGroupNode[] {
    return this.groups().filter((group) => group.manual);
  }

  /** Reloads the Family groups: the families changed (a folder was created, joined or left). */
  refreshFamilies(): void {
    for (const group of this.groups().filter((each) => each.kind === AlbumKind.family)) {
      this.refresh(group);
    }
  }

  /** A group reloaded forgets its albums' index entries, so no command reaches a stale album. */
  override refresh(node?: TreeNode): void {
    if (node instanceof AlbumGroupNode) {
      for (const [albumId, album] of this.albums) {
        if (album.group === node) {
          this.albums.delete(albumId);
        }
      }
    }
    super.refresh(node);
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

  /** The loaded rows of an album's items `ids` (e.g. to show them busy while they are removed). */
  contentRows(albumId: string, ids: Iterable<string>): AlbumContentNode[] {
    const wanted = new Set(ids);
    return this.albums.get(albumId)?.contents().filter((row) => wanted.has(row.fileId)) ?? [];
  }

  /** Reloads one album's contents (after Undo, or items added), or does nothing if it is not shown. */
  reloadAlbum(albumId: string): void {
    const node = this.albums.get(albumId);
    if (node) {
      this.refresh(node);
    }
  }
}
