import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { addAlbumContentInBatches, type BatchProgress, type BatchResult, removeAlbumContentInBatches } from '../../../src/api/batch';
import type { KooDriveClient } from '../../../src/api/client';
import { KooDriveError } from '../../../src/api/errors';
import { AlbumKind, AlbumType, type FileMap } from '../../../src/api/types';
import { type Harness, SeedIds, useEmulator } from './helpers';

/** Every item of an album, by cursor. */
async function items(client: KooDriveClient, albumId: string): Promise<{ id: string; ownerId?: string }[]> {
  const out: { id: string; ownerId?: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listAlbumContent(albumId, { pageSize: 100, pageCursor: cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The DELETE requests' id counts, in order. */
async function deleteSizes(h: Harness): Promise<number[]> {
  return (await h.requests()).filter((request) => request.method === 'DELETE').map((request) => (request.body as { ids: string[] }).ids.length);
}

/** Asserts every id is in exactly one of done, failed and notAttempted. */
function assertPartition(result: BatchResult, ids: string[]): void {
  const all = [...result.done, ...result.failed.flatMap((failure) => failure.ids), ...result.notAttempted];
  assert.equal(all.length, new Set(all).size, 'an id is reported twice');
  assert.deepEqual([...all].sort(), [...new Set(ids)].sort());
}

/** A fake client that records chunk sizes and the most requests in flight at once. */
function recordingClient(delayMs = 5, fail?: (chunk: string[]) => Error | undefined): { client: KooDriveClient; sizes: number[]; maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  const sizes: number[] = [];
  const client = {
    removeAlbumContent: async (_albumId: string, ids: string[]) => {
      sizes.push(ids.length);
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      inFlight--;
      const problem = fail?.(ids);
      if (problem) {
        throw problem;
      }
    },
  } as unknown as KooDriveClient;
  return { client, sizes, maxInFlight: () => max };
}

describe('api/batch (D10)', () => {
  describe('over the emulator, with a 2,500-item album', () => {
    const h = useEmulator({ albumItems: 2_500 });
    let large = '';
    let ids: string[] = [];
    beforeEach(async () => {
      const { albums } = await h.client().listAlbums({ albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageSize: 100 });
      large = albums.find((album) => album.name === 'Large album')?.id ?? '';
      ids = (await items(h.client(), large)).map((item) => item.id);
      assert.equal(ids.length, 2_500);
      await h.emulator.control.clearRequests();
    });

    it('removes 2,500 ids with exactly 3 requests of at most 1000', async () => {
      const progress: BatchProgress[] = [];
      const result = await removeAlbumContentInBatches(h.client(), large, ids, { onProgress: (p) => progress.push(p) });
      assert.deepEqual(result.done, ids);
      assert.deepEqual([result.failed, result.notAttempted], [[], []]);
      assert.deepEqual((await deleteSizes(h)).sort(), [1_000, 1_000, 500].sort());
      assert.equal(progress.length, 3);
      assert.deepEqual(progress[2], { done: 2_500, failed: 0, total: 2_500 });
      assert.deepEqual(await items(h.client(), large), []);
    });

    it('sends 2,500 ids mixed with duplicates and empty ids as 3 requests, each id once', async () => {
      const messy = [...ids, '', ...ids.slice(0, 700).reverse(), '   ', ids[42], ''];
      const result = await removeAlbumContentInBatches(h.client(), large, messy);
      assert.deepEqual(result.done, ids);
      const bodies = (await h.requests()).map((request) => (request.body as { ids: string[] }).ids);
      assert.equal(bodies.length, 3);
      assert.ok(bodies.every((body) => body.length >= 1 && body.length <= 1_000));
      const sent = bodies.flat();
      assert.equal(sent.length, 2_500);
      assert.deepEqual([...sent].sort(), [...ids].sort());
      assert.deepEqual(await items(h.client(), large), []);
    });

    it('never has more requests in flight than `concurrency`, and does use that many', async () => {
      const delayMs = 30;
      for (const concurrency of [1, 2, 3]) {
        await h.emulator.control.clearRequests();
        await h.emulator.control.addFault({ method: 'DELETE', times: 8, fault: { type: 'delay', ms: delayMs } });
        const spans: { start: number; end: number }[] = [];
        const client = h.client(h.owner, {
          onRequest: (entry) => {
            const end = performance.now();
            // entry.ms is rounded: shrink each span by 1 ms so back-to-back requests do not touch.
            spans.push({ start: end - entry.ms + 1, end });
          },
        });
        const result = await removeAlbumContentInBatches(client, large, ids.slice(0, 400), { chunkSize: 50, concurrency });
        assert.equal(result.done.length, 400);
        // Client side: the most attempts overlapping at any instant.
        const most = Math.max(...spans.map((span) => spans.filter((other) => other.start <= span.start && span.start < other.end).length));
        assert.equal(most, concurrency, `concurrency ${concurrency}`);
        // Server side: with at most c in flight, any c + 1 consecutive arrivals include two from
        // the same worker, which sends its next request only after the previous one's delay.
        const arrivals = (await h.requests()).map((request) => Date.parse(request.at)).sort((a, b) => a - b);
        assert.equal(arrivals.length, 8);
        for (let i = 0; i + concurrency < arrivals.length; i++) {
          assert.ok(arrivals[i + concurrency] - arrivals[i] >= delayMs - 2, `concurrency ${concurrency}: arrivals ${arrivals.map((at) => at - arrivals[0]).join(',')}`);
        }
      }
    });

    it('stops starting chunks when cancelled; the rest stay in the album', async () => {
      const controller = new AbortController();
      const result = await removeAlbumContentInBatches(h.client(), large, ids, { chunkSize: 500, concurrency: 1, signal: controller.signal, onProgress: () => controller.abort() });
      assert.deepEqual(result.done, ids.slice(0, 500));
      assert.deepEqual(result.failed, []);
      assert.deepEqual(result.notAttempted, ids.slice(500));
      assert.deepEqual(await deleteSizes(h), [500]);
      assertPartition(result, ids);
      assert.deepEqual((await items(h.client(), large)).map((item) => item.id).sort(), ids.slice(500).sort());
    });

    it('lets chunks already in flight finish when cancelled, and reports them truly', async () => {
      const controller = new AbortController();
      const result = await removeAlbumContentInBatches(h.client(), large, ids, { chunkSize: 500, concurrency: 2, signal: controller.signal, onProgress: () => controller.abort() });
      assert.equal(result.done.length, 1_000);
      assert.equal(result.notAttempted.length, 1_500);
      assertPartition(result, ids);
      const left = (await items(h.client(), large)).map((item) => item.id);
      assert.deepEqual(left.sort(), [...result.notAttempted].sort());
    });

    it('reaches a chunk waiting out Retry-After: it is not sent again, and is reported not attempted', async () => {
      const controller = new AbortController();
      const client = h.client(h.owner, {
        // Lasts until aborted; without the signal it would end after 300 ms and the chunk would be sent again.
        sleep: (_ms, signal) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(resolve, 300);
            signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(new Error('aborted'));
            });
          }),
        onRequest: (entry) => entry.outcome === 'retry' && controller.abort(),
      });
      await h.emulator.control.addFault({ method: 'DELETE', fault: { type: 'status', status: 429, headers: { 'Retry-After': '3' } } });
      const result = await removeAlbumContentInBatches(client, large, ids, { chunkSize: 500, concurrency: 1, signal: controller.signal });
      assert.deepEqual([result.done, result.failed], [[], []]);
      assert.deepEqual(result.notAttempted, ids);
      assert.deepEqual(await deleteSizes(h), [500]);
      assert.equal((await items(h.client(), large)).length, 2_500);
    });

    it('sends nothing when the signal is already aborted', async () => {
      const result = await removeAlbumContentInBatches(h.client(), large, ids, { signal: AbortSignal.abort() });
      assert.deepEqual([result.done, result.failed, result.notAttempted.length], [[], [], 2_500]);
      assert.deepEqual(await deleteSizes(h), []);
    });

    it('stops new chunks after a 401, so the caller can sign in and resume exactly what is left', async () => {
      let asked = 0;
      const expiring = h.client(h.owner, { getToken: () => Promise.resolve(asked++ === 0 ? h.owner.token : 'expired-token') });
      const result = await removeAlbumContentInBatches(expiring, large, ids, { chunkSize: 500, concurrency: 1 });
      assert.deepEqual(result.done, ids.slice(0, 500));
      assert.equal(result.failed.length, 1);
      assert.equal(result.failed[0].error.kind, 'sessionExpired');
      assert.deepEqual(result.failed[0].ids, ids.slice(500, 1_000));
      assert.deepEqual(result.notAttempted, ids.slice(1_000));
      assertPartition(result, ids);
      assert.deepEqual(await deleteSizes(h), [500, 500]);

      const rest = [...result.failed.flatMap((failure) => failure.ids), ...result.notAttempted];
      const resumed = await removeAlbumContentInBatches(h.client(), large, rest);
      assert.deepEqual([resumed.done.length, resumed.failed.length, resumed.notAttempted.length], [2_000, 0, 0]);
      assert.deepEqual(await items(h.client(), large), []);
    });

    it('reports a chunk that keeps failing and carries on with the others', async () => {
      await h.emulator.control.addFault({ method: 'DELETE', times: 3, fault: { type: 'status', status: 503, body: { code: 13000201, msg: 'busy' } } });
      const result = await removeAlbumContentInBatches(h.client(), large, ids, { concurrency: 1 });
      assert.equal(result.failed.length, 1);
      assert.equal(result.failed[0].error.kind, 'server');
      assert.deepEqual(result.failed[0].ids, ids.slice(0, 1_000));
      assert.deepEqual(result.done, ids.slice(1_000));
      assert.equal((await items(h.client(), large)).length, 1_000);
    });

    it('restores removed items in chunks of at most 100 (Undo)', async () => {
      const before = await items(h.client(), large);
      const chosen = before.slice(0, 250);
      await removeAlbumContentInBatches(h.client(), large, chosen.map((item) => item.id));
      await h.emulator.control.clearRequests();
      const files: FileMap[] = chosen.map((item) => ({ fileId: item.id, ownerId: item.ownerId }));
      const progress: BatchProgress[] = [];
      const result = await addAlbumContentInBatches(h.client(), large, [...files, files[0], { fileId: '' }], { onProgress: (p) => progress.push(p) });
      assert.deepEqual(result.done, chosen.map((item) => item.id));
      const adds = (await h.requests()).filter((request) => request.method === 'POST');
      assert.deepEqual(adds.map((request) => (request.body as { fileIds: FileMap[] }).fileIds.length).sort(), [100, 100, 50].sort());
      assert.deepEqual(progress.at(-1), { done: 250, failed: 0, total: 250 });
      assert.equal((await items(h.client(), large)).length, 2_500);
    });
  });

  describe('selection handling, over the emulator', () => {
    const h = useEmulator();

    it('drops duplicates and empty ids, keeping the order', async () => {
      const client = h.client();
      const [a, b, c] = (await items(client, SeedIds.albums.cats)).map((item) => item.id);
      await h.emulator.control.clearRequests();
      const result = await removeAlbumContentInBatches(client, SeedIds.albums.cats, [b, a, b, '', c, a, '  ']);
      assert.deepEqual(result.done, [b, a, c]);
      const requests = await h.requests();
      assert.equal(requests.length, 1);
      assert.deepEqual(requests[0].body, { ids: [b, a, c] });
    });

    it('sends nothing for an empty selection', async () => {
      for (const selection of [[], [''], ['', '   ']]) {
        const progress: BatchProgress[] = [];
        const result = await removeAlbumContentInBatches(h.client(), SeedIds.albums.cats, selection, { onProgress: (p) => progress.push(p) });
        assert.deepEqual(result, { done: [], failed: [], notAttempted: [] });
        assert.deepEqual(progress, []);
      }
      assert.deepEqual(await addAlbumContentInBatches(h.client(), SeedIds.albums.cats, []), { done: [], failed: [], notAttempted: [] });
      assert.equal((await h.requests()).length, 0);
    });
  });

  describe('chunking and concurrency', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `F${i}`);

    it('keeps at most `concurrency` requests in flight (default 4)', async () => {
      const four = recordingClient();
      await removeAlbumContentInBatches(four.client, 'a', ids, { chunkSize: 100 });
      assert.equal(four.sizes.length, 50);
      assert.equal(four.maxInFlight(), 4);
      const two = recordingClient();
      await removeAlbumContentInBatches(two.client, 'a', ids, { chunkSize: 250, concurrency: 2 });
      assert.equal(two.maxInFlight(), 2);
      const odd = recordingClient();
      await removeAlbumContentInBatches(odd.client, 'a', ids.slice(0, 3), { concurrency: 0 });
      assert.equal(odd.maxInFlight(), 1);
    });

    it('never sends more than 1000 ids at once, and at least one', async () => {
      const big = recordingClient(0);
      await removeAlbumContentInBatches(big.client, 'a', ids, { chunkSize: 5_000 });
      assert.deepEqual(big.sizes, [1_000, 1_000, 1_000, 1_000, 1_000]);
      const tiny = recordingClient(0);
      await removeAlbumContentInBatches(tiny.client, 'a', ids.slice(0, 3), { chunkSize: 0 });
      assert.deepEqual(tiny.sizes, [1, 1, 1]);
    });

    it('turns an unexpected exception into a failed chunk', async () => {
      const broken = recordingClient(0, (chunk) => (chunk[0] === 'F0' ? new TypeError('boom') : undefined));
      const result = await removeAlbumContentInBatches(broken.client, 'a', ids.slice(0, 20), { chunkSize: 10 });
      assert.equal(result.failed.length, 1);
      assert.ok(result.failed[0].error instanceof KooDriveError);
      assert.equal(result.failed[0].error.kind, 'badResponse');
      assert.deepEqual(result.done, ids.slice(10, 20));
    });

    it('survives a progress callback that throws', async () => {
      const result = await removeAlbumContentInBatches(recordingClient(0).client, 'a', ids.slice(0, 30), { chunkSize: 10, onProgress: () => { throw new Error('ui gone'); } });
      assert.equal(result.done.length, 30);
    });
  });
});
