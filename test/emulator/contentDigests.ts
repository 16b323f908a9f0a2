/**
 * The `sha256` of getFile (D22): the SHA-256 of exactly the bytes a file's content link serves.
 * Pictures are hashed from their buffer; generated content is hashed by streaming the very
 * generator the link sends from, once, on the first getFile that needs it, so a 512 MB video
 * costs a few seconds once and never sits in memory. One digest per file, shared by concurrent
 * lookups; a fresh store (reset) starts a fresh cache.
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { contentOf } from './fileContent';
import type { FileRecord } from './files';

/** Other requests get a turn after about this many bytes of hashing. */
const YIELD_EVERY = 4 * 1024 * 1024;

export class ContentDigests {
  private readonly digests = new Map<string, Promise<string>>();

  /** Lowercase hex SHA-256 of the content `record` serves; undefined for a folder, which has none. */
  sha256(record: FileRecord): Promise<string> | undefined {
    const content = contentOf(record, 'content');
    if (!content) {
      return undefined;
    }
    const { body } = content;
    if (Buffer.isBuffer(body)) {
      return Promise.resolve(createHash('sha256').update(body).digest('hex'));
    }
    let digest = this.digests.get(record.id);
    if (!digest) {
      digest = streamDigest(body());
      this.digests.set(record.id, digest);
      // A failed digest is not kept: the next getFile tries again.
      digest.catch(() => this.digests.delete(record.id));
    }
    return digest;
  }
}

async function streamDigest(stream: AsyncIterable<Buffer>): Promise<string> {
  const hash = createHash('sha256');
  let sinceYield = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    sinceYield += chunk.length;
    if (sinceYield >= YIELD_EVERY) {
      // The generator is synchronous: without a turn of the event loop, the emulator would
      // answer nobody else while it hashes a big file.
      sinceYield = 0;
      await nextTurn();
    }
  }
  return hash.digest('hex');
}
