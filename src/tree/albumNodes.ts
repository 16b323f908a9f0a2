import * as vscode from 'vscode';
import { albumContentPage } from '../api/paging';
import { AlbumKind, Limits, type AlbumContent, type AlbumItem } from '../api/types';
import { albumDescription, albumLabel, contentDescription, contentLabel, fieldsMarkdown, isManual, text } from '../model/present';
import type { AlbumGroupNode, Family } from './albumGroups';
import { contextValue, TreeNode } from './node';
import { type Page, PagedNode, type TreeContext } from './pagedNode';

const t = vscode.l10n.t;

/** Order of album contents (ListAlbumContent `sortType` / `sortDirection`). */
export interface ContentSort {
  /** 1 date taken, 2 date added. */
  sortType: 1 | 2;
  /** 1 oldest first, 2 newest first. */
  sortDirection: 1 | 2;
}

/** What album nodes need from the Albums tree besides loading. */
export interface AlbumsContext extends TreeContext {
  /** The families (shared-folder groups) the user belongs to. */
  families(signal: AbortSignal): Promise<Family[]>;
  /** An album row was built: the tree indexes it by id. */
  albumShown(node: AlbumNode): void;
  /** The order album contents are listed in. */
  contentSort(): ContentSort;
}

/** An album; expanding it lists its contents with cursor paging (D11). */
export class AlbumNode extends PagedNode<AlbumContent, string> {
  private total: number | undefined;

  constructor(
    readonly group: AlbumGroupNode,
    protected override readonly ctx: AlbumsContext,
    readonly album: AlbumItem,
    readonly family: Family | undefined,
  ) {
    super(group, ctx);
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

  override get description(): string {
    return albumDescription(this.album, t, this.family?.name);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `album:${this.album.id}`;
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, { ...this.album, family: this.family?.name }));
    item.iconPath = new vscode.ThemeIcon(this.manual ? 'file-media' : 'sparkle');
    item.contextValue = contextValue('album', this.manual ? 'manual' : 'collection', 'hasId', 'refreshable', this.manual && 'removable', this.manual && 'editable', this.manual && 'dropTarget');
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

  protected toNode(content: AlbumContent): TreeNode {
    return new AlbumContentNode(this, content);
  }

  protected override bulkPageSize(): number {
    return Limits.albumContentPageSizeMax;
  }

  protected async fetchPage(cursor: string | undefined, pageSize: number, signal: AbortSignal): Promise<Page<AlbumContent, string>> {
    const page = await albumContentPage(this.ctx.client, this.album.id, cursor, { pageSize, ...this.ctx.contentSort() }, { signal });
    if (cursor === undefined) {
      this.total = page.total;
    }
    return page;
  }

  /** The items loaded so far. */
  contents(): AlbumContentNode[] {
    return this.loadedRows().filter((node): node is AlbumContentNode => node instanceof AlbumContentNode);
  }
}

/** An item of an album: a link to a file; removable from manual albums only. */
export class AlbumContentNode extends TreeNode {
  /** "Removing…" and the like while a command works on this row. */
  busy: string | undefined;

  constructor(
    readonly album: AlbumNode,
    readonly content: AlbumContent,
  ) {
    super(album);
  }

  get fileId(): string {
    return this.content.id;
  }

  /** The file's owner where the listing says (family albums hold other people's files). */
  get ownerId(): string | undefined {
    return text(this.content.ownerId);
  }

  get title(): string {
    return contentLabel(this.content);
  }

  override get description(): string {
    return this.busy ?? contentDescription(this.content);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.id = `content:${this.album.albumId}:${this.content.id}`;
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, this.content));
    item.iconPath = new vscode.ThemeIcon(this.busy ? 'loading~spin' : 'file-media');
    item.contextValue = contextValue('albumContent', 'hasId', this.album.manual && 'removable', 'draggable');
    return item;
  }

  override apiId(): string {
    return this.content.id;
  }

  override apiObject(): Record<string, unknown> {
    return this.content;
  }
}
