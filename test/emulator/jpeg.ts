/**
 * A minimal baseline JPEG encoder (JFIF, YCbCr 4:4:4, the example tables of ITU-T T.81 Annex K)
 * for the emulator's generated photos, so that a file named `.jpg` is served as real JPEG bytes.
 * Deterministic; width and height must be multiples of 8. Speed is not a goal: the emulator
 * encodes a handful of small pictures once.
 */
import type { Raster } from './png';

/** Annex K.1 quantisation tables, natural (row-major) order. */
const LUMA_Q = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_Q = [
  ...[17, 18, 24, 47], ...fill99(4), ...[18, 21, 26, 66], ...fill99(4), ...[24, 26, 56], ...fill99(5), ...[47, 66], ...fill99(6), ...fill99(32),
];

/** Annex K.3 Huffman tables: code counts per length 1-16, then the symbols. */
const DC_LUMA = { bits: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], values: range(12) };
const DC_CHROMA = { bits: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], values: range(12) };
const AC_LUMA = {
  bits: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  values: hex(
    '01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa',
  ),
};
const AC_CHROMA = {
  bits: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  values: hex(
    '000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa',
  ),
};

type HuffmanSpec = { bits: number[]; values: number[] };
/** symbol -> [code, length] */
type HuffmanCodes = Map<number, [number, number]>;

/** Natural index of the k-th coefficient in zig-zag order. */
const ZIGZAG: number[] = (() => {
  const order: number[] = [];
  for (let sum = 0; sum < 15; sum++) {
    const rows = [];
    for (let row = Math.max(0, sum - 7); row <= Math.min(sum, 7); row++) {
      rows.push(row);
    }
    // Even diagonals run up and to the right, odd ones down and to the left.
    for (const row of sum % 2 === 0 ? rows.reverse() : rows) {
      order.push(row * 8 + (sum - row));
    }
  }
  return order;
})();

/** COS[u * 8 + x] = c(u) / 2 * cos((2x + 1) u pi / 16). */
const COS = Array.from({ length: 64 }, (_, i) => {
  const u = i >> 3;
  const x = i & 7;
  return (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});

/**
 * Encodes `raster` as a baseline JPEG of the given quality (1-100).
 * @throws Error when a side is not a multiple of 8.
 */
export function encodeJpeg(raster: Raster, quality = 80): Buffer {
  const { width, height } = raster;
  if (width % 8 !== 0 || height % 8 !== 0 || width === 0 || height === 0) {
    throw new Error(`JPEG sides must be multiples of 8 (got ${width}x${height})`);
  }
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  const lumaQ = LUMA_Q.map((q) => clamp(Math.floor((q * scale + 50) / 100), 1, 255));
  const chromaQ = CHROMA_Q.map((q) => clamp(Math.floor((q * scale + 50) / 100), 1, 255));
  const planes = toYCbCr(raster);
  const writer = new BitWriter();
  const tables = [
    { q: lumaQ, dc: codes(DC_LUMA), ac: codes(AC_LUMA) },
    { q: chromaQ, dc: codes(DC_CHROMA), ac: codes(AC_CHROMA) },
    { q: chromaQ, dc: codes(DC_CHROMA), ac: codes(AC_CHROMA) },
  ];
  const previousDc = [0, 0, 0];
  const block = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let c = 0; c < 3; c++) {
        for (let i = 0; i < 64; i++) {
          block[i] = planes[c][(by + (i >> 3)) * width + bx + (i & 7)] - 128;
        }
        const quantised = quantise(dct(block), tables[c].q);
        previousDc[c] = encodeBlock(writer, quantised, previousDc[c], tables[c].dc, tables[c].ac);
      }
    }
  }
  const scan = writer.finish();
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0(), dqt(lumaQ, chromaQ), sof0(width, height), dht(), sos(), scan, Buffer.from([0xff, 0xd9])]);
}

function toYCbCr({ width, height, rgb }: Raster): Float64Array[] {
  const planes = [new Float64Array(width * height), new Float64Array(width * height), new Float64Array(width * height)];
  for (let p = 0; p < width * height; p++) {
    const r = rgb[p * 3];
    const g = rgb[p * 3 + 1];
    const b = rgb[p * 3 + 2];
    planes[0][p] = 0.299 * r + 0.587 * g + 0.114 * b;
    planes[1][p] = -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
    planes[2][p] = 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
  }
  return planes;
}

/** The 2-D DCT-II of an 8x8 block, natural order: F = C f C^T. */
function dct(block: Float64Array): Float64Array {
  const rows = new Float64Array(64);
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let x = 0; x < 8; x++) {
        sum += COS[u * 8 + x] * block[y * 8 + x];
      }
      rows[y * 8 + u] = sum;
    }
  }
  const out = new Float64Array(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) {
        sum += COS[v * 8 + y] * rows[y * 8 + u];
      }
      out[v * 8 + u] = sum;
    }
  }
  return out;
}

/** Quantised coefficients in zig-zag order. */
function quantise(coefficients: Float64Array, q: number[]): number[] {
  return ZIGZAG.map((natural) => Math.round(coefficients[natural] / q[natural]));
}

/** Writes one block (DC difference, then AC run lengths); returns its DC for the next block. */
function encodeBlock(writer: BitWriter, zz: number[], previousDc: number, dc: HuffmanCodes, ac: HuffmanCodes): number {
  writeValue(writer, dc, 0, zz[0] - previousDc);
  let run = 0;
  for (let k = 1; k < 64; k++) {
    if (zz[k] === 0) {
      run++;
      continue;
    }
    while (run > 15) {
      writer.write(...code(ac, 0xf0)); // ZRL: sixteen zeros
      run -= 16;
    }
    writeValue(writer, ac, run, zz[k]);
    run = 0;
  }
  if (run > 0) {
    writer.write(...code(ac, 0x00)); // EOB
  }
  return zz[0];
}

/** The Huffman code of (run, size), then `size` bits of the value (one's complement if negative). */
function writeValue(writer: BitWriter, table: HuffmanCodes, run: number, value: number): void {
  const size = value === 0 ? 0 : Math.floor(Math.log2(Math.abs(value))) + 1;
  writer.write(...code(table, (run << 4) | size));
  if (size > 0) {
    writer.write(value > 0 ? value : value + (1 << size) - 1, size);
  }
}

function code(table: HuffmanCodes, symbol: number): [number, number] {
  const found = table.get(symbol);
  if (!found) {
    throw new Error(`No Huffman code for symbol ${symbol}`);
  }
  return found;
}

/** Canonical Huffman codes of a table (T.81 Annex C). */
function codes(spec: HuffmanSpec): HuffmanCodes {
  const table: HuffmanCodes = new Map();
  let next = 0;
  let index = 0;
  spec.bits.forEach((count, i) => {
    for (let n = 0; n < count; n++) {
      table.set(spec.values[index++], [next++, i + 1]);
    }
    next <<= 1;
  });
  return table;
}

/** Entropy-coded data, with a 0x00 stuffed after every 0xFF byte and 1-bits padding the end. */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(bits: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((bits >> i) & 1);
      if (++this.used === 8) {
        this.flush();
      }
    }
  }

  finish(): Buffer {
    while (this.used !== 0) {
      this.write(1, 1);
    }
    return Buffer.from(this.bytes);
  }

  private flush(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) {
      this.bytes.push(0);
    }
    this.current = 0;
    this.used = 0;
  }
}

function segment(marker: number, body: number[]): Buffer {
  const length = body.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...body]);
}

function app0(): Buffer {
  // "JFIF\0", version 1.01, no units, 1:1 density, no embedded thumbnail.
  return segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
}

function dqt(luma: number[], chroma: number[]): Buffer {
  return segment(0xdb, [0, ...ZIGZAG.map((i) => luma[i]), 1, ...ZIGZAG.map((i) => chroma[i])]);
}

function sof0(width: number, height: number): Buffer {
  return segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]);
}

function dht(): Buffer {
  const table = (id: number, spec: HuffmanSpec): number[] => [id, ...spec.bits, ...spec.values];
  return segment(0xc4, [...table(0x00, DC_LUMA), ...table(0x10, AC_LUMA), ...table(0x01, DC_CHROMA), ...table(0x11, AC_CHROMA)]);
}

function sos(): Buffer {
  return segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
}

function fill99(n: number): number[] {
  return new Array<number>(n).fill(99);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function hex(text: string): number[] {
  return Array.from({ length: text.length / 2 }, (_, i) => parseInt(text.slice(i * 2, i * 2 + 2), 16));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
