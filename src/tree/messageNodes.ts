import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { errorReason } from '../model/errorText';
import { TreeNode } from './node';
import type { PagedNode } from './pagedNode';
import type { NodeType } from './kinds';

const t = vscode.l10n.t;

/** A plain informational row ("No albums"). */
export class MessageNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['message'];
  constructor(
    parent: TreeNode | undefined,
    private readonly text: string,
    private readonly icon = 'info',
  ) {
    super(parent);
  }

  get title(): string {
    return this.text;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'message';
    return item;
  }
}

/** "Could not load: <reason>", with Retry as its click action. */
export class ErrorNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['error'];
  constructor(
    parent: TreeNode | undefined,
    readonly error: unknown,
    private readonly retryTarget: PagedNode,
  ) {
    super(parent);
  }

  get title(): string {
    return t('Could not load: {0}', errorReason(this.error, t));
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.description = t('Retry');
    item.tooltip = t('Click to try again. Details are in the KooDrive log.');
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'error;retryable';
    item.command = { command: CommandId.retryLoad, title: t('Retry'), arguments: [this] };
    return item;
  }

  /** Tries the failed page again. */
  retry(): Promise<void> {
    return this.retryTarget.loadMore();
  }
}

/** Shown instead of any data once the session has expired: stale data is not trusted. */
export class SessionExpiredNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['sessionExpired'];
  get title(): string {
    return t('Session expired: sign in again');
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('warning');
    item.tooltip = t('KooDrive no longer accepts the stored access token. Click to sign in again.');
    item.contextValue = 'sessionExpired';
    item.command = { command: CommandId.signIn, title: t('Sign In') };
    return item;
  }
}

/** "Load more…": the next page of its parent listing; it says "Loading…" while it loads. */
export class LoadMoreNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['loadMore'];
  constructor(private readonly owner: PagedNode) {
    super(owner);
  }

  get title(): string {
    return t('Load more…');
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    const loading = this.owner.loading;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    item.description = loading ? t('Loading…') : undefined;
    item.contextValue = 'loadMore';
    item.command = { command: CommandId.loadMore, title: t('Load more…'), arguments: [this] };
    return item;
  }

  /** Loads the next page of the listing this row ends. */
  load(): Promise<void> {
    return this.owner.loadMore();
  }
}

/** "Next items…" or "Previous items…": shows another window of a listing too long to hold at once. */
export class WindowNode extends TreeNode {
  override readonly nodeTypes: readonly NodeType[] = ['loadMore'];
  constructor(
    private readonly owner: PagedNode,
    private readonly direction: 'next' | 'previous',
    private readonly label: string,
  ) {
    super(owner);
  }

  get title(): string {
    return this.label;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.direction === 'next' ? 'arrow-down' : 'arrow-up');
    item.contextValue = 'loadMore';
    item.command = { command: CommandId.loadMore, title: this.title, arguments: [this] };
    return item;
  }

  /** Shows the window. */
  load(): Promise<void> {
    return this.owner.moveWindow(this.direction);
  }
}
