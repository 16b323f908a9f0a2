import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { AlbumContentNode } from './albumNodes';
import { isNode } from './kinds';
import type { TreeNode } from './node';

/** The Albums tree's own drag-and-drop type (VS Code's `application/vnd.code.tree.<view id>`). */
export const ALBUMS_MIME = 'application/vnd.code.tree.koodrive.albums';

/**
 * A dragged item as plain data (the workbench turns a transfer's value into JSON when the drag
 * starts, and tree nodes, which point at their parents, cannot be): the file, its owner, and the
 * id of the album it was dragged from. The album's name and kind are looked up in the tree when
 * it is dropped, never taken from the payload.
 */
export interface DraggedItem {
  fileId: string;
  ownerId?: string;
  albumId: string;
}

/** What a drop brought: this window's own dragged items, or something else carrying our type. */
export type Dropped = { ours: true; items: DraggedItem[] } | { ours: false };

/**
 * Drag and drop of album items in the Albums view. Drags are tagged with a nonce made for this
 * activation, so a drop carrying the tree's MIME type from anywhere else (another extension, a
 * crafted transfer) is told apart and refused by `onDrop`; nothing in such a payload is trusted.
 */
export class AlbumDropController implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [ALBUMS_MIME];
  readonly dropMimeTypes = [ALBUMS_MIME];
  /** Made at the first drag, not at activation (the first random UUID loads crypto's generator). */
  private madeNonce: string | undefined;
  private get nonce(): string {
    this.madeNonce ??= randomUUID();
    return this.madeNonce;
  }

  /** @param onDrop what a drop does (the composition root runs it through the error boundary). */
  constructor(private readonly onDrop: (dropped: Dropped, target: TreeNode | undefined) => Promise<void>) {}

  handleDrag(source: readonly TreeNode[], dataTransfer: vscode.DataTransfer): void {
    const items: DraggedItem[] = source
      .filter((node): node is AlbumContentNode => isNode(node, 'albumContent'))
      .map((node) => ({ fileId: node.fileId, ownerId: node.ownerId, albumId: node.album.albumId }));
    if (items.length > 0) {
      dataTransfer.set(ALBUMS_MIME, new vscode.DataTransferItem({ nonce: this.nonce, items }));
    }
  }

  async handleDrop(target: TreeNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const transfer = dataTransfer.get(ALBUMS_MIME);
    if (transfer) {
      await this.onDrop(await this.read(transfer), target);
    }
  }

  /** The transfer's items when it carries this activation's nonce; anything else is not ours. */
  private async read(transfer: vscode.DataTransferItem): Promise<Dropped> {
    let value: unknown = transfer.value;
    if (typeof value !== 'object' || value === null) {
      try {
        value = JSON.parse(await transfer.asString()) as unknown;
      } catch {
        return { ours: false };
      }
    }
    const payload = value as { nonce?: unknown; items?: unknown };
    if (payload.nonce !== this.nonce || !Array.isArray(payload.items)) {
      return { ours: false };
    }
    const items = payload.items.filter((entry): entry is DraggedItem => {
      const item = entry as Partial<DraggedItem> | null;
      return typeof item?.fileId === 'string' && typeof item.albumId === 'string' && (item.ownerId === undefined || typeof item.ownerId === 'string');
    });
    return { ours: true, items };
  }
}
