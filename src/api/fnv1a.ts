/**
 * FNV-1a, 32 bits, over the UTF-16 code units of `text`: a short, stable, fast fingerprint (not
 * a secure hash). Unsigned. Used for the batch engine's de-duplication table and for tags and
 * fingerprints of accounts.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}
