import * as vscode from 'vscode';
import { ShareFolderQueryType } from '../api/types';
import { InvitationsNode } from './invitationNodes';
import type { TreeNode } from './node';
import { KooTreeProvider } from './provider';
import { type FoldersHost, FolderGroupNode } from './sharedFolderNodes';

/**
 * The Shared Folders tree: the user's pending invitations (only when there are any), Created by
 * me, and Joined; an optional keyword filter (`keyWord`).
 * The filter lives here only: the view's description and the context key are derived from
 * {@link onDidChangeFilter}.
 */
export class SharedFoldersTree extends KooTreeProvider implements FoldersHost {
  private filterWord: string | undefined;
  private groups: FolderGroupNode[] = [];
  private pending: InvitationsNode | undefined;
  private readonly filterChanges = new vscode.EventEmitter<string | undefined>();
  /** Fires with the new keyword (undefined when cleared). */
  readonly onDidChangeFilter = this.filterChanges.event;
  private readonly pendingChanges = new vscode.EventEmitter<number>();
  /** Fires with the number of invitations waiting for the user, whenever it is (re)read; 0 on refresh. */
  readonly onDidChangePendingInvitations = this.pendingChanges.event;

  protected buildRoots(): TreeNode[] {
    this.pending = InvitationsNode.toMe(this);
    this.groups = [new FolderGroupNode(this, ShareFolderQueryType.created), new FolderGroupNode(this, ShareFolderQueryType.joined)];
    return [this.pending, ...this.groups];
  }

  /** One InviteConfrimList per tree load decides whether "Invitations to you" is shown. */
  protected override async shownRoots(roots: TreeNode[]): Promise<TreeNode[]> {
    const pending = this.pending;
    if (!pending) {
      return roots;
    }
    await pending.children();
    return pending.invitations().length > 0 || pending.loadError !== undefined ? roots : roots.filter((root) => root !== pending);
  }

  protected override forget(): void {
    this.groups = [];
    this.pending = undefined;
    this.pendingChanges.fire(0);
  }

  pendingInvitations(count: number): void {
    this.pendingChanges.fire(count);
  }

  /** "Invitations to you" (loaded or not; building the roots if needed), for pickers. */
  pendingGroup(): InvitationsNode {
    if (!this.pending) {
      this.roots();
    }
    if (!this.pending) {
      throw new Error('the Shared Folders tree has no invitations group');
    }
    return this.pending;
  }

  keyWord(): string | undefined {
    return this.filterWord;
  }

  /** Sets (or clears, with undefined) the keyword and reloads both groups. */
  setFilter(keyWord: string | undefined): void {
    this.filterWord = keyWord?.trim() || undefined;
    this.filterChanges.fire(this.filterWord);
    this.refresh();
  }

  /** The "Created by me" group, where folders are created and deleted (building the roots if needed). */
  createdGroup(): FolderGroupNode {
    return this.group(true);
  }

  /** The "Joined" group (building the roots if needed). */
  joinedGroup(): FolderGroupNode {
    return this.group(false);
  }

  private group(created: boolean): FolderGroupNode {
    if (this.groups.length === 0) {
      this.roots();
    }
    const found = this.groups.find((group) => group.created === created);
    if (!found) {
      throw new Error('the Shared Folders tree has no such group');
    }
    return found;
  }

  /** Reloads the branch that holds the user's own folders (after a create, rename or delete). */
  refreshCreated(): void {
    this.refresh(this.createdGroup());
  }

  /** Reloads the branch of folders the user joined (after accepting an invitation or leaving). */
  refreshJoined(): void {
    this.refresh(this.joinedGroup());
  }

  override dispose(): void {
    super.dispose();
    this.filterChanges.dispose();
    this.pendingChanges.dispose();
  }
}
