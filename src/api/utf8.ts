/** Lengths in UTF-8, as file systems count a name's bytes. */

/** The most UTF-8 bytes of one file name: ext4, APFS and others count bytes; NTFS's 255 UTF-16 units are never fewer. */
export const MAX_NAME_BYTES = 255;

/** The longest start of `text` of at most `maxBytes` UTF-8 bytes that ends between two code points. */
export function cutUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const point of text) {
    bytes += Buffer.byteLength(point);
    if (bytes > maxBytes) {
      break;
    }
    end += point.length;
  }
  return text.slice(0, end);
}
