import * as vscode from 'vscode';
import { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import type { TreeNode } from '../tree/node';
import { type AddTarget, type ExtraActions, offerAddSummary, runAdd } from './albumAdding';
import { fileMaps } from './addToAlbum';
import type { CommandContext } from './context';
import { completeMove } from './moveToAlbum';
import { guard } from './runCommand';

const t = vscode.l10n.t;

/** The Albums tree's own drag-and-drop type (VS Code's `application/vnd.code.tree.<view id>`). */
export const ALBUMS_MIME = 'application/vnd.code.tree.koodrive.albums';

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
    const items = source.filter((node): node is AlbumContentNode => node instanceof AlbumContentNode);
    if (items.length > 0) {
      // Kept as objects: VS Code preserves DataTransferItems dropped within the same tree.
      dataTransfer.set(ALBUMS_MIME, new vscode.DataTransferItem(items));
    }
  }

  async handleDrop(target: TreeNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const value: unknown = dataTransfer.get(ALBUMS_MIME)?.value;
    const items = Array.isArray(value) ? value.filter((node): node is AlbumContentNode => node instanceof AlbumContentNode) : [];
    if (items.length > 0) {
      const ctx = this.context();
      await guard(ctx, t('Add to Album'), () => drop(ctx, items, target));
    }
  }
}

async function drop(ctx: CommandContext, items: AlbumContentNode[], on: TreeNode | undefined): Promise<void> {
  const album = on instanceof AlbumNode ? on : on instanceof AlbumContentNode ? on.album : undefined;
  if (!album) {
    void ctx.prompter.notify('info', t('Drop items on a manual album, or on one of its items, to add them to it.'));
    return;
  }
  if (!album.manual) {
    void ctx.prompter.notify('info', t('“{0}” is a collection album: it fills itself from its folders, so nothing can be added to it by hand. Drop the items on a manual album.', album.title));
    return;
  }
  const moving = items.filter((item) => item.album.albumId !== album.albumId);
  if (moving.length === 0) {
    void ctx.prompter.notify('info', t('These items are already in “{0}”.', album.title));
    return;
  }
  const target: AddTarget = { albumId: album.albumId, albumName: album.title };
  const files = fileMaps(moving);
  const outcome = await runAdd(ctx, target, files);
  const sources = [...new Map(moving.map((item) => [item.album.albumId, item.album])).values()];
  const source = sources.length === 1 && sources[0].manual ? sources[0] : undefined;
  const completeMoveOf: ExtraActions = (sofar) => (source && sofar.added.length + sofar.alreadyThere.length > 0
    ? { [t('Complete Move')]: async () => void (await completeMove(ctx, { albumId: source.albumId, albumName: source.title }, target, files, sofar)) }
    : {});
  offerAddSummary(ctx, target, files, outcome, completeMoveOf);
}
