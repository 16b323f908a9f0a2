/**
 * The pictures the emulator serves (D15): a handful of painted scenes (lake, hills, sunset, cat,
 * food, lanterns, screenshot) in a few palettes, encoded once on first use and then shared. A file
 * id picks its variant, so every image file has real, decodable, deterministic bytes: JPEG for
 * `.jpg` names, PNG for `.png` names and for every thumbnail.
 */
import { encodeJpeg } from './jpeg';
import { encodePng, type Raster } from './png';

export type Scene = 'lake' | 'hills' | 'sunset' | 'cat' | 'food' | 'lanterns' | 'screenshot';

/** What a picture is for: the file itself (320x240) or its thumbnail (96x96, always PNG). */
export type PictureUse = 'content' | 'thumbnail';

interface Palette {
  skyTop: Rgb;
  skyBottom: Rgb;
  ground: Rgb;
  accent: Rgb;
  light: Rgb;
}

type Rgb = [number, number, number];

const PALETTES: Palette[] = [
  { skyTop: [70, 130, 200], skyBottom: [190, 220, 240], ground: [60, 120, 80], accent: [240, 200, 60], light: [250, 250, 245] },
  { skyTop: [250, 120, 80], skyBottom: [255, 210, 150], ground: [90, 60, 90], accent: [255, 240, 180], light: [255, 245, 235] },
  { skyTop: [20, 30, 70], skyBottom: [70, 80, 140], ground: [30, 50, 60], accent: [250, 220, 120], light: [220, 230, 255] },
  { skyTop: [150, 200, 190], skyBottom: [230, 240, 220], ground: [120, 150, 90], accent: [200, 60, 60], light: [255, 255, 250] },
];

/** How many variants each scene has (one per palette). */
export const VARIANTS = PALETTES.length;

/** Shared by every emulator in the process: pure functions of constants, encoded once. */
const cache = new Map<string, Buffer>();

/**
 * The encoded picture of `scene` in palette `variant` (taken modulo {@link VARIANTS}).
 * `play` overlays a play button (video thumbnails).
 */
export function picture(scene: Scene, variant: number, use: PictureUse, format: 'jpeg' | 'png', play = false): Buffer {
  const palette = ((variant % VARIANTS) + VARIANTS) % VARIANTS;
  const key = `${scene}/${palette}/${use}/${format}/${play}`;
  let bytes = cache.get(key);
  if (!bytes) {
    const [width, height] = use === 'content' ? [320, 240] : [96, 96];
    const raster = paint(scene, PALETTES[palette], width, height, play);
    bytes = format === 'jpeg' ? encodeJpeg(raster, 80) : encodePng(raster);
    cache.set(key, bytes);
  }
  return bytes;
}

function paint(scene: Scene, palette: Palette, width: number, height: number, play: boolean): Raster {
  const rgb = new Uint8Array(width * height * 3);
  const painter = PAINTERS[scene];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      let colour = painter(u, v, palette);
      if (play && isPlayButton(u, v)) {
        colour = palette.light;
      }
      rgb.set(colour, (y * width + x) * 3);
    }
  }
  return { width, height, rgb };
}

/** A white triangle in a circle's place, centred: the play button of a video thumbnail. */
function isPlayButton(u: number, v: number): boolean {
  const x = u - 0.5;
  const y = v - 0.5;
  return x > -0.1 && x < 0.14 && Math.abs(y) < 0.15 - (x + 0.1) * 0.6;
}

type Painter = (u: number, v: number, palette: Palette) => Rgb;

const PAINTERS: Record<Scene, Painter> = {
  lake: (u, v, p) => {
    const ridge = 0.45 - 0.18 * Math.max(0, 1 - Math.abs(u - 0.3) * 4) - 0.1 * Math.max(0, 1 - Math.abs(u - 0.7) * 5);
    if (v < ridge) {
      return mix(p.skyTop, p.skyBottom, v / 0.5);
    }
    if (v < 0.5) {
      return p.ground;
    }
    // Water: the sky mirrored, with a few calm ripples.
    const ripple = Math.floor(v * 40) % 5 === 0 ? 0.15 : 0;
    return mix(mix(p.skyBottom, p.skyTop, (v - 0.5) * 2), p.light, ripple);
  },
  hills: (u, v, p) => {
    const far = 0.55 + 0.08 * Math.sin(u * 7);
    const near = 0.7 + 0.1 * Math.sin(u * 4 + 1);
    if (v > near) {
      return mix(p.ground, [0, 0, 0], 0.2);
    }
    if (v > far) {
      return mix(p.ground, p.skyBottom, 0.35);
    }
    return mix(p.skyTop, p.skyBottom, v / far);
  },
  sunset: (u, v, p) => {
    const sun = Math.hypot(u - 0.5, v - 0.5) < 0.12;
    if (v < 0.5) {
      return sun ? p.accent : mix(p.skyTop, p.skyBottom, v * 2);
    }
    const glitter = Math.abs(u - 0.5) < 0.1 - (v - 0.5) * 0.1 && Math.floor(v * 60) % 3 === 0;
    return glitter ? p.accent : mix(p.ground, p.skyTop, 0.3);
  },
  cat: (u, v, p) => {
    const head = Math.hypot((u - 0.5) * 1.1, v - 0.55) < 0.28;
    const ear = (cx: number): boolean => v > 0.18 && v < 0.4 && Math.abs(u - cx) < (v - 0.18) * 0.5;
    const eye = (cx: number): boolean => Math.hypot(u - cx, v - 0.5) < 0.04;
    if (eye(0.42) || eye(0.58)) {
      return [30, 30, 30];
    }
    if (head || ear(0.34) || ear(0.66)) {
      return p.accent;
    }
    return mix(p.skyBottom, p.light, v);
  },
  food: (u, v, p) => {
    const plate = Math.hypot((u - 0.5) * 0.8, v - 0.55) < 0.32;
    const items = [[0.42, 0.5], [0.56, 0.48], [0.5, 0.62], [0.62, 0.6]].some(([cx, cy]) => Math.hypot(u - cx, v - cy) < 0.07);
    if (items) {
      return [200, 50, 40];
    }
    return plate ? p.light : mix(p.ground, [120, 80, 50], 0.5);
  },
  lanterns: (u, v, p) => {
    const lanterns = [[0.2, 0.3], [0.45, 0.22], [0.7, 0.32], [0.85, 0.2]].some(([cx, cy]) => Math.hypot((u - cx) * 1.2, v - cy) < 0.08);
    if (lanterns) {
      return [220, 40, 40];
    }
    return v > 0.7 ? mix(p.ground, [150, 40, 30], 0.5) : mix([40, 20, 30], p.skyTop, v);
  },
  screenshot: (u, v, p) => {
    if (v < 0.1) {
      return p.skyTop;
    }
    const row = Math.floor((v - 0.1) / 0.12);
    const inRow = ((v - 0.1) / 0.12) % 1;
    if (inRow > 0.2 && inRow < 0.8 && u > 0.05 && u < 0.15) {
      return row % 2 === 0 ? p.accent : p.ground;
    }
    if (inRow > 0.35 && inRow < 0.55 && u > 0.2 && u < 0.9 - (row % 3) * 0.15) {
      return [90, 90, 100];
    }
    return p.light;
  },
};

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.min(1, Math.max(0, t));
  return [Math.round(a[0] + (b[0] - a[0]) * k), Math.round(a[1] + (b[1] - a[1]) * k), Math.round(a[2] + (b[2] - a[2]) * k)];
}
