import * as vscode from 'vscode';
import type { KooDriveClient } from '../api/client';
import type { FileDetails } from '../api/types';
import type { SessionState } from '../auth/state';
import type { ContentSort } from '../model/contentSort';
import type { ItemDetailsSource } from './albumNodes';
import { SessionExpiredNode } from './messageNodes';
import { TreeNode } from './node';
import { PagedNode, type RowHost } from './pagedNode';

/** Thumbnails as `data:` URIs, kept in a cache bounded by bytes (services/thumbnails.ts). */
export interface ThumbnailSource {
  get(details: FileDetails, signal: AbortSignal): Promise<string | undefined>;
  peek(details: FileDetails): string | undefined;
}

/** What the composition root gives the trees: plain getters (no secrets, no messages). */
export interface TreeInputs {
  readonly client: KooDriveClient;
  pageSize(): number;
  userId(): string | undefined;
  sessionState(): SessionState;
  /** File details of album items (names, kinds, links), looked up a few at a time. */
  readonly itemDetails: ItemDetailsSource;
  readonly thumbnails: ThumbnailSource;
  /** The display language, for sizes and dates. */
  locale(): string;
  /** The album-content order remembered for this workspace. */
  sort?: ContentSort;
}

/** How long row changes are gathered before the view is told: one redraw for a burst of them. */
const REDRAW_MS = 100;

/**
 * The shared half of both trees: roots built lazily once signed in, the "session expired" root,
 * refresh (whole tree or one branch), busy rows, and failure reporting as an event instead of
 * pop-ups. Row changes are gathered and sent at most every {@link REDRAW_MS}, so a burst of
 * thousands (file details arriving) costs the workbench a few redraws, never one each.
 */
export abstract class KooTreeProvider implements vscode.TreeDataProvider<TreeNode>, RowHost, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private readonly failures = new vscode.EventEmitter<unknown>();
  /** A load failed (the tree already shows it as a row). */
  readonly onDidFail = this.failures.event;
  private rootNodes: TreeNode[] | undefined;
  private controller = new AbortController();
  /** The roots this tree built: command arguments are trusted only when they descend from one. */
  private builtRoots = new WeakSet<TreeNode>();
  private redraws = new Set<TreeNode>();
  private timer: NodeJS.Timeout | undefined;

  constructor(protected readonly inputs: TreeInputs) {}

  get client(): KooDriveClient {
    return this.inputs.client;
  }

  pageSize(): number {
    return this.inputs.pageSize();
  }

  userId(): string | undefined {
    return this.inputs.userId();
  }

  signal(): AbortSignal {
    return this.controller.signal;
  }

  protected abstract buildRoots(): TreeNode[];

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.treeItem();
    if (!node.busy) {
      return item;
    }
    // A copy: a row may keep its item between redraws, and the busy label is not part of it.
    const busy = Object.assign(new vscode.TreeItem(item.label ?? '', item.collapsibleState), item);
    busy.description = node.busy;
    busy.iconPath = new vscode.ThemeIcon('loading~spin');
    return busy;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      return node.children();
    }
    switch (this.inputs.sessionState()) {
      case 'signedOut':
        return Promise.resolve([]); // the view's welcome content takes over
      case 'expired': {
        const expired = new SessionExpiredNode(undefined);
        this.builtRoots.add(expired);
        return Promise.resolve([expired]);
      }
      default:
        return this.shownRoots(this.roots());
    }
  }

  /**
   * `value` when it is a row this tree built, else undefined: a command argument from a
   * `command:` link or another extension may be any object claiming to be a row (its `nodeTypes`
   * read from itself), and must be treated as absent. A row is ours when it is an instance of
   * this bundle's TreeNode (which no other code can construct) whose root this tree built.
   */
  resolve(value: unknown): TreeNode | undefined {
    if (!(value instanceof TreeNode)) {
      return undefined;
    }
    let root = value;
    while (root.parent) {
      root = root.parent;
    }
    return this.builtRoots.has(root) ? value : undefined;
  }

  /** The roots as shown; a subclass may leave one out (e.g. an empty group it had to load to know). */
  protected shownRoots(roots: TreeNode[]): Promise<TreeNode[]> {
    return Promise.resolve(roots);
  }

  /** The top-level nodes, built once per refresh (also for pickers that walk the tree's data). */
  protected roots(): TreeNode[] {
    if (!this.rootNodes) {
      this.rootNodes = this.buildRoots();
      for (const root of this.rootNodes) {
        this.builtRoots.add(root);
      }
    }
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
      this.changes.fire(node); // at once: what a command does next (reveal, select) must see the reload
      return;
    }
    this.controller.abort();
    this.controller = new AbortController();
    this.rootNodes = undefined;
    this.forget();
    this.redraws.clear();
    this.changes.fire(undefined);
  }

  /**
   * Disowns every row built so far, so none of them is accepted as a command argument any more
   * (the account changed: rows of the previous one must not be acted on).
   */
  disownRows(): void {
    this.builtRoots = new WeakSet();
    this.refresh();
  }

  /** Subclasses drop their indexes of nodes here. */
  protected forget(): void {}

  /**
   * Re-render `node` (or the whole tree). A listing's change (rows loaded or dropped) is sent at
   * once, so that a command's next step (reveal, select) sees it; a row's own change (its file
   * details arrived) is sent soon, with whatever else changed meanwhile.
   */
  changed(node?: TreeNode): void {
    if (!node || node instanceof PagedNode) {
      this.changes.fire(node);
      return;
    }
    this.redraws.add(node);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const nodes = [...this.redraws];
      this.redraws.clear();
      if (nodes.length > 0) {
        this.changes.fire(nodes);
      }
    }, REDRAW_MS);
  }

  /** Shows `label` on `nodes` while `work` runs ("Deleting…"), then puts them back as they were. */
  async withBusy<T>(nodes: readonly TreeNode[], label: string, work: () => Promise<T>): Promise<T> {
    this.setBusy(nodes, label);
    try {
      return await work();
    } finally {
      this.setBusy(nodes, undefined);
    }
  }

  /** Marks rows busy with `label`, or clears the mark with undefined. */
  setBusy(nodes: readonly TreeNode[], label: string | undefined): void {
    for (const node of nodes) {
      if (node.busy !== label) {
        node.busy = label;
        this.changed(node);
      }
    }
  }

  failed(error: unknown): void {
    this.failures.fire(error);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.controller.abort();
    this.changes.dispose();
    this.failures.dispose();
  }
}
