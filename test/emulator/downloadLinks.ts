/**
 * The `downloadLink` URLs of getFile (D15). In same-origin mode they point at the API's own
 * origin, where a download needs the caller's token. In separate mode they point at the second
 * origin as pre-signed URLs: `?expires=<epoch s>&sig=<HMAC-SHA256 of path and expiry>`, signed
 * with a secret of this emulator only, valid for an hour on the emulator's clock.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Usage } from './fileContent';

/** Where downloads are served: beside the API, or on a second origin with pre-signed URLs. */
export type DownloadsMode = 'same-origin' | 'separate';

/** The path prefix of downloads, outside the API base path and outside `/__emulator/`. */
export const FILES_PREFIX = '/__files';

const VALIDITY_S = 3600;

/** Why a pre-signed URL was refused. */
export type SignatureProblem = 'missing' | 'expired' | 'invalid';

export class DownloadLinks {
  private readonly secret = randomBytes(32);
  /** The API origin, then the downloads origin in separate mode; set once the sockets listen. */
  private origins: { main: string; downloads?: string } = { main: 'http://127.0.0.1' };

  constructor(
    readonly mode: DownloadsMode,
    private readonly now: () => number,
  ) {}

  listening(main: string, downloads?: string): void {
    this.origins = { main, downloads };
  }

  /** The URL of a file's `usage` bytes. */
  link(fileId: string, usage: Usage): string {
    const path = `${FILES_PREFIX}/${usage}/${encodeURIComponent(fileId)}`;
    if (this.mode === 'same-origin' || !this.origins.downloads) {
      return `${this.origins.main}${path}`;
    }
    const expires = String(Math.floor(this.now() / 1000) + VALIDITY_S);
    return `${this.origins.downloads}${path}?expires=${expires}&sig=${this.sign(path, expires)}`;
  }

  /** Checks a pre-signed request: `path` exactly as requested (still percent-encoded). */
  verify(path: string, expires: string | undefined, sig: string | undefined): SignatureProblem | undefined {
    if (!expires || !sig) {
      return 'missing';
    }
    const expected = Buffer.from(this.sign(path, expires), 'hex');
    const given = /^[0-9a-f]{64}$/.test(sig) ? Buffer.from(sig, 'hex') : Buffer.alloc(0);
    if (given.length !== expected.length || !timingSafeEqual(given, expected) || !/^\d{1,12}$/.test(expires)) {
      return 'invalid';
    }
    return Number(expires) * 1000 < this.now() ? 'expired' : undefined;
  }

  private sign(path: string, expires: string): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('hex');
  }
}
