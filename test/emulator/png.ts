/**
 * A minimal PNG encoder (8-bit RGB, no interlace) for the emulator's generated pictures. The
 * output is deterministic: the same pixels always give the same bytes.
 */
import { deflateSync } from 'node:zlib';

/** An RGB raster, 3 bytes per pixel, rows top to bottom. */
export interface Raster {
  width: number;
  height: number;
  /** `width * height * 3` bytes. */
  rgb: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG chunks use it). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Encodes `raster` as a PNG file. */
export function encodePng(raster: Raster): Buffer {
  const { width, height, rgb } = raster;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  // compression, filter method and interlace stay 0
  const stride = width * 3;
  const filtered = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter "Up" (2) on every row but the first: the generated pictures are smooth vertically,
    // so this keeps them well under the size the emulator promises.
    const out = y * (stride + 1);
    filtered[out] = y === 0 ? 0 : 2;
    for (let x = 0; x < stride; x++) {
      const value = rgb[y * stride + x];
      filtered[out + 1 + x] = y === 0 ? value : (value - rgb[(y - 1) * stride + x]) & 0xff;
    }
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(filtered)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}
