import * as vscode from 'vscode';
import { filterText, parseItemFilter } from '../model/itemFilter';
import type { App } from '../app';
import { pickAlbum } from './shared/pickers';
import { rowsIn } from './shared/selection';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/**
 * Filter Items… (an album's context menu, or the palette): narrows the album's rows by name and
 * by date taken (`tomato after:2024-05-01 before:2024-06-30`), over the pages loaded or, on
 * request, the whole album. The view's description shows it until it is cleared.
 */
export async function filterItemsCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const [selected] = rowsIn(app, 'albums', node, nodes);
  const album = isNode(selected, 'album') ? selected : isNode(selected, 'albumContent') ? selected.album : await pickAlbum(app, { title: t('Filter Items'), placeholder: t('Choose an album') });
  if (!album) {
    return;
  }
  const current = app.albums.itemFilter(album.albumId);
  const answer = await app.prompter.input({
    title: t('Filter Items: {0}', album.title),
    prompt: t('Show the items whose name contains this text; add after:YYYY-MM-DD or before:YYYY-MM-DD for the date taken. Leave empty to show all.'),
    placeholder: t('tomato after:2024-05-01'),
    value: current ? filterText(current) : '',
    validate: (value) => parseItemFilter(value, t).problem,
  });
  if (answer === undefined) {
    return;
  }
  const { filter } = parseItemFilter(answer, t);
  app.albums.setItemFilter(album, filter);
  if (!filter) {
    return;
  }
  await app.albumsView.reveal(album, { expand: true, select: false, focus: false });
  if (album.hasMore) {
    const loaded = album.contents().length;
    const choice = await app.prompter.pickPaged<'loaded' | 'all', never>({
      load: () => Promise.resolve({
        items: [
          { label: t('Only the {0} items loaded', loaded), value: 'loaded' },
          { label: t('The whole album'), description: t('loads every page'), value: 'all' },
        ],
        next: undefined,
      }),
    }, { title: t('Filter Items: {0}', album.title), placeholder: t('Filter which items?'), many: false });
    if (choice?.[0] === 'all') {
      await app.prompter.progress(t('Loading “{0}”…', album.title), async (reporter, signal) => {
        await album.loadAll(signal, (count) => reporter.report(t('{0} items so far', count)));
      });
    }
  }
}

/** Clear Item Filter (view title, palette). */
export async function clearItemFilterCommand(app: App): Promise<void> {
  app.albums.clearItemFilter();
  return Promise.resolve();
}
