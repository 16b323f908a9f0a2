import * as vscode from 'vscode';
import { groupMemberPage, sharedFolderPage } from '../api/paging';
import { Limits, ShareFolderQueryType, type MemberInfo, type ShareFolder } from '../api/types';
import { fieldsMarkdown, folderDescription, folderLabel, memberDescription, memberLabel } from '../model/present';
import { folderOwnerId, ownsFolder } from '../model/ownership';
import { contextValue, TreeNode } from './node';
import { type Page, PagedNode, type TreeContext } from './pagedNode';

const t = vscode.l10n.t;

/** "Created by me" or "Joined": shared folders a page at a time (offset/limit, D11), filtered by keyword. */
export class FolderGroupNode extends PagedNode<ShareFolder, number> {
  constructor(
    ctx: TreeContext,
    readonly queryType: typeof ShareFolderQueryType.created | typeof ShareFolderQueryType.joined,
    private readonly keyWord: () => string | undefined,
  ) {
    super(undefined, ctx);
  }

  get created(): boolean {
    return this.queryType === ShareFolderQueryType.created;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.created ? t('Created by me') : t('Joined'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `folderGroup:${this.queryType}`;
    item.iconPath = new vscode.ThemeIcon(this.created ? 'person' : 'organization');
    item.contextValue = contextValue('folderGroup', 'refreshable');
    const keyWord = this.keyWord();
    item.description = keyWord ? t('filtered by “{0}”', keyWord) : undefined;
    return item;
  }

  protected emptyText(): string {
    const keyWord = this.keyWord();
    if (keyWord) {
      return t('No shared folders match “{0}”', keyWord);
    }
    return this.created ? t('You have not created any shared folders') : t('You have not joined any shared folders');
  }

  protected toNode(folder: ShareFolder): TreeNode {
    return new SharedFolderNode(this, this.ctx, folder, ownsFolder(folder, this.ctx.userId(), this.created));
  }

  protected async fetchPage(cursor: number | undefined, pageSize: number, signal: AbortSignal): Promise<Page<ShareFolder, number>> {
    const keyWord = this.keyWord();
    return sharedFolderPage(this.ctx.client, { offset: cursor ?? 0, limit: pageSize, queryType: this.queryType, ...(keyWord ? { keyWord } : {}) }, { signal });
  }

  folders(): SharedFolderNode[] {
    return this.loadedRows().filter((node): node is SharedFolderNode => node instanceof SharedFolderNode);
  }
}

/** A shared folder; expanding it lists the members of its user group. */
export class SharedFolderNode extends PagedNode<MemberInfo, number> {
  constructor(
    parent: FolderGroupNode,
    ctx: TreeContext,
    readonly folder: ShareFolder,
    readonly owned: boolean,
  ) {
    super(parent, ctx);
  }

  get label(): string {
    return folderLabel(this.folder, t);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `folder:${this.folder.id}`;
    item.description = folderDescription(this.folder, this.owned, t);
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.label, this.folder));
    item.iconPath = new vscode.ThemeIcon(this.owned ? 'root-folder' : 'folder');
    item.contextValue = contextValue('sharedFolder', this.owned ? 'owned' : 'joined', 'hasId', 'refreshable', this.owned && 'deletable');
    return item;
  }

  override apiId(): string {
    return this.folder.id;
  }

  override apiObject(): Record<string, unknown> {
    return this.folder;
  }

  protected emptyText(): string {
    return this.folder.groupId ? t('No members') : t('This folder has no user group to list members from');
  }

  protected toNode(member: MemberInfo): TreeNode {
    const owner = folderOwnerId(this.folder, this.ctx.userId(), this.owned);
    return new MemberNode(this, member, owner !== undefined && String(member.userId) === owner);
  }

  protected async fetchPage(cursor: number | undefined, pageSize: number, signal: AbortSignal): Promise<Page<MemberInfo, number>> {
    if (!this.folder.groupId) {
      return { items: [], next: undefined };
    }
    return groupMemberPage(this.ctx.client, this.folder.groupId, { offset: cursor ?? 0, limit: Math.min(pageSize, Limits.groupMemberLimitMax) }, { signal });
  }
}

export class MemberNode extends TreeNode {
  constructor(
    readonly folder: SharedFolderNode,
    readonly member: MemberInfo,
    private readonly isOwner: boolean,
  ) {
    super(folder);
  }

  treeItem(): vscode.TreeItem {
    const label = memberLabel(this.member);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `member:${this.folder.folder.id}:${this.member.userId}`;
    item.description = memberDescription(this.member, this.isOwner, t);
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(label, this.member));
    item.iconPath = new vscode.ThemeIcon(this.isOwner ? 'star-full' : 'account');
    item.contextValue = contextValue('member', 'hasId');
    return item;
  }

  override apiId(): string {
    return this.member.userId;
  }

  override apiObject(): Record<string, unknown> {
    return this.member;
  }
}
