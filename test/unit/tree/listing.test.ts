import * as assert from 'node:assert/strict';
import { Listing, MAX_PAGES, type RowPage } from '../../../src/tree/listing';

interface Row {
  id: string;
}

/** A listing over `pages`, answering page `cursor` (a number) with its rows; records what it asked. */
function listingOf(pages: RowPage<Row, number>[], events: { failed?: (error: unknown) => void; added?: (rows: Row[]) => void } = {}) {
  const asked: (number | undefined)[] = [];
  const listing = new Listing<Row>((cursor, _pageSize) => {
    asked.push(cursor as number | undefined);
    const page = pages[(cursor as number | undefined) ?? 0];
    return page ? Promise.resolve(page) : Promise.reject(new Error(`no page ${String(cursor)}`));
  }, (row) => row.id, events);
  return { listing, asked };
}

const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));
const size = (): number => 2;
const never = new AbortController().signal;

describe('tree/listing: the paging core of every tree listing', () => {
  it('loads a page at a time until the server says there is no next', async () => {
    const { listing } = listingOf([{ rows: rows('a', 'b'), next: 1 }, { rows: rows('c') }]);
    assert.equal(listing.started, false);
    await listing.loadNext(size, never);
    assert.deepEqual(listing.rows.map((row) => row.id), ['a', 'b']);
    assert.equal(listing.hasMore, true);
    await listing.loadNext(size, never);
    assert.deepEqual(listing.rows.map((row) => row.id), ['a', 'b', 'c']);
    assert.equal(listing.hasMore, false);
  });

  it('loads one page however many callers ask at once', async () => {
    const { listing, asked } = listingOf([{ rows: rows('a'), next: 1 }, { rows: rows('b') }]);
    await Promise.all([listing.loadNext(size, never), listing.loadNext(size, never), listing.loadNext(size, never)]);
    assert.deepEqual(asked, [undefined]);
  });

  it('shows a row listed twice only once (a server repeating it, or offset paging shifting between pages)', async () => {
    const added: string[][] = [];
    const { listing } = listingOf([{ rows: rows('a', 'b'), next: 1 }, { rows: rows('b', 'c', 'c') }], { added: (page) => added.push(page.map((row) => row.id)) });
    await listing.loadAll(size, never);
    assert.deepEqual(listing.rows.map((row) => row.id), ['a', 'b', 'c']);
    assert.deepEqual(added, [['a', 'b'], ['c']], 'only new rows are announced');
  });

  it('stops at a page cursor the server sent before, with an error, instead of paging for ever', async () => {
    const { listing, asked } = listingOf([{ rows: rows('a'), next: 1 }, { rows: rows('b'), next: 1 }]);
    await assert.rejects(listing.loadAll(size, never), /cursor it had sent before/);
    assert.deepEqual(asked, [undefined, 1]);
    assert.equal(listing.hasMore, false);
  });

  it('stops after the client’s page cap (D11)', async () => {
    let pages = 0;
    const listing = new Listing<Row>(() => {
      pages += 1;
      return Promise.resolve({ rows: [{ id: `r${pages}` }], next: { page: pages } }); // a fresh cursor object every time
    }, (row) => row.id);
    await assert.rejects(listing.loadAll(size, never), /kept sending pages/);
    assert.equal(pages, MAX_PAGES);
  });

  it('keeps a failure as its error (the tree shows it as a row) and tells the tree once', async () => {
    const failures: unknown[] = [];
    const { listing } = listingOf([{ rows: rows('a'), next: 5 }], { failed: (error) => failures.push(error) });
    await listing.loadNext(size, never);
    await listing.loadNext(size, never);
    assert.match(String(listing.error), /no page 5/);
    assert.equal(failures.length, 1);
    assert.deepEqual(listing.rows.map((row) => row.id), ['a']);
  });

  it('makes a setting it cannot read the listing’s failure, not a thrown exception', async () => {
    const { listing } = listingOf([{ rows: rows('a') }]);
    await listing.loadNext(() => {
      throw new Error('koodrive.pageSize must be 1 to 100');
    }, never);
    assert.match(String(listing.error), /pageSize/);
  });

  it('ignores a page that arrives after a reset, and starts again from the first page', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const listing = new Listing<Row>(async () => {
      await gate;
      return { rows: rows('stale') };
    }, (row) => row.id);
    const late = listing.loadNext(size, never);
    listing.reset();
    release();
    await late;
    assert.deepEqual(listing.rows, []);
    assert.equal(listing.started, false);
  });

  it('drops removed rows without reloading, and shows them again when the server lists them again', async () => {
    const { listing, asked } = listingOf([{ rows: rows('a', 'b'), next: 1 }, { rows: rows('a', 'c') }]);
    await listing.loadNext(size, never);
    assert.equal(listing.remove((row) => row.id === 'a'), 1);
    assert.deepEqual(listing.rows.map((row) => row.id), ['b']);
    await listing.loadNext(size, never);
    assert.deepEqual(listing.rows.map((row) => row.id), ['b', 'a', 'c']);
    assert.deepEqual(asked, [undefined, 1]);
  });

  it('stops a walk that is cancelled, with a cancellation', async () => {
    const { listing } = listingOf([{ rows: rows('a'), next: 1 }, { rows: rows('b') }]);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(listing.loadAll(size, controller.signal), { name: 'Canceled' });
  });

  describe('windows of a long listing', () => {
    /** A listing of `total` rows, `cursor` being the index of a page's first row. */
    function long(total: number, windowRows: number) {
      const asked: { cursor: number; size: number }[] = [];
      const listing = new Listing<Row>((cursor, size) => {
        const from = (cursor as number | undefined) ?? 0;
        asked.push({ cursor: from, size });
        const page = Array.from({ length: Math.min(size, total - from) }, (_, i) => ({ id: `r${from + i}` }));
        return Promise.resolve({ rows: page, next: from + page.length < total ? from + page.length : undefined });
      }, (row) => row.id, {}, windowRows);
      return { listing, asked };
    }
    const ten = (): number => 10;

    it('holds at most a window of rows, then says it is full instead of loading more', async () => {
      const { listing, asked } = long(100, 25);
      await listing.loadAll(ten, never);
      assert.equal(listing.rows.length, 25);
      assert.equal(listing.full, true);
      assert.deepEqual(asked.map((page) => page.size), [10, 10, 5], 'the last page asks only for the room left');
      await listing.loadNext(ten, never);
      assert.equal(asked.length, 3, 'a full window loads nothing more');
    });

    it('shows the next window where the last one ended, and the one before it again', async () => {
      const { listing } = long(100, 25);
      await listing.loadAll(ten, never);
      listing.nextWindow();
      assert.equal(listing.rows.length, 0);
      await listing.loadNext(ten, never);
      assert.equal(listing.windowIndex, 1);
      assert.equal(listing.rows[0].id, 'r25');
      listing.previousWindow();
      await listing.loadNext(ten, never);
      assert.equal(listing.windowIndex, 0);
      assert.equal(listing.rows[0].id, 'r0');
    });

    it('is not full at the end of the listing, and goes no further', async () => {
      const { listing } = long(30, 25);
      await listing.loadAll(ten, never);
      listing.nextWindow();
      await listing.loadAll(ten, never);
      assert.deepEqual(listing.rows.map((row) => row.id), ['r25', 'r26', 'r27', 'r28', 'r29']);
      assert.equal(listing.full, false);
      assert.equal(listing.hasMore, false);
    });
  });
});
