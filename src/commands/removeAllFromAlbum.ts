import * as vscode from 'vscode';
import { albumContentPages } from '../api/paging';
import { type AlbumContent, Limits } from '../api/types';
import { removeConfirmation } from '../model/removalText';
import { runRemoval } from './common/removal';
import type { App } from '../app';
import { pickManualAlbum } from './common/pickers';
import { selectedOf } from './common/selection';

const t = vscode.l10n.t;

/**
 * Remove All from Album… (a manual album's context menu, or the palette): pages through the whole
 * album with cancellable progress, asks once with the exact count, then removes in chunks like
 * any removal (the original files stay). Ids are read straight from the listing: the tree does not
 * need a row, nor file details, for each of thousands of items.
 */
export async function removeAllFromAlbumCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const [clicked] = selectedOf(app, 'albums', 'album', node, nodes);
  if (clicked && !clicked.manual) {
    void app.prompter.notify('warning', t('“{0}” is a collection album; only manual albums let you remove items.', clicked.title));
    return;
  }
  const album = clicked ?? (await pickManualAlbum(app, { title: t('Remove All from Album'), placeholder: t('Choose a manual album') }));
  if (!album) {
    return;
  }
  const items = await app.prompter.progress(t('Counting the items of “{0}”…', album.title), async (reporter, signal) => {
    const all: AlbumContent[] = [];
    await app.recovery.call(async () => {
      all.length = 0;
      for await (const page of albumContentPages(app.client, album.albumId, { pageSize: Limits.albumContentPageSizeMax }, { signal })) {
        all.push(...page);
        reporter.report(t('{0} items so far', all.length));
      }
    });
    return all;
  });
  if (items.length === 0) {
    void app.prompter.notify('info', t('“{0}” is already empty.', album.title));
    return;
  }
  const wording = removeConfirmation(items.length, album.title, t);
  const message = items.length === 1 ? wording.message : t('Remove all {0} items from the album “{1}”?', items.length, album.title);
  if (!(await app.prompter.confirm({ message, detail: wording.detail, button: t('Remove All') }))) {
    return;
  }
  await runRemoval(app, { albumId: album.albumId, albumName: album.title, items });
}
