import * as vscode from 'vscode';
import { albumPage } from '../api/paging';
import { AlbumKind, AlbumType, type AlbumItem } from '../api/types';
import { AlbumNode, type AlbumsHost } from './albumNodes';
import { contextValue, rowId, TreeNode } from './node';
import { PagedNode, type RowPage } from './pagedNode';
import type { NodeType } from './kinds';

const t = vscode.l10n.t;

/** A family the user belongs to: a shared folder's user group (reference §5.0). */
export interface Family {
  groupId: string;
  /** The shared folder's name, inert (D18). */
  name: string;
}

/** "Personal" or "Family": holds the Manual and Collection groups. */
export class AlbumScopeNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['albumScope'];
  readonly groups: AlbumGroupNode[];

  constructor(
    readonly kind: AlbumKind,
    host: AlbumsHost,
  ) {
    super(undefined);
    this.groups = [AlbumType.manual, AlbumType.collection].map((type) => kind === AlbumKind.family ? new FamilyAlbumGroupNode(this, host, type) : new PersonalAlbumGroupNode(this, host, type));
  }

  get title(): string {
    return this.kind === AlbumKind.family ? t('Family') : t('Personal');
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = rowId('scope', String(this.kind));
    item.iconPath = new vscode.ThemeIcon(this.kind === AlbumKind.family ? 'organization' : 'person');
    item.contextValue = 'albumScope';
    return item;
  }

  override children(): Promise<TreeNode[]> {
    return Promise.resolve(this.groups);
  }
}

/**
 * "Manual" or "Collection" under a scope: its albums a page at a time (pageNum/pageSize, D11).
 * Manual groups are where albums are created (`canCreate` in the context value).
 */
export abstract class AlbumGroupNode<Cursor = unknown> extends PagedNode<Cursor> {
  override readonly nodeTypes: readonly NodeType[] = ['albumGroup'];
  constructor(
    readonly scope: AlbumScopeNode,
    protected override readonly host: AlbumsHost,
    readonly type: AlbumType,
  ) {
    super(scope, host);
  }

  get kind(): AlbumKind {
    return this.scope.kind;
  }

  get manual(): boolean {
    return this.type === AlbumType.manual;
  }

  get title(): string {
    return this.manual ? t('Manual') : t('Collection');
  }

  treeItem(): vscode.TreeItem {
    // Personal manual albums are what people tidy most: show them without a click.
    const open = this.kind === AlbumKind.personal && this.manual;
    const item = new vscode.TreeItem(this.title, open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = rowId('albumType', String(this.kind), String(this.type));
    item.iconPath = new vscode.ThemeIcon(this.manual ? 'folder-library' : 'sparkle');
    item.contextValue = contextValue('albumGroup', this.manual ? 'manual' : 'collection', this.kind === AlbumKind.family ? 'family' : 'personal', 'refreshable', this.manual && 'canCreate');
    return item;
  }

  protected emptyText(): string {
    return t('No albums');
  }

  /** The row of an album, indexed by the tree so removals and reloads can find it by id. */
  protected albumRow(album: AlbumItem, family?: Family): TreeNode {
    const node = new AlbumNode(this, this.host, album, family);
    this.host.albumShown(node);
    return node;
  }

  /** The albums loaded so far. */
  albums(): AlbumNode[] {
    return this.loadedRows().filter((node): node is AlbumNode => node instanceof AlbumNode);
  }
}

/** Personal albums: one listing, page by page. */
export class PersonalAlbumGroupNode extends AlbumGroupNode<number> {
  protected async fetchPage(cursor: number | undefined, pageSize: number, signal: AbortSignal): Promise<RowPage<TreeNode, number>> {
    const page = await albumPage(this.host.client, { albumKind: AlbumKind.personal, albumType: this.type, pageNum: cursor ?? 1, pageSize }, { signal });
    return { rows: page.items.map((album) => this.albumRow(album)), next: page.next };
  }
}

type FamilyCursor = { family: number; page: number };

/** Family albums need a groupId: the families are walked in turn, each page by page. */
export class FamilyAlbumGroupNode extends AlbumGroupNode<FamilyCursor> {
  override readonly nodeTypes: readonly NodeType[] = ['albumGroup', 'familyAlbumGroup'];
  private families: Family[] | undefined;

  override reset(): void {
    super.reset();
    this.families = undefined;
  }

  /** The families whose albums this group lists (asked once per load of the group). */
  async familyList(signal: AbortSignal): Promise<Family[]> {
    this.families ??= await this.host.families(signal);
    return this.families;
  }

  protected async fetchPage(cursor: FamilyCursor | undefined, pageSize: number, signal: AbortSignal): Promise<RowPage<TreeNode, FamilyCursor>> {
    const families = await this.familyList(signal);
    let at: FamilyCursor | undefined = cursor ?? { family: 0, page: 1 };
    while (at && at.family < families.length) {
      const family = families[at.family];
      const page = await albumPage(this.host.client, { albumKind: AlbumKind.family, albumType: this.type, groupId: family.groupId, pageNum: at.page, pageSize }, { signal });
      const next: FamilyCursor | undefined = page.next !== undefined
        ? { family: at.family, page: page.next }
        : at.family + 1 < families.length ? { family: at.family + 1, page: 1 } : undefined;
      if (page.items.length > 0) {
        return { rows: page.items.map((album) => this.albumRow(album, family)), next };
      }
      at = next;
    }
    return { rows: [], next: undefined };
  }
}
