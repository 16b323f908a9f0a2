import * as vscode from 'vscode';
import type { AlbumContentNode } from '../tree/albumNodes';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { loadHandlers } from './lazy';
import { guard } from './runCommand';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/** The Albums tree's own drag-and-drop type (VS Code's `application/vnd.code.tree.<view id>`). */
export const ALBUMS_MIME = 'application/vnd.code.tree.koodrive.albums';

/**
 * A dragged item as plain data: the workbench turns a transfer's value into JSON when the drag
 * starts, and tree nodes (which point at their parents and children) cannot be.
 */
export interface DraggedItem {
  fileId: string;
  ownerId?: string;
  albumId: string;
  albumName: string;
  manual: boolean;
}

/**
 * Dragging album items onto a manual album (or onto one of its items) adds them there; the
 * summary then offers Complete Move, which removes from the album they came from what reached
 * the target (only when that album is a manual one: dragging from a collection album only adds).
 * A drop anywhere else does nothing and says why. The drop runs through the error boundary.
 */
export class AlbumDropController implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [ALBUMS_MIME];
  readonly dropMimeTypes = [ALBUMS_MIME];

  /** @param context the command context (built after the tree view that needs this controller). */
  constructor(private readonly context: () => CommandContext) {}

  handleDrag(source: readonly TreeNode[], dataTransfer: vscode.DataTransfer): void {
    const items: DraggedItem[] = source
      .filter((node): node is AlbumContentNode => isNode(node, 'albumContent'))
      .map((node) => ({ fileId: node.fileId, ownerId: node.ownerId, albumId: node.album.albumId, albumName: node.album.title, manual: node.album.manual }));
    if (items.length > 0) {
      dataTransfer.set(ALBUMS_MIME, new vscode.DataTransferItem(items));
    }
  }

  async handleDrop(target: TreeNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const ctx = this.context();
    const items = await draggedItems(dataTransfer.get(ALBUMS_MIME));
    ctx.log.info(`Drop of ${items.length} album item(s) on ${target?.apiId() ?? 'a row without an id'}`);
    if (items.length > 0) {
      // The adding itself lives with the other handlers, loaded on first use.
      await guard(ctx, t('Add to Album'), async () => (await loadHandlers()).dropOnAlbum(ctx, items, target));
    }
  }
}

/** The dragged items: the value kept within this window, else read back from the transfer's JSON. */
async function draggedItems(item: vscode.DataTransferItem | undefined): Promise<DraggedItem[]> {
  let value: unknown = item?.value;
  if (!Array.isArray(value) && item) {
    try {
      value = JSON.parse(await item.asString()) as unknown;
    } catch {
      value = undefined; // not ours (another tree's handles): nothing to add
    }
  }
  return Array.isArray(value) ? value.filter((entry): entry is DraggedItem => typeof (entry as DraggedItem | undefined)?.fileId === 'string' && typeof (entry as DraggedItem).albumId === 'string') : [];
}
