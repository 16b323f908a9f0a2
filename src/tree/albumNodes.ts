import * as vscode from 'vscode';
import { AlbumKind, AlbumType, type AlbumContent, type AlbumItem } from '../api/types';
import {
  albumDescription,
  albumLabel,
  contentDescription,
  contentLabel,
  fieldsMarkdown,
  isManual,
} from '../model/present';
import { albumContentPage, albumPage } from '../api/paging';
import { contextValue, TreeNode } from './node';
import { type Page, PagedNode, type TreeContext } from './pagedNode';

const t = vscode.l10n.t;

/** A family the user belongs to: a shared folder's user group (reference §5.0). */
export interface Family {
  groupId: string;
  name: string;
}

/** Lists the families whose shared albums the Family group shows. */
export type FamilySource = (signal: AbortSignal) => Promise<Family[]>;

/** "Personal" or "Family": holds the Manual and Collection groups. */
export class AlbumScopeNode extends TreeNode {
  private readonly groups: AlbumTypeNode[];

  constructor(
    readonly kind: AlbumKind,
    ctx: TreeContext,
    families: FamilySource,
    register: (node: AlbumNode) => void,
  ) {
    super(undefined);
    this.groups = [AlbumType.manual, AlbumType.collection].map((type) => new AlbumTypeNode(this, ctx, kind, type, families, register));
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.kind === AlbumKind.family ? t('Family') : t('Personal'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `scope:${this.kind}`;
    item.iconPath = new vscode.ThemeIcon(this.kind === AlbumKind.family ? 'organization' : 'person');
    item.contextValue = 'albumScope';
    return item;
  }

  override children(): Promise<TreeNode[]> {
    return Promise.resolve(this.groups);
  }
}

type FamilyCursor = { family: number; page: number };

/** "Manual" or "Collection" under a scope: the albums, a page at a time (pageNum/pageSize, D11). */
export class AlbumTypeNode extends PagedNode<{ album: AlbumItem; family?: Family }, number | FamilyCursor> {
  private families: Family[] | undefined;

  constructor(
    parent: AlbumScopeNode,
    ctx: TreeContext,
    readonly kind: AlbumKind,
    readonly type: AlbumType,
    private readonly familySource: FamilySource,
    private readonly register: (node: AlbumNode) => void,
  ) {
    super(parent, ctx);
  }

  treeItem(): vscode.TreeItem {
    // Personal manual albums are what people tidy most: show them without a click.
    const open = this.kind === AlbumKind.personal && this.type === AlbumType.manual;
    const item = new vscode.TreeItem(this.type === AlbumType.manual ? t('Manual') : t('Collection'), open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `albumType:${this.kind}:${this.type}`;
    item.iconPath = new vscode.ThemeIcon(this.type === AlbumType.manual ? 'folder-library' : 'sparkle');
    item.contextValue = contextValue('albumGroup', 'refreshable');
    return item;
  }

  protected emptyText(): string {
    return t('No albums');
  }

  protected toNode(entry: { album: AlbumItem; family?: Family }): TreeNode {
    const node = new AlbumNode(this, this.ctx, entry.album, entry.family);
    this.register(node);
    return node;
  }

  override reset(): void {
    super.reset();
    this.families = undefined;
  }

  protected async fetchPage(cursor: number | FamilyCursor | undefined, pageSize: number, signal: AbortSignal): Promise<Page<{ album: AlbumItem; family?: Family }, number | FamilyCursor>> {
    if (this.kind === AlbumKind.personal) {
      const page = await albumPage(this.ctx.client, { albumKind: this.kind, albumType: this.type, pageNum: typeof cursor === 'number' ? cursor : 1, pageSize }, { signal });
      return { items: page.items.map((album) => ({ album })), next: page.next };
    }
    return this.fetchFamilyPage(typeof cursor === 'object' ? cursor : { family: 0, page: 1 }, pageSize, signal);
  }

  /** Family albums need a groupId, so walk the families in turn, each page by page. */
  private async fetchFamilyPage(start: FamilyCursor, pageSize: number, signal: AbortSignal): Promise<Page<{ album: AlbumItem; family?: Family }, FamilyCursor>> {
    this.families ??= await this.familySource(signal);
    let cursor: FamilyCursor | undefined = start;
    while (cursor && cursor.family < this.families.length) {
      const family: Family = this.families[cursor.family];
      const page = await albumPage(this.ctx.client, { albumKind: this.kind, albumType: this.type, groupId: family.groupId, pageNum: cursor.page, pageSize }, { signal });
      const next: FamilyCursor | undefined = page.next !== undefined
        ? { family: cursor.family, page: page.next }
        : cursor.family + 1 < this.families.length ? { family: cursor.family + 1, page: 1 } : undefined;
      if (page.items.length > 0) {
        return { items: page.items.map((album) => ({ album, family })), next };
      }
      cursor = next;
    }
    return { items: [], next: undefined };
  }
}

/** An album; expanding it lists its contents with cursor paging (D11). */
export class AlbumNode extends PagedNode<AlbumContent, string> {
  constructor(
    parent: AlbumTypeNode,
    ctx: TreeContext,
    readonly album: AlbumItem,
    readonly family: Family | undefined,
  ) {
    super(parent, ctx);
  }

  get label(): string {
    return albumLabel(this.album, t);
  }

  get manual(): boolean {
    return isManual(this.album);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `album:${this.album.id}`;
    item.description = albumDescription(this.album, t, this.family?.name);
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.label, { ...this.album, family: this.family?.name }));
    item.iconPath = new vscode.ThemeIcon(this.manual ? 'file-media' : 'sparkle');
    item.contextValue = contextValue('album', this.manual ? 'manual' : 'collection', 'hasId', 'refreshable', this.manual && 'removable');
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

  protected async fetchPage(cursor: string | undefined, pageSize: number, signal: AbortSignal): Promise<Page<AlbumContent, string>> {
    return albumContentPage(this.ctx.client, this.album.id, cursor, { pageSize }, { signal });
  }

  contents(): AlbumContentNode[] {
    return this.loadedRows().filter((node): node is AlbumContentNode => node instanceof AlbumContentNode);
  }
}

/** An item of an album; removable from manual albums only. */
export class AlbumContentNode extends TreeNode {
  constructor(
    readonly album: AlbumNode,
    readonly content: AlbumContent,
  ) {
    super(album);
  }

  treeItem(): vscode.TreeItem {
    const label = contentLabel(this.content);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `content:${this.album.album.id}:${this.content.id}`;
    item.description = contentDescription(this.content);
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(label, this.content));
    item.iconPath = new vscode.ThemeIcon('file-media');
    item.contextValue = contextValue('albumContent', 'hasId', this.album.manual && 'removable');
    return item;
  }

  override apiId(): string {
    return this.content.id;
  }

  override apiObject(): Record<string, unknown> {
    return this.content;
  }
}
