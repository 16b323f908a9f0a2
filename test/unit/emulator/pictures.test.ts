import * as assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { encodeJpeg } from '../../emulator/jpeg';
import { picture, VARIANTS, type Scene } from '../../emulator/pictures';
import { crc32, encodePng, type Raster } from '../../emulator/png';

/** Decodes what {@link encodePng} writes (RGB, filters None and Up), checking every chunk's CRC. */
function decodePng(bytes: Buffer): Raster {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    assert.equal(bytes.readUInt32BE(offset + 8 + length), crc32(typeAndData), 'chunk CRC');
    const type = typeAndData.subarray(0, 4).toString('ascii');
    const data = typeAndData.subarray(4);
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.deepEqual([...data.subarray(8)], [8, 2, 0, 0, 0]);
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  assert.deepEqual(types, ['IHDR', 'IDAT', 'IEND']);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      rgb[y * stride + x] = filter === 2 ? (value + rgb[(y - 1) * stride + x]) & 0xff : value;
    }
  }
  return { width, height, rgb };
}

/** Width and height from a baseline JPEG's SOF0, after checking SOI first and EOI last. */
function jpegSize(bytes: Buffer): [number, number] {
  assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xd8], 'SOI');
  assert.deepEqual([...bytes.subarray(-2)], [0xff, 0xd9], 'EOI');
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  assert.ok(sof > 0, 'SOF0');
  return [bytes.readUInt16BE(sof + 7), bytes.readUInt16BE(sof + 5)];
}

describe('emulator: generated pictures (D15)', () => {
  it('encodes a raster as a PNG whose pixels decode back exactly', () => {
    const raster: Raster = { width: 5, height: 3, rgb: Uint8Array.from({ length: 45 }, (_, i) => (i * 37) % 256) };
    const decoded = decodePng(encodePng(raster));
    assert.deepEqual([decoded.width, decoded.height], [5, 3]);
    assert.deepEqual([...decoded.rgb], [...raster.rgb]);
  });

  it('encodes a baseline JPEG with its size in SOF0, and refuses sides not a multiple of 8', () => {
    const raster: Raster = { width: 16, height: 8, rgb: new Uint8Array(16 * 8 * 3).fill(200) };
    assert.deepEqual(jpegSize(encodeJpeg(raster)), [16, 8]);
    assert.throws(() => encodeJpeg({ width: 10, height: 8, rgb: new Uint8Array(240) }), /multiples of 8/);
  });

  it('serves every scene and palette as a real picture under 50 KB, thumbnails 96x96 and smaller', () => {
    const scenes: Scene[] = ['lake', 'hills', 'sunset', 'cat', 'food', 'lanterns', 'screenshot'];
    for (const scene of scenes) {
      for (let variant = 0; variant < VARIANTS; variant++) {
        const jpeg = picture(scene, variant, 'content', 'jpeg');
        const png = picture(scene, variant, 'content', 'png');
        const thumbnail = picture(scene, variant, 'thumbnail', 'png');
        assert.deepEqual(jpegSize(jpeg), [320, 240]);
        const decoded = decodePng(png);
        assert.deepEqual([decoded.width, decoded.height], [320, 240]);
        assert.deepEqual([decodePng(thumbnail).width, decodePng(thumbnail).height], [96, 96]);
        for (const bytes of [jpeg, png]) {
          assert.ok(bytes.length < 50_000, `${scene}/${variant}: ${bytes.length} bytes`);
          assert.ok(thumbnail.length < bytes.length, `${scene}/${variant}: thumbnail ${thumbnail.length} bytes`);
        }
      }
    }
  });

  it('is deterministic, varies by palette, and marks video thumbnails with a play button', () => {
    assert.ok(picture('lake', 1, 'content', 'jpeg').equals(picture('lake', 5, 'content', 'jpeg')), 'variants wrap around');
    assert.ok(!picture('lake', 0, 'content', 'png').equals(picture('lake', 1, 'content', 'png')));
    const still = decodePng(picture('hills', 2, 'thumbnail', 'png'));
    const video = decodePng(picture('hills', 2, 'thumbnail', 'png', true));
    const centre = (48 * 96 + 48) * 3;
    assert.notDeepEqual([...still.rgb.subarray(centre, centre + 3)], [...video.rgb.subarray(centre, centre + 3)]);
  });
});
