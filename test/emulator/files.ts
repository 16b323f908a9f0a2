/**
 * The users' files (D14). Every seeded album item is a file of its owner, in the owner's personal
 * space. The registry keeps only where each file came from; its details (name, kind, size,
 * times, folder path) are derived on first use and cached, so a 100,000-item album costs one map
 * entry per file at start-up. Files stay known after they leave an album, so Undo and moves work.
 */
import { hashOf, lookOf, type FileLook, type FileOrigin } from './fileCatalogue';
import { kindOf, type FileKind } from './fileKinds';
import { fileId } from './ids';
import { picture } from './pictures';

export type { FileOrigin, Theme } from './fileCatalogue';

/** A file's details, as getFile and GetFullPath show them. */
export interface FileRecord extends FileLook {
  id: string;
  ownerId: string;
  kind: FileKind;
  mimeType: string;
  /** Exactly the byte length its content link serves; 0 for folders. */
  size: number;
  createdTime: number;
  editedTime: number;
  /** Ids of `folders`, root first. */
  folderIds: string[];
  /** Encoding of an image's bytes, fixed by its original name (a D18 rename changes only the label). */
  imageFormat: 'jpeg' | 'png';
}

/** Byte-size ranges of the kinds whose content is generated (images are measured instead). */
const SIZE_RANGES: Record<FileKind, [number, number]> = {
  folder: [0, 0],
  image: [0, 0],
  video: [400_000, 2_400_000],
  audio: [150_000, 900_000],
  word: [20_000, 200_000],
  excel: [15_000, 120_000],
  powerpoint: [200_000, 1_500_000],
  archive: [300_000, 3_000_000],
  application: [1_000_000, 4_000_000],
  other: [2_000, 30_000],
};

const DAY = 86_400_000;

export class Files {
  private readonly origins = new Map<string, FileOrigin>();
  private readonly records = new Map<string, FileRecord>();

  /** Makes `id` a known file. The first registration wins: a file reused in another album keeps its origin. */
  register(id: string, origin: FileOrigin): FileOrigin {
    const known = this.origins.get(id);
    if (known) {
      return known;
    }
    this.origins.set(id, origin);
    return origin;
  }

  has(id: string): boolean {
    return this.origins.has(id);
  }

  /** Owner and shooting time of a known file, without deriving its details. */
  origin(id: string): Readonly<FileOrigin> | undefined {
    return this.origins.get(id);
  }

  /** The details of a known file, derived on first use; undefined for an unknown id. */
  get(id: string): FileRecord | undefined {
    let record = this.records.get(id);
    if (!record) {
      const origin = this.origins.get(id);
      if (!origin) {
        return undefined;
      }
      record = derive(id, origin);
      this.records.set(id, record);
    }
    return record;
  }

  /**
   * Renames a known file directly, bypassing every rule (D18); `''` leaves it without a name.
   * @returns false for an unknown id.
   */
  rename(id: string, name: string): boolean {
    const record = this.get(id);
    if (record) {
      // Kind, MIME type and bytes stay those of the original: only the label changes.
      record.name = name;
    }
    return record !== undefined;
  }
}

function derive(id: string, origin: FileOrigin): FileRecord {
  const look = lookOf(id, origin);
  const { kind, mime } = kindOf(look.name, look.isFolder);
  const hash = hashOf(`${id}/details`);
  // Uploaded within 26 minutes of the shot, so before the album it went into was made.
  const createdTime = look.takeTime + 60_000 + (hash % 1_500) * 1000;
  // Photos and videos are never edited; documents were, some days after they were uploaded.
  const editedTime = kind === 'image' || kind === 'video' || kind === 'folder' ? createdTime : createdTime + (hash % 30) * DAY + (hash % 86_400) * 1000;
  const folderIds = look.folders.map((_, i) => fileId(`dir/${origin.ownerId}/${look.folders.slice(0, i + 1).join('/')}`));
  const imageFormat = mime === 'image/png' ? 'png' : 'jpeg';
  const size = sizeOf(look, kind, imageFormat, hash);
  return { ...look, id, ownerId: origin.ownerId, kind, mimeType: mime, size, createdTime, editedTime, folderIds, imageFormat };
}

function sizeOf(look: FileLook, kind: FileKind, imageFormat: 'jpeg' | 'png', hash: number): number {
  if (look.size !== undefined) {
    return look.size;
  }
  if (kind === 'image') {
    return picture(look.scene, look.variant, 'content', imageFormat).length;
  }
  const [min, max] = SIZE_RANGES[kind];
  return min + (max > min ? hash % (max - min) : 0);
}
