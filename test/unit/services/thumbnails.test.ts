import * as assert from 'node:assert/strict';
import type { FileDetails } from '../../../src/api/types';
import type { Download } from '../../../src/services/itemFiles';
import { Thumbnails } from '../../../src/services/thumbnails';

const details = (id: string): FileDetails => ({ id, downloadLinks: [{ usage: 'thumbnail', downloadLink: `https://files.example.com/${id}` }] });

/** A download of `bytes` PNG bytes per thumbnail, counting the downloads. */
function downloads(bytes: number): { download: Download; count: () => number } {
  let count = 0;
  const download: Download = () => {
    count += 1;
    return Promise.resolve({ bytes: Buffer.alloc(bytes, 7), contentType: 'image/png' });
  };
  return { download, count: () => count };
}

describe('services/thumbnails: thumbnails for tooltips, bounded by bytes', () => {
  const never = new AbortController().signal;

  it('downloads a thumbnail once and answers from the cache after', async () => {
    const { download, count } = downloads(100);
    const cache = new Thumbnails(download);
    const first = await cache.get(details('F1'), never);
    assert.match(first ?? '', /^data:image\/png;base64,/);
    assert.equal(await cache.get(details('F1'), never), first);
    assert.equal(cache.peek(details('F1')), first);
    assert.equal(count(), 1);
  });

  it('keeps no more than its budget of bytes, the least recently used leaving first', async () => {
    const { download } = downloads(1000); // about 1,360 characters as a data URI
    const cache = new Thumbnails(download, 5_000);
    for (const id of ['F1', 'F2', 'F3', 'F4']) {
      await cache.get(details(id), never);
    }
    assert.equal(cache.peek(details('F1')), undefined, 'the oldest left');
    assert.ok(cache.peek(details('F4')));
    assert.ok(cache.peek(details('F3')));
  });

  it('never keeps a thumbnail larger than the whole budget', async () => {
    const { download, count } = downloads(10_000);
    const cache = new Thumbnails(download, 5_000);
    assert.ok(await cache.get(details('F1'), never));
    assert.equal(cache.peek(details('F1')), undefined);
    await cache.get(details('F1'), never);
    assert.equal(count(), 2);
  });
});
