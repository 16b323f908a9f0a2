import * as vscode from 'vscode';
import type { KooDriveClient } from '../api/client';
import { SessionExpiredNode } from './messageNodes';
import type { SessionState } from '../auth/state';
import type { TreeNode } from './node';
import { PagedNode, type TreeContext } from './pagedNode';

/** What a tree reads from the rest of the extension, as plain getters (no secrets, no messages). */
export interface TreeEnv {
  readonly client: KooDriveClient;
  pageSize(): number;
  userId(): string | undefined;
  sessionState(): SessionState;
}

/**
 * The shared half of both trees: roots built lazily once signed in, the "session expired" root,
 * refresh (whole tree or one branch), and failure reporting as an event instead of pop-ups.
 */
export abstract class KooTreeProvider implements vscode.TreeDataProvider<TreeNode>, TreeContext, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private readonly failures = new vscode.EventEmitter<unknown>();
  /** A load failed (the tree already shows it as a row). */
  readonly onDidFail = this.failures.event;
  private rootNodes: TreeNode[] | undefined;
  private controller = new AbortController();

  constructor(protected readonly env: TreeEnv) {}

  get client(): KooDriveClient {
    return this.env.client;
  }

  pageSize(): number {
    return this.env.pageSize();
  }

  userId(): string | undefined {
    return this.env.userId();
  }

  signal(): AbortSignal {
    return this.controller.signal;
  }

  protected abstract buildRoots(): TreeNode[];

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      return node.children();
    }
    switch (this.env.sessionState()) {
      case 'signedOut':
        return []; // the view's welcome content takes over
      case 'expired':
        return [new SessionExpiredNode(undefined)];
      default:
        return this.shownRoots(this.roots());
    }
  }

  /** The roots as shown; a subclass may leave one out (e.g. an empty group it had to load to know). */
  protected shownRoots(roots: TreeNode[]): Promise<TreeNode[]> {
    return Promise.resolve(roots);
  }

  /** The top-level nodes, built once per refresh (also for pickers that walk the tree's data). */
  protected roots(): TreeNode[] {
    this.rootNodes ??= this.buildRoots();
    return this.rootNodes;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Whether `node` belongs to this tree's current roots. */
  owns(node: TreeNode): boolean {
    let root = node;
    while (root.parent) {
      root = root.parent;
    }
    return this.rootNodes?.includes(root) ?? false;
  }

  /** Reload `node` from its first page, or the whole tree (dropping every cached listing). */
  refresh(node?: TreeNode): void {
    if (node instanceof PagedNode) {
      node.reset();
      this.changes.fire(node);
      return;
    }
    this.controller.abort();
    this.controller = new AbortController();
    this.rootNodes = undefined;
    this.forget();
    this.changes.fire(undefined);
  }

  /** Subclasses drop their indexes of nodes here. */
  protected forget(): void {}

  changed(node?: TreeNode): void {
    this.changes.fire(node);
  }

  failed(error: unknown): void {
    this.failures.fire(error);
  }

  dispose(): void {
    this.controller.abort();
    this.changes.dispose();
    this.failures.dispose();
  }
}
