/**
 * Names of files saved to disk (D22). A name from KooDrive is untrusted: it may hold path
 * separators, characters Windows refuses, device names, bidi marks that disguise an extension,
 * or more bytes than a file system takes. Pure, so every rule is unit-tested on any OS.
 */
import { cutUtf8, MAX_NAME_BYTES } from '../api/utf8';
import { extensionForMime } from './mimeExtensions';

export { MAX_NAME_BYTES } from '../api/utf8';
export { extensionForMime } from './mimeExtensions';

/** Windows' forbidden characters, control characters, and line-separator and bidi marks. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** A surrogate half without its partner: it cannot be written as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Windows drops trailing dots and spaces; other trailing white space only confuses people. */
const TRAILING = /[\s.]+$/u;
/** Device names Windows reserves whatever the extension (`con.txt` is the console too). */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?= *(?:\.|$))/i;
/** An extension: 1 to 16 characters after the last dot, no white space, after a stem that is not only dots (`.profile` has none). */
const EXTENSION = /(?<=[^.][^]*)\.[^.\s]{1,16}$/u;

/**
 * `name` as it will be saved on any OS: white space is trimmed, unsafe characters become `_`,
 * trailing dots and spaces go, a Windows device name gets a `_` (`CON.txt` → `CON_.txt`), and a
 * name over 255 UTF-8 bytes is cut in its stem at a code-point boundary, keeping the extension.
 * No result holds a path separator or is `.` or `..`, so no name can leave the chosen folder.
 * An empty result (or no name) becomes `<safe id>.<extension of the MIME type>`, e.g. `F1a2.jpg`.
 */
export function safeFileName(name: string | undefined, fallback: { id: string; mimeType?: string }): string {
  const cleaned = name === undefined ? '' : clean(name);
  if (cleaned !== '') {
    return cleaned;
  }
  const id = clean(fallback.id) || 'file';
  const extension = fallback.mimeType === undefined ? undefined : extensionForMime(fallback.mimeType);
  return clean(extension ? `${id}.${extension}` : id) || 'file';
}

function clean(name: string): string {
  // Trimmed first, so a newline after the extension is dropped rather than made a `_`.
  const text = name.trim().replace(UNSAFE, '_').replace(LONE_SURROGATE, '_').replace(TRAILING, '');
  // Cutting may leave a name without extension ending in a dot or a space again.
  return fit(text.replace(RESERVED, '$1_')).replace(TRAILING, '');
}

/** `name` cut in its stem to at most 255 UTF-8 bytes, its extension kept. */
function fit(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) {
    return name;
  }
  const { stem, extension } = splitName(name);
  return cutUtf8(stem, MAX_NAME_BYTES - Buffer.byteLength(extension)) + extension;
}

/** The stem and the extension (with its dot, or ''): `a.tar.gz` → `a.tar` + `.gz`; `.profile` has none. */
export function splitName(name: string): { stem: string; extension: string } {
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  return { stem: name.slice(0, name.length - extension.length), extension };
}

/**
 * `name (n).ext`: the number goes before the last extension (`a.tar.gz` → `a.tar (2).gz`; a
 * dotfile `.profile` → `.profile (2)`), the stem cut so the result stays within 255 bytes.
 */
export function numbered(name: string, n: number): string {
  const { stem, extension } = splitName(name);
  const suffix = ` (${n})`;
  return cutUtf8(stem, MAX_NAME_BYTES - Buffer.byteLength(suffix) - Buffer.byteLength(extension)) + suffix + extension;
}

/**
 * What makes two names the same file on Windows and macOS, which ignore case and Unicode
 * normalisation: `Café.JPG` (composed) and `cafe\u0301.jpg` (decomposed) are one name.
 */
export function nameKey(name: string): string {
  return name.toLowerCase().normalize('NFC');
}

/**
 * The first of `name (2)`, `name (3)`… whose {@link nameKey} is not in `taken`; its key is added
 * to `taken`, so the next call never picks it again.
 */
export function firstFreeName(name: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = numbered(name, n);
    const key = nameKey(candidate);
    if (!taken.has(key)) {
      taken.add(key);
      return candidate;
    }
  }
}

/**
 * The names, made distinct as Windows and macOS compare them ({@link nameKey}): the first of
 * each name keeps it, later ones become `name (2).ext`, `name (3).ext`… in order, never one
 * that another item already has or was given (`a`, `a`, `a (2)` → `a`, `a (3)`, `a (2)`).
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set(names.map(nameKey));
  const kept = new Set<string>();
  return names.map((name) => {
    const key = nameKey(name);
    if (!kept.has(key)) {
      kept.add(key);
      return name;
    }
    return firstFreeName(name, taken);
  });
}
