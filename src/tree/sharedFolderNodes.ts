import * as vscode from 'vscode';
import { groupMemberPage, sharedFolderPage } from '../api/paging';
import { Limits, ShareFolderQueryType, type MemberInfo, type ShareFolder } from '../api/types';
import { folderOwnerId, ownsFolder } from '../model/ownership';
import { fieldsMarkdown, folderDescription, folderLabel, memberDescription, memberLabel, text } from '../model/present';
import { safeText } from '../model/safeText';
import { type InvitationsHost, InvitationsNode } from './invitationNodes';
import { contextValue, rowId, TreeNode } from './node';
import { PagedNode, type RowPage } from './pagedNode';
import type { NodeType } from './kinds';

const t = vscode.l10n.t;

/** What folder rows need from the Shared Folders tree besides loading. */
export interface FoldersHost extends InvitationsHost {
  /** The keyword filter (`keyWord`), if one is set. */
  keyWord(): string | undefined;
}

/** "Created by me" or "Joined": shared folders a page at a time (offset/limit, D11), filtered by keyword. */
export class FolderGroupNode extends PagedNode<number> {
  override readonly nodeTypes: readonly NodeType[] = ['folderGroup'];
  constructor(
    protected override readonly host: FoldersHost,
    readonly queryType: typeof ShareFolderQueryType.created | typeof ShareFolderQueryType.joined,
  ) {
    super(undefined, host);
  }

  get created(): boolean {
    return this.queryType === ShareFolderQueryType.created;
  }

  get title(): string {
    return this.created ? t('Created by me') : t('Joined');
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = rowId('folderGroup', String(this.queryType));
    item.iconPath = new vscode.ThemeIcon(this.created ? 'person' : 'organization');
    item.contextValue = contextValue('folderGroup', this.created ? 'created' : 'joined', 'refreshable', this.created && 'canCreate');
    const keyWord = this.host.keyWord();
    item.description = keyWord ? t('filtered by “{0}”', safeText(keyWord)) : undefined;
    return item;
  }

  protected emptyText(): string {
    const keyWord = this.host.keyWord();
    if (keyWord) {
      return t('No shared folders match “{0}”', safeText(keyWord));
    }
    return this.created ? t('You have not created any shared folders') : t('You have not joined any shared folders');
  }

  protected async fetchPage(cursor: number | undefined, pageSize: number, signal: AbortSignal): Promise<RowPage<TreeNode, number>> {
    const keyWord = this.host.keyWord();
    const page = await sharedFolderPage(this.host.client, { offset: cursor ?? 0, limit: pageSize, queryType: this.queryType, ...(keyWord ? { keyWord } : {}) }, { signal });
    const userId = this.host.userId();
    return { rows: page.items.map((folder) => new SharedFolderNode(this, this.host, folder, ownsFolder(folder, userId, this.created))), next: page.next };
  }

  /** The folders loaded so far. */
  folders(): SharedFolderNode[] {
    return this.loadedRows().filter((node): node is SharedFolderNode => node instanceof SharedFolderNode);
  }
}

/** A shared folder; expanding it lists the members of its user group (owned: after its Invitations). */
export class SharedFolderNode extends PagedNode<number> {
  override readonly nodeTypes: readonly NodeType[] = ['sharedFolder'];
  private invitations: InvitationsNode | undefined;

  constructor(
    readonly group: FolderGroupNode,
    protected override readonly host: FoldersHost,
    readonly folder: ShareFolder,
    /** Decided by the one ownership rule (model/ownership.ts). */
    readonly owned: boolean,
  ) {
    super(group, host);
  }

  get folderId(): string {
    return this.folder.id;
  }

  /** The user group behind the folder (members, invitations), if the listing gave it. */
  get groupId(): string | undefined {
    return text(this.folder.groupId);
  }

  /** The folder's name as KooDrive has it (for renaming). */
  get name(): string | undefined {
    return text(this.folder.name);
  }

  /** The label, inert (D18). */
  get title(): string {
    return folderLabel(this.folder, t);
  }

  /** The owner's user id, as stated or (for the user's own folders) implied. */
  get ownerId(): string | undefined {
    return folderOwnerId(this.folder, this.host.userId(), this.owned);
  }

  override get description(): string {
    return folderDescription(this.folder, this.owned, t);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = rowId('folder', this.folder.id);
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, this.folder));
    item.iconPath = new vscode.ThemeIcon(this.owned ? 'root-folder' : 'folder');
    item.contextValue = contextValue('sharedFolder', this.owned ? 'owned' : 'joined', 'hasId', 'refreshable', this.owned && 'deletable', this.owned && 'editable', this.owned && 'canInvite', !this.owned && 'canLeave');
    return item;
  }

  override apiId(): string {
    return this.folder.id;
  }

  override apiObject(): Record<string, unknown> {
    return this.folder;
  }

  protected emptyText(): string {
    return this.groupId ? t('No members') : t('This folder has no user group to list members from');
  }

  /** Owners see who they invited (InviteList) before the members. */
  protected override leadingRows(): TreeNode[] {
    const node = this.invitationsNode();
    return node ? [node] : [];
  }

  /** The Invitations row of a folder the user owns (undefined for joined folders). */
  invitationsNode(): InvitationsNode | undefined {
    const groupId = this.groupId;
    if (this.owned && groupId) {
      this.invitations ??= InvitationsNode.ofFolder(this, this.host, this.folderId, groupId);
    }
    return this.invitations;
  }

  override reset(): void {
    super.reset();
    this.invitations = undefined;
  }

  protected async fetchPage(cursor: number | undefined, pageSize: number, signal: AbortSignal): Promise<RowPage<TreeNode, number>> {
    const groupId = this.groupId;
    if (!groupId) {
      return { rows: [], next: undefined };
    }
    const page = await groupMemberPage(this.host.client, groupId, { offset: cursor ?? 0, limit: Math.min(pageSize, Limits.groupMemberLimitMax) }, { signal });
    const owner = this.ownerId;
    return { rows: page.items.map((member: MemberInfo) => new MemberNode(this, member, owner !== undefined && text(member.userId) === owner)), next: page.next };
  }

  /** The members loaded so far. */
  members(): MemberNode[] {
    return this.loadedRows().filter((node): node is MemberNode => node instanceof MemberNode);
  }
}

/** A member of a shared folder's group: shown by nickname, else masked id; phone masked. */
export class MemberNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['member'];
  constructor(
    readonly folder: SharedFolderNode,
    readonly member: MemberInfo,
    readonly isOwner: boolean,
  ) {
    super(folder);
  }

  get userId(): string {
    return text(this.member.userId) ?? '';
  }

  get title(): string {
    return memberLabel(this.member);
  }

  override get description(): string {
    return memberDescription(this.member, this.isOwner, t);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.id = rowId('member', this.folder.folderId, this.userId);
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, this.member));
    item.iconPath = new vscode.ThemeIcon(this.isOwner ? 'star-full' : 'account');
    item.contextValue = contextValue('member', 'hasId', this.folder.owned && !this.isOwner && 'removableMember');
    return item;
  }

  override apiId(): string {
    return this.userId;
  }

  override apiObject(): Record<string, unknown> {
    return this.member;
  }
}
