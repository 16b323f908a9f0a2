import * as vscode from 'vscode';
import type { InviteeConfirmDetail, InviteeDetail } from '../api/types';
import { inviteeDescription, inviteeLabel, inviteState, pendingDescription, pendingLabel } from '../model/invitations';
import { fieldsMarkdown, text } from '../model/present';
import { contextValue, TreeNode } from './node';
import { type Page, PagedNode, type TreeContext } from './pagedNode';
import type { NodeType } from './kinds';

const t = vscode.l10n.t;

/** What invitation nodes need from the Shared Folders tree besides loading. */
export interface InvitationsContext extends TreeContext {
  /** The user's pending invitations were (re)loaded: how many there are. */
  pendingInvitations(count: number): void;
}

/**
 * "Invitations to you" (InviteConfrimList, §4.3): the signed-in user's pending invitations, one
 * request per load (the list has no paging). The tree shows it at the top only when it holds any.
 */
export class PendingInvitationsNode extends PagedNode<InviteeConfirmDetail, never> {
  override readonly nodeTypes: readonly NodeType[] = ['pendingInvitations'];
  constructor(protected override readonly ctx: InvitationsContext) {
    super(undefined, ctx);
  }

  get title(): string {
    return t('Invitations to you');
  }

  override get description(): string | undefined {
    const count = this.invitations().length;
    return count > 0 ? String(count) : undefined;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'pendingInvitations';
    item.description = this.description;
    item.iconPath = new vscode.ThemeIcon('mail');
    item.contextValue = contextValue('invitationGroup', 'refreshable');
    return item;
  }

  protected emptyText(): string {
    return t('No invitations are waiting for you');
  }

  protected toNode(invite: InviteeConfirmDetail): TreeNode {
    return new PendingInvitationNode(this, invite);
  }

  protected async fetchPage(_cursor: undefined, _pageSize: number, signal: AbortSignal): Promise<Page<InviteeConfirmDetail, never>> {
    return { items: await this.ctx.client.listPendingInvites({ signal }), next: undefined };
  }

  protected override rowsAdded(): void {
    this.ctx.pendingInvitations(this.invitations().length);
  }

  /** The invitations loaded so far. */
  invitations(): PendingInvitationNode[] {
    return this.loadedRows().filter((node): node is PendingInvitationNode => node instanceof PendingInvitationNode);
  }
}

/** An invitation to the user: the folder's name, who invited (masked), until when; Accept / Reject. */
export class PendingInvitationNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['pendingInvitation'];
  constructor(
    parent: PendingInvitationsNode,
    readonly invite: InviteeConfirmDetail,
  ) {
    super(parent);
  }

  get inviteId(): string {
    return this.invite.inviteId;
  }

  /** The group to pass to InviteConfirm (§4.2), if the list gave it. */
  get groupId(): string | undefined {
    return text(this.invite.groupId);
  }

  /** The folder's name, inert (D18). */
  get title(): string {
    return pendingLabel(this.invite, t);
  }

  override get description(): string {
    return pendingDescription(this.invite, t);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.id = `pendingInvitation:${this.invite.inviteId}`;
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, this.invite));
    item.iconPath = new vscode.ThemeIcon('mail');
    item.contextValue = contextValue('pendingInvitation', 'hasId');
    return item;
  }

  override apiId(): string {
    return this.invite.inviteId;
  }

  override apiObject(): Record<string, unknown> {
    return this.invite;
  }
}

/** "Invitations" under a folder the user owns (InviteList, §4.4): every invitee and their state. */
export class InvitationsNode extends PagedNode<InviteeDetail, never> {
  override readonly nodeTypes: readonly NodeType[] = ['invitations'];
  constructor(
    parent: TreeNode,
    ctx: TreeContext,
    private readonly folderId: string,
    private readonly groupId: string,
  ) {
    super(parent, ctx);
  }

  get title(): string {
    return t('Invitations');
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `invitations:${this.folderId}`;
    item.iconPath = new vscode.ThemeIcon('mail');
    item.contextValue = contextValue('invitations', 'refreshable');
    return item;
  }

  protected emptyText(): string {
    return t('Nobody has been invited to this folder');
  }

  protected toNode(invite: InviteeDetail): TreeNode {
    return new InviteeNode(this, invite);
  }

  protected async fetchPage(_cursor: undefined, _pageSize: number, signal: AbortSignal): Promise<Page<InviteeDetail, never>> {
    return { items: await this.ctx.client.listInvitees(this.groupId, { signal }), next: undefined };
  }

  /** The invitees loaded so far. */
  invitees(): InviteeNode[] {
    return this.loadedRows().filter((node): node is InviteeNode => node instanceof InviteeNode);
  }
}

const STATE_ICONS = { pending: 'clock', accepted: 'pass', rejected: 'circle-slash', expired: 'history', unknown: 'question' } as const;

/** One invitee of an owned folder: the number masked, the state, the date. */
export class InviteeNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['invitee'];
  constructor(
    parent: InvitationsNode,
    readonly invite: InviteeDetail,
  ) {
    super(parent);
  }

  get title(): string {
    return inviteeLabel(this.invite, t);
  }

  override get description(): string {
    return inviteeDescription(this.invite, Date.now(), t);
  }

  treeItem(): vscode.TreeItem {
    const state = inviteState(this.invite, Date.now());
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.id = `invitee:${this.invite.inviteId}`;
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, this.invite));
    item.iconPath = new vscode.ThemeIcon(STATE_ICONS[state]);
    item.contextValue = contextValue('invitee', state, 'hasId');
    return item;
  }

  override apiId(): string {
    return this.invite.inviteId;
  }

  override apiObject(): Record<string, unknown> {
    return this.invite;
  }
}
