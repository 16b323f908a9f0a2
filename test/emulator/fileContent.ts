/**
 * The bytes behind a file's download links (D15). Images and thumbnails are real pictures;
 * other kinds are deterministic bytes that start like their format (an MP4 `ftyp` box, a ZIP
 * header, GPX XML) and are generated while they are sent, never held whole in memory, so the
 * long video costs nothing until someone downloads it. Their length is exactly the `size` that
 * getFile shows.
 */
import { Readable } from 'node:stream';
import { hashOf } from './fileCatalogue';
import type { FileRecord } from './files';
import { picture } from './pictures';

/** `usage` of a DownloadLink. */
export type Usage = 'content' | 'thumbnail';

export interface Content {
  type: string;
  length: number;
  /** The bytes, or a fresh stream of them. */
  body: Buffer | (() => Readable);
}

const CHUNK = 64 * 1024;

/** Only images and videos have thumbnails; folders have no content. */
export function hasUsage(record: FileRecord, usage: Usage): boolean {
  return usage === 'content' ? record.kind !== 'folder' : record.kind === 'image' || record.kind === 'video';
}

/** What the `usage` link of `record` serves, or undefined when it has none. */
export function contentOf(record: FileRecord, usage: Usage): Content | undefined {
  if (!hasUsage(record, usage)) {
    return undefined;
  }
  if (usage === 'thumbnail') {
    const bytes = picture(record.scene, record.variant, 'thumbnail', 'png', record.kind === 'video');
    return { type: 'image/png', length: bytes.length, body: bytes };
  }
  if (record.kind === 'image') {
    const bytes = picture(record.scene, record.variant, 'content', record.imageFormat);
    return { type: record.mimeType, length: bytes.length, body: bytes };
  }
  const header = headerOf(record);
  const seed = hashOf(record.id) || 1;
  return { type: record.mimeType, length: record.size, body: () => Readable.from(generate(header, record.size, seed)) };
}

function headerOf(record: FileRecord): Buffer {
  switch (record.kind) {
    case 'video':
    case 'audio': {
      // An ISO base media `ftyp` box, then the header of an `mdat` box holding the rest.
      const brand = record.kind === 'video' ? 'mp42' : 'M4A ';
      const ftyp = Buffer.concat([u32(24), Buffer.from(`ftyp${brand}`, 'latin1'), u32(0), Buffer.from(`${brand}isom`, 'latin1')]);
      return Buffer.concat([ftyp, u32(Math.min(record.size - 24, 0xffffffff)), Buffer.from('mdat', 'latin1')]);
    }
    case 'other':
      return Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="KooDrive emulator">\n<!--', 'utf8');
    default:
      // Office documents, archives and Android packages are all ZIP files.
      return Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
  }
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0, 0);
  return buffer;
}

/** `header`, then xorshift32 bytes, `size` bytes in all, in chunks of at most 64 KB. */
function* generate(header: Buffer, size: number, seed: number): Generator<Buffer> {
  const head = header.subarray(0, size);
  yield head;
  let written = head.length;
  let state = seed >>> 0;
  while (written < size) {
    const length = Math.min(CHUNK, size - written);
    const words = new Uint32Array(Math.ceil(length / 4));
    for (let i = 0; i < words.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      words[i] = state >>> 0;
    }
    yield Buffer.from(words.buffer, 0, length);
    written += length;
  }
}
