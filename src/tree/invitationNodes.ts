import * as vscode from 'vscode';
import type { InviteeConfirmDetail, InviteeDetail } from '../api/types';
import { inviteeDescription, inviteeLabel, inviteState, pendingDescription, pendingLabel } from '../model/invitations';
import { fieldsMarkdown, text } from '../model/present';
import type { NodeType } from './kinds';
import { contextValue, rowId, TreeNode } from './node';
import { PagedNode, type RowHost, type RowPage } from './pagedNode';

const t = vscode.l10n.t;

/** What invitation listings need from the Shared Folders tree besides loading. */
export interface InvitationsHost extends RowHost {
  /** The user's pending invitations were (re)loaded: how many there are. */
  pendingInvitations(count: number): void;
}

type Invite = InviteeConfirmDetail | InviteeDetail;

const STATE_ICONS = { pending: 'clock', accepted: 'pass', rejected: 'circle-slash', expired: 'history', unknown: 'question' } as const;

/**
 * What tells the two invitation listings apart: "Invitations to you" (InviteConfrimList, §4.3,
 * the signed-in user's pending invitations) and a folder's "Invitations" (InviteList, §4.4,
 * everyone its owner invited). Neither list has paging: one request per load.
 */
interface InvitationKind {
  listType: NodeType;
  rowType: NodeType;
  load(host: InvitationsHost, signal: AbortSignal): Promise<Invite[]>;
  label(invite: Invite): string;
  description(invite: Invite): string;
  icon(invite: Invite): string;
  context(invite: Invite): string;
}

const TO_ME: InvitationKind = {
  listType: 'pendingInvitations',
  rowType: 'pendingInvitation',
  load: (host, signal) => host.client.listPendingInvites({ signal }),
  label: (invite) => pendingLabel(invite, t),
  description: (invite) => pendingDescription(invite, t),
  icon: () => 'mail',
  context: () => contextValue('pendingInvitation', 'hasId'),
};

function ofFolder(groupId: string): InvitationKind {
  return {
    listType: 'invitations',
    rowType: 'invitee',
    load: (host, signal) => host.client.listInvitees(groupId, { signal }),
    label: (invite) => inviteeLabel(invite, t),
    description: (invite) => inviteeDescription(invite, Date.now(), t),
    icon: (invite) => STATE_ICONS[inviteState(invite, Date.now())],
    context: (invite) => contextValue('invitee', inviteState(invite, Date.now()), 'hasId'),
  };
}

/** One invitation listing: "Invitations to you" at the top of the tree, or "Invitations" under an owned folder. */
export class InvitationsNode extends PagedNode<never> {
  override readonly nodeTypes: readonly NodeType[];

  private constructor(
    parent: TreeNode | undefined,
    protected override readonly host: InvitationsHost,
    private readonly kind: InvitationKind,
    private readonly folderId: string | undefined,
  ) {
    super(parent, host);
    this.nodeTypes = [kind.listType];
  }

  /** "Invitations to you": shown at the top only when it holds any; its count is the view's badge. */
  static toMe(host: InvitationsHost): InvitationsNode {
    return new InvitationsNode(undefined, host, TO_ME, undefined);
  }

  /** "Invitations" under a folder the user owns: every invitee and their state. */
  static ofFolder(parent: TreeNode, host: InvitationsHost, folderId: string, groupId: string): InvitationsNode {
    return new InvitationsNode(parent, host, ofFolder(groupId), folderId);
  }

  private get mine(): boolean {
    return this.folderId === undefined;
  }

  get title(): string {
    return this.mine ? t('Invitations to you') : t('Invitations');
  }

  override get description(): string | undefined {
    const count = this.invitations().length;
    return this.mine && count > 0 ? String(count) : undefined;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, this.mine ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.mine ? rowId('pendingInvitations') : rowId('invitations', this.folderId ?? '');
    item.description = this.description;
    item.iconPath = new vscode.ThemeIcon('mail');
    item.contextValue = contextValue(this.mine ? 'invitationGroup' : 'invitations', 'refreshable');
    return item;
  }

  protected emptyText(): string {
    return this.mine ? t('No invitations are waiting for you') : t('Nobody has been invited to this folder');
  }

  protected async fetchPage(_cursor: undefined, _pageSize: number, signal: AbortSignal): Promise<RowPage<TreeNode, never>> {
    const invites = await this.kind.load(this.host, signal);
    return { rows: invites.map((invite) => new InvitationNode(this, this.kind, invite)), next: undefined };
  }

  protected override rowsAdded(): void {
    if (this.mine) {
      this.host.pendingInvitations(this.invitations().length);
    }
  }

  /** The invitations loaded so far. */
  invitations(): InvitationNode[] {
    return this.loadedRows().filter((node): node is InvitationNode => node instanceof InvitationNode);
  }
}

/** One invitation: to the user (the folder's name, who invited, until when; Accept / Reject), or of an owned folder (the number masked, its state). */
export class InvitationNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[];

  constructor(
    parent: InvitationsNode,
    private readonly kind: InvitationKind,
    readonly invite: Invite,
  ) {
    super(parent);
    this.nodeTypes = [kind.rowType];
  }

  get inviteId(): string {
    return this.invite.inviteId;
  }

  /** The group to pass to InviteConfirm (§4.2), if the list gave it. */
  get groupId(): string | undefined {
    return text(this.invite.groupId);
  }

  /** The folder's name or the invitee's masked number, inert (D18). */
  get title(): string {
    return this.kind.label(this.invite);
  }

  override get description(): string {
    return this.kind.description(this.invite);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.id = rowId(this.kind.rowType, this.invite.inviteId);
    item.description = this.description;
    item.tooltip = new vscode.MarkdownString(fieldsMarkdown(this.title, this.invite));
    item.iconPath = new vscode.ThemeIcon(this.kind.icon(this.invite));
    item.contextValue = this.kind.context(this.invite);
    return item;
  }

  override apiId(): string {
    return this.invite.inviteId;
  }

  override apiObject(): Record<string, unknown> {
    return this.invite;
  }
}
