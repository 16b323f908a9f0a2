import { ShareFolderQueryType } from '../api/types';
import { FolderGroupNode } from './sharedFolderNodes';
import type { TreeNode } from './node';
import { KooTreeProvider } from './provider';

/** The Shared Folders tree: Created by me, and Joined; an optional keyword filter (`keyWord`). */
export class SharedFoldersTree extends KooTreeProvider {
  private keyWord: string | undefined;
  private groups: FolderGroupNode[] = [];

  protected buildRoots(): TreeNode[] {
    this.groups = [
      new FolderGroupNode(this, ShareFolderQueryType.created, () => this.keyWord),
      new FolderGroupNode(this, ShareFolderQueryType.joined, () => this.keyWord),
    ];
    return this.groups;
  }

  protected override forget(): void {
    this.groups = [];
  }

  get filter(): string | undefined {
    return this.keyWord;
  }

  /** Sets (or clears, with undefined) the keyword and reloads both groups. */
  setFilter(keyWord: string | undefined): void {
    this.keyWord = keyWord?.trim() || undefined;
    this.refresh();
  }

  /** The "Created by me" group, where deletions happen. */
  createdGroup(): FolderGroupNode | undefined {
    return this.groups.find((group) => group.created);
  }

  /** Reloads the branch that holds a folder (after a deletion, or a refusal). */
  refreshCreated(): void {
    const group = this.createdGroup();
    if (group) {
      this.refresh(group);
    } else {
      this.refresh();
    }
  }
}
