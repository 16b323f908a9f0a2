import * as assert from 'node:assert/strict';
import type { AlbumContent, FileDetails } from '../../../src/api/types';
import { parseItemFilter } from '../../../src/model/itemFilter';
import { formatEnglish as t } from '../../../src/model/localize';
import { FilterRun } from '../../../src/tree/filterRun';

/** An album of `count` items; item i is named `IMG_i.jpg` (or `VID_i.mp4` every tenth), taken on day i of 2024. */
function album(count: number, names: 'listing' | 'details') {
  const items: AlbumContent[] = Array.from({ length: count }, (_, i) => ({
    id: `F${i}`,
    takeTime: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
    ...(names === 'listing' ? { fileName: i % 10 === 0 ? `VID_${i}.mp4` : `IMG_${i}.jpg` } : {}),
  }));
  const lookups: string[] = [];
  const sources = {
    async *pages(): AsyncIterable<AlbumContent[]> {
      for (let start = 0; start < items.length; start += 100) {
        yield items.slice(start, start + 100);
        await Promise.resolve();
      }
    },
    details: (item: AlbumContent): Promise<FileDetails> => {
      lookups.push(item.id);
      const i = Number(item.id.slice(1));
      return Promise.resolve({ id: item.id, fileName: i % 10 === 0 ? `VID_${i}.mp4` : `IMG_${i}.jpg` });
    },
  };
  return { sources, lookups };
}

const filter = (text: string) => {
  const parsed = parseItemFilter(text, t).filter;
  assert.ok(parsed);
  return parsed;
};
const never = new AbortController().signal;

describe('tree/filterRun: a filter over a whole album', () => {
  it('reads every page, then looks up only the names the listing lacks, and finds the matches in order', async () => {
    const { sources, lookups } = album(1000, 'details');
    const run = new FilterRun(filter('vid_'), sources);
    await run.read(never);
    assert.deepEqual(run.progress, { phase: 'ready', items: 1000, lookups: 1000, looked: 0, matches: 0 });
    await run.lookUp(never);
    assert.equal(run.progress.phase, 'done');
    assert.equal(run.progress.matches, 100);
    assert.equal(lookups.length, 1000);
    const first = run.matches(0, 3);
    assert.deepEqual(first.items.map((match) => match.content.id), ['F0', 'F10', 'F20']);
    assert.equal(first.more, true);
    assert.equal(first.items[1].details?.fileName, 'VID_10.mp4', 'a match keeps its name for its row');
    assert.deepEqual(run.matches(99, 3).items.map((match) => match.content.id), ['F990']);
  });

  it('needs no lookup for a filter by date alone: the listing has the dates', async () => {
    const { sources, lookups } = album(500, 'details');
    const run = new FilterRun(filter('after:2024-02-01 before:2024-02-10'), sources);
    await run.read(never);
    assert.equal(run.progress.lookups, 0);
    assert.equal(run.progress.matches, 10);
    assert.deepEqual(lookups, []);
  });

  it('uses the names the listing gives as they are', async () => {
    const { sources, lookups } = album(300, 'listing');
    const run = new FilterRun(filter('vid_'), sources);
    await run.read(never);
    assert.equal(run.progress.lookups, 0);
    assert.equal(run.progress.matches, 30);
    assert.deepEqual(lookups, []);
  });

  it('stops looking up when cancelled, keeping the matches found', async () => {
    const { sources } = album(2000, 'details');
    const controller = new AbortController();
    let seen = 0;
    const run = new FilterRun(filter('img'), {
      ...sources,
      details: (item, signal) => {
        seen += 1;
        if (seen === 300) {
          controller.abort();
        }
        return signal.aborted ? Promise.reject(new Error('cancelled')) : sources.details(item);
      },
    });
    await run.read(never);
    await run.lookUp(controller.signal);
    assert.equal(run.progress.phase, 'stopped');
    assert.ok(run.progress.looked < 2000);
    assert.ok(run.progress.matches > 0);
  });

  it('counts nothing twice when read again (after signing in again)', async () => {
    const { sources } = album(250, 'listing');
    const run = new FilterRun(filter('vid_'), sources);
    await run.read(never);
    await run.read(never);
    assert.deepEqual(run.progress, { phase: 'done', items: 250, lookups: 0, looked: 0, matches: 25 });
  });
});
