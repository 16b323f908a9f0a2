import type { App } from '../app';
import { albumContentPages } from '../api/paging';
import { Limits } from '../api/types';
import { aboutDuration, filterText, type ItemFilter, parseItemFilter } from '../model/itemFilter';
import { text } from '../model/present';
import type { AlbumNode } from '../tree/albumNodes';
import type { FilterProgress } from '../tree/filterRun';
import { isNode } from '../tree/kinds';
import { pickAlbum, pickOne } from './common/pickers';
import { rowsIn } from './common/selection';

/** Lookups above which a whole-album filter asks before starting them. */
export const LOOKUPS_WITHOUT_ASKING = 2000;

/** How often a long filter's progress notification is updated, at most. */
const REPORT_MS = 250;

/**
 * Filter Items… (an album's context menu, or the palette): narrows the album's rows by name and
 * by date taken (`tomato after:2024-05-01 before:2024-06-30`), over the rows loaded or, on
 * request, the whole album (every page read, names looked up as bulk work, with progress and
 * Cancel). The view's description shows it until it is cleared.
 */
export async function filterItemsCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
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
  if (album.complete) {
    return; // every row is loaded: the filter over them is the filter over the album
  }
  const loaded = album.contents().length;
  const choice = await pickOne(app, [
    { label: t('Only the {0} items loaded', loaded), value: 'loaded' as const },
    { label: t('The whole album'), description: t('reads every page'), value: 'all' as const },
  ], { title: t('Filter Items: {0}', album.title), placeholder: t('Filter which items?') });
  if (choice === 'all') {
    await filterWholeAlbum(app, album, filter);
  }
}

/**
 * Reads every page of the album (progress, Cancel), asks before more than
 * {@link LOOKUPS_WITHOUT_ASKING} name lookups, then looks them up as bulk work while the album
 * shows the matches found so far. Cancel stops both; the matches found stay shown.
 */
async function filterWholeAlbum(app: App, album: AlbumNode, filter: ItemFilter): Promise<void> {
  const { t } = app;
  const run = app.albums.filterWholeAlbum(album, filter, {
    pages: (signal) => albumContentPages(app.client, album.albumId, { pageSize: Limits.albumContentPageSizeMax, ...app.albums.contentSort() }, { signal }),
    details: (item, signal) => app.itemDetails.details(item.id, text(item.ownerId), signal, 'bulk'),
  });
  const title = t('Filtering “{0}”', album.title);
  const read = await app.prompter.progress(title, async (reporter, signal) => {
    const say = (progress: FilterProgress): void => reporter.report(t('{0} items read', progress.items.toLocaleString()));
    const walk = setInterval(() => say(run.progress), REPORT_MS);
    try {
      await app.recovery.call(() => run.read(signal));
      say(run.progress); // the count reached, however fast the pages came
      return !signal.aborted;
    } finally {
      clearInterval(walk);
    }
  }).catch((error: unknown) => {
    run.stop();
    album.redrawSoon();
    throw error;
  });
  const { lookups, items } = run.progress;
  if (!read || lookups === 0) {
    return;
  }
  if (lookups > LOOKUPS_WITHOUT_ASKING) {
    const estimate = aboutDuration((lookups * (app.itemDetails.typicalLookupMs || 100)) / 8, t);
    const go = await pickOne(app, [
      { label: t('Look up all {0} names', lookups.toLocaleString()), description: estimate, value: true },
      { label: t('Filter the {0} items loaded only', album.contents().length.toLocaleString()), value: false },
    ], { title, placeholder: t('{0} of the {1} items need their names looked up, one file at a time ({2}).', lookups.toLocaleString(), items.toLocaleString(), estimate) });
    if (!go) {
      app.albums.setItemFilter(album, filter); // the loaded rows only
      return;
    }
  }
  await app.prompter.progress(title, async (reporter, signal) => {
    const report = throttled((progress: FilterProgress) => reporter.report(t('{0} of {1} names looked up · {2} matches', progress.looked.toLocaleString(), progress.lookups.toLocaleString(), progress.matches.toLocaleString())));
    report(run.progress);
    await run.lookUp(signal, report);
  });
  app.log.info(`Filtered album ${album.albumId} over ${items} items: ${run.progress.matches} matches (${run.progress.phase})`);
}

/** `report`, called at most every {@link REPORT_MS} (a progress notification is not a log). */
function throttled<T>(report: (value: T) => void): (value: T) => void {
  let last = 0;
  return (value) => {
    const now = Date.now();
    if (now - last >= REPORT_MS) {
      last = now;
      report(value);
    }
  };
}

/** Clear Item Filter (view title, palette): the album shows its own rows again. */
export async function clearItemFilterCommand(app: App): Promise<void> {
  app.albums.clearItemFilter();
  return Promise.resolve();
}
