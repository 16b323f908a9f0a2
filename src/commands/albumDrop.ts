import * as vscode from 'vscode';
import type { FileMap } from '../api/types';
import { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import type { TreeNode } from '../tree/node';
import { type AddTarget, type ExtraActions, offerAddSummary, runAdd } from './albumAdding';
import type { CommandContext } from './context';
import { completeMove } from './moveToAlbum';
import { guard } from './runCommand';

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
      .filter((node): node is AlbumContentNode => node instanceof AlbumContentNode)
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
      await guard(ctx, t('Add to Album'), () => drop(ctx, items, target));
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

async function drop(ctx: CommandContext, items: DraggedItem[], on: TreeNode | undefined): Promise<void> {
  const album = on instanceof AlbumNode ? on : on instanceof AlbumContentNode ? on.album : undefined;
  if (!album) {
    void ctx.prompter.notify('info', t('Drop items on a manual album, or on one of its items, to add them to it.'));
    return;
  }
  if (!album.manual) {
    void ctx.prompter.notify('info', t('“{0}” is a collection album: it fills itself from its folders, so nothing can be added to it by hand. Drop the items on a manual album.', album.title));
    return;
  }
  const moving = items.filter((item) => item.albumId !== album.albumId);
  if (moving.length === 0) {
    void ctx.prompter.notify('info', t('These items are already in “{0}”.', album.title));
    return;
  }
  const target: AddTarget = { albumId: album.albumId, albumName: album.title };
  const files = [...new Map(moving.map((item): [string, FileMap] => [item.fileId, item.ownerId ? { fileId: item.fileId, ownerId: item.ownerId } : { fileId: item.fileId }])).values()];
  const outcome = await runAdd(ctx, target, files);
  const sources = [...new Map(moving.map((item) => [item.albumId, item])).values()];
  const source = sources.length === 1 && sources[0].manual ? { albumId: sources[0].albumId, albumName: sources[0].albumName } : undefined;
  const completeMoveOf: ExtraActions = (sofar) => (source && sofar.added.length + sofar.alreadyThere.length > 0
    ? { [t('Complete Move')]: async () => void (await completeMove(ctx, source, target, files, sofar)) }
    : {});
  offerAddSummary(ctx, target, files, outcome, completeMoveOf);
}
