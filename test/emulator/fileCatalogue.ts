/**
 * How the seeded files look (D14): each seeded album has a theme that names its items (curated
 * Chinese and English names first, then camera-style names from the shooting time), places them
 * in a folder of the owner's space, and picks the picture they show. Everything is a pure
 * function of the file id and where the seed put it, so nothing is materialised until asked.
 */
import type { Scene } from './pictures';

export type Theme = 'westLake' | 'cats' | 'mixed' | 'camera' | 'screenshots' | 'reunion' | 'grandma' | 'hiking' | 'food' | 'bigFiles' | 'megabytes';

/** Where the seed put a file: its owner, the theme of its first album, its place in it. */
export interface FileOrigin {
  ownerId: string;
  theme: Theme;
  /** Position in the album that introduced it; absent for scale files, which take all from the id. */
  index?: number;
  /** Shooting time (ms); absent for scale files. */
  takeTime?: number;
  /** Exact byte size of the content, for files made to measure (the download benchmark's). */
  size?: number;
}

/** What the catalogue decides about a file; the kind, MIME type and size follow from it. */
export interface FileLook {
  name: string;
  /** Folder names from the space's root down to the file's parent. */
  folders: string[];
  isFolder: boolean;
  scene: Scene;
  /** Palette of the picture (images, video thumbnails). */
  variant: number;
  /** Exact byte size where the catalogue fixes it (the long video); else derived from the kind. */
  size?: number;
  takeTime: number;
}

/** Size of the seeded long video: more than the client's 50 MB download cap (D15). */
export const LONG_VIDEO_SIZE = 64 * 1024 * 1024 + 4321;

/**
 * A curated entry: a fixed name (a trailing `/` makes it a folder), or `photo`, `video` or
 * `screenshot` for a camera-style name made from the shooting time.
 */
type Entry = string;

interface ThemeSpec {
  folders: string[];
  scenes: Scene[];
  curated: Entry[];
  /** Entries past the curated list. */
  after(index: number): Entry;
}

const photoOrVideo = (every: number) => (index: number): Entry => (index % every === every - 1 ? 'video' : 'photo');

const THEMES: Record<Theme, ThemeSpec> = {
  westLake: {
    folders: ['Photos', '2025', 'West Lake'],
    scenes: ['lake', 'hills', 'sunset'],
    curated: ['西湖断桥残雪.jpg', 'photo', 'Leifeng Pagoda 雷峰塔.jpg', 'photo', '苏堤春晓.jpg', 'Boat ride 游船.mp4', 'photo', '三潭印月.jpg', 'Lotus pond 曲院风荷.jpg', 'video', 'Tea fields 龙井茶园.jpg', 'photo'],
    after: photoOrVideo(6),
  },
  cats: {
    folders: ['Photos', 'Cats 猫'],
    scenes: ['cat'],
    curated: ['Mimi 咪咪.jpg', 'Sleepy cat 睡猫.jpg', 'photo', 'Kitten zoomies 小猫跑酷.mp4', '橘猫晒太阳.jpg', 'photo', 'Cat tower 猫爬架.png', 'Whiskers.jpg'],
    after: photoOrVideo(8),
  },
  mixed: { folders: ['DCIM', 'Camera'], scenes: ['lake', 'hills', 'sunset', 'food', 'cat'], curated: [], after: mixedEntry },
  camera: { folders: ['DCIM', 'Camera'], scenes: ['lake', 'hills', 'sunset', 'food', 'cat', 'lanterns'], curated: [], after: photoOrVideo(8) },
  screenshots: { folders: ['Pictures', 'Screenshots'], scenes: ['screenshot'], curated: [], after: () => 'screenshot' },
  reunion: {
    folders: ['Family 家庭', 'Reunion 团圆饭 2025'],
    scenes: ['lanterns', 'food'],
    curated: ['Reunion dinner 团圆饭.mp4', '全家福.jpg', 'Dumplings 饺子.jpg', 'photo', '年夜饭.jpg', 'Lanterns 灯笼.jpg', 'Menu 菜单.docx'],
    after: photoOrVideo(7),
  },
  grandma: {
    folders: ['Family 家庭', 'Grandma 奶奶 80'],
    scenes: ['lanterns', 'food'],
    curated: ['奶奶生日快乐.m4a', 'Grandma 80th 奶奶八十大寿.jpg', 'Birthday cake 蛋糕.jpg', 'Guest list 宾客名单.xlsx', 'Birthday slides 生日幻灯片.pptx', 'Photos 2025.zip'],
    after: photoOrVideo(5),
  },
  hiking: {
    folders: ['Photos', 'Hiking 徒步'],
    scenes: ['hills', 'lake'],
    curated: ['Trip plan 行程.docx', 'Summit 山顶.jpg', 'photo', 'photo', 'Trail 山路.mp4', 'photo', 'Waterfall 瀑布.jpg', 'photo', 'Route 路线.gpx', 'photo'],
    after: photoOrVideo(5),
  },
  food: {
    folders: ['Photos', 'Food 美食'],
    scenes: ['food'],
    curated: ['Tomatoes.jpg', '煎饼果子.jpg', 'Stinky tofu 臭豆腐.jpg', 'Street noodles 街边面条.jpg', 'Night market 夜市.mp4'],
    after: photoOrVideo(5),
  },
  bigFiles: { folders: ['Videos 视频'], scenes: ['lake'], curated: ['Big video 大视频.mp4'], after: photoOrVideo(1) },
  megabytes: { folders: ['Benchmarks 基准'], scenes: ['hills'], curated: [], after: megabyteEntry },
};

/** Kinds whose bytes are generated while sent, so each file of "Megabytes" has its own. */
const MEGABYTE_SUFFIXES = ['mp4', 'zip', 'm4a', 'docx', 'xlsx', 'pptx'];

/** `Megabyte 兆字节 0001.mp4`, `… 0002.zip`…: distinct names, no pictures. */
function megabyteEntry(index: number): Entry {
  return `Megabyte 兆字节 ${String(index + 1).padStart(4, '0')}.${MEGABYTE_SUFFIXES[index % MEGABYTE_SUFFIXES.length]}`;
}

/**
 * The "Paging 250" album holds every kind: mostly photos, a video every ten, screenshots, and
 * documents, audio and archives at fixed places, plus one folder, one app and one GPS track.
 */
function mixedEntry(index: number): Entry {
  const special: Record<number, string> = { 100: 'Scans 扫描件/', 150: 'Route 路线.gpx', 200: 'KooDrive setup 安装包.apk' };
  const n = Math.floor(index / 50) + 1;
  const byPlace: Record<number, string> = {
    7: `Meeting notes 会议记录 ${n}.docx`,
    17: `Budget 预算 ${n}.xlsx`,
    27: `Slides 幻灯片 ${n}.pptx`,
    37: `Backup 备份 ${n}.zip`,
    47: `Voice memo 语音 ${n}.m4a`,
  };
  return special[index] ?? byPlace[index % 50] ?? (index % 10 === 3 ? 'video' : index % 25 === 11 ? 'screenshot' : 'photo');
}

/** Where the mixed album's non-camera files live. */
const FOLDERS_BY_SUFFIX: Record<string, string[]> = {
  docx: ['Documents 文档'],
  xlsx: ['Documents 文档'],
  pptx: ['Documents 文档'],
  gpx: ['Documents 文档'],
  m4a: ['Music 音乐'],
  zip: ['Download 下载'],
  apk: ['Download 下载'],
  png: ['Pictures', 'Screenshots'],
  '/': ['Documents 文档'],
};

const SCALE_EPOCH = Date.parse('2024-01-01T00:00:00.000Z');

/** How the file `id` looks, given where the seed put it. */
export function lookOf(id: string, origin: FileOrigin): FileLook {
  const spec = THEMES[origin.theme];
  const hash = hashOf(id);
  const takeTime = origin.takeTime ?? SCALE_EPOCH + (hash % (600 * 86_400)) * 1000;
  const index = origin.index ?? hash % 97;
  const entry = spec.curated[index] ?? spec.after(index);
  const isFolder = entry.endsWith('/');
  const name = isFolder ? entry.slice(0, -1) : cameraName(entry, takeTime);
  const suffix = isFolder ? '/' : name.slice(name.lastIndexOf('.') + 1);
  const folders = origin.theme === 'mixed' ? (FOLDERS_BY_SUFFIX[suffix] ?? spec.folders) : spec.folders;
  const scene = entry === 'screenshot' ? 'screenshot' : spec.scenes[(hash >>> 8) % spec.scenes.length];
  const size = origin.size ?? (origin.theme === 'reunion' && origin.index === 0 ? LONG_VIDEO_SIZE : undefined);
  return { name, folders, isFolder, scene, variant: hash >>> 16, size, takeTime };
}

function cameraName(entry: Entry, takeTime: number): string {
  const stamp = new Date(takeTime).toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  switch (entry) {
    case 'photo':
      return `IMG_${stamp}.jpg`;
    case 'video':
      return `VID_${stamp}.mp4`;
    case 'screenshot':
      return `Screenshot_${stamp}.png`;
    default:
      return entry;
  }
}

/** FNV-1a of the id: cheap, stable, well spread. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
