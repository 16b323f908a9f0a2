/**
 * What a file name says about a file: its kind (the `fileType` of getFile, §5.7), its MIME type
 * and its suffixes. The emulator names every file first and derives the rest from the name.
 */
import { FileType } from '../../src/api/types';

export type FileKind = keyof typeof FileType;

/** Huawei's folder MIME type (Drive Kit uses the same value). */
export const FOLDER_MIME = 'application/vnd.huawei-apps.folder';

const BY_SUFFIX: Record<string, { kind: FileKind; mime: string }> = {
  jpg: { kind: 'image', mime: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png' },
  mp4: { kind: 'video', mime: 'video/mp4' },
  m4a: { kind: 'audio', mime: 'audio/mp4' },
  docx: { kind: 'word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { kind: 'excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { kind: 'powerpoint', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  zip: { kind: 'archive', mime: 'application/zip' },
  apk: { kind: 'application', mime: 'application/vnd.android.package-archive' },
  gpx: { kind: 'other', mime: 'application/gpx+xml' },
};

/** Kind and MIME type of a file named `name`; unknown suffixes are `other`, octet-stream. */
export function kindOf(name: string, isFolder: boolean): { kind: FileKind; mime: string } {
  if (isFolder) {
    return { kind: 'folder', mime: FOLDER_MIME };
  }
  return BY_SUFFIX[suffixes(name).fileSuffix?.toLowerCase() ?? ''] ?? { kind: 'other', mime: 'application/octet-stream' };
}

/**
 * `fileSuffix` (the last extension segment) and `fullFileSuffix` (everything after the first
 * `.`), as §5.7 defines them; both absent for a name without a dot (or only a leading one).
 */
export function suffixes(name: string): { fileSuffix?: string; fullFileSuffix?: string } {
  const first = name.indexOf('.', 1);
  if (first < 0 || first === name.length - 1) {
    return {};
  }
  return { fileSuffix: name.slice(name.lastIndexOf('.') + 1), fullFileSuffix: name.slice(first + 1) };
}
