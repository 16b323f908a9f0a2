/**
 * The bytes of album items (D15): which download link serves what, which pictures VS Code's
 * image preview can show, and thumbnails as `data:` URIs for tooltips. Plain Node.
 */
import type { FileDetails } from '../api/types';
import { text } from '../model/present';

/** What the client's download returns (src/api/download.ts). */
export interface Downloaded {
  bytes: Buffer;
  contentType?: string;
}

/** The client's download of a link (D15: credentials only to the endpoint's own origin, size caps). */
export type Download = (link: string, options: { usage: 'content' | 'thumbnail'; signal?: AbortSignal; onProgress?: (received: number, total: number | undefined) => void }) => Promise<Downloaded>;

/** The `downloadLink` of the given usage, if the details list one. */
export function downloadLink(details: FileDetails, usage: 'content' | 'thumbnail'): string | undefined {
  const links = Array.isArray(details.downloadLinks) ? details.downloadLinks : [];
  const found = links.find((link) => link !== null && typeof link === 'object' && text(link.usage)?.toLowerCase() === usage);
  return text(found?.downloadLink);
}

/** Raster pictures (the image preview shows them; a tooltip may embed them), by MIME type, with their extension. */
const PICTURES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
};

/** Everything VS Code's media preview shows: pictures, and the video and audio formats it plays. */
const PREVIEWABLE: Record<string, string> = {
  ...PICTURES,
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/ogg': 'ogg',
};

/**
 * The extension under which VS Code's media preview shows this file (a picture, an mp4/webm
 * video, an mp3/wav/ogg sound), or undefined when it cannot (then Open Preview shows the details).
 */
export function previewExtension(details: FileDetails): string | undefined {
  const mime = text(details.mimeType)?.toLowerCase();
  if (mime && PREVIEWABLE[mime]) {
    return PREVIEWABLE[mime];
  }
  const suffix = text(details.fileSuffix)?.toLowerCase() ?? /\.([a-z0-9]+)$/i.exec(text(details.fileName) ?? '')?.[1]?.toLowerCase();
  return suffix && Object.values(PREVIEWABLE).concat('jpeg', 'oga').includes(suffix) ? suffix : undefined;
}

/** `name` ending in `.extension` (added when the name lacks it). */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

/**
 * The thumbnail as a `data:` URI for a tooltip, or undefined when the file has none or it is not
 * a plain raster picture (no SVG: a tooltip shows pictures, never documents).
 */
export async function thumbnailDataUri(download: Download, details: FileDetails, signal: AbortSignal): Promise<string | undefined> {
  const link = downloadLink(details, 'thumbnail');
  if (!link) {
    return undefined;
  }
  const { bytes, contentType } = await download(link, { usage: 'thumbnail', signal });
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type && PICTURES[type] ? `data:${type};base64,${bytes.toString('base64')}` : undefined;
}

/** What a file's details come from (services/fileDetails.ts). */
interface DetailsLookup {
  details(fileId: string, ownerId: string | undefined, signal?: AbortSignal): Promise<FileDetails>;
}

/** The bytes of a file, from its `content` link (VS Code re-reading an open preview). */
export async function contentBytes(download: Download, lookup: DetailsLookup, fileId: string, ownerId: string | undefined, signal: AbortSignal): Promise<Buffer> {
  const link = downloadLink(await lookup.details(fileId, ownerId, signal), 'content');
  if (!link) {
    throw new Error('KooDrive gave no download link for this file');
  }
  return (await download(link, { usage: 'content', signal })).bytes;
}
