import * as vscode from 'vscode';
import type { FileMap } from '../api/types';
import type { TreeNode } from '../tree/node';
import { isNode } from '../tree/kinds';
import { type AddTarget, type ExtraActions, offerAddSummary, runAdd } from './albumAdding';
import type { DraggedItem } from './albumDrop';
import type { CommandContext } from './context';
import { completeMove } from './moveToAlbum';

const t = vscode.l10n.t;

/**
 * Items dropped on the Albums tree: added to the manual album dropped on (or to the album of the
 * item dropped on); the summary offers Complete Move when they all came from one manual album.
 * A drop anywhere else adds nothing and says why.
 */
export async function dropOnAlbum(ctx: CommandContext, items: DraggedItem[], on: TreeNode | undefined): Promise<void> {
  const album = isNode(on, 'album') ? on : isNode(on, 'albumContent') ? on.album : undefined;
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
