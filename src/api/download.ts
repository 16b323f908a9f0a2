/**
 * Downloads into memory (D15), for previews: a link of getFile read whole, under a size cap per
 * usage. The link rules (credentials, HTTPS, no redirects) are link.ts's.
 */
import type { Http } from './http';
import { attemptLink, checkLink, type Fail, type Reader } from './link';
import { requestError } from './request';
import { declaredLength, type Opened, TransferError } from './transfer';

/** What to download, and how to follow it. */
export interface DownloadOptions {
  /** The link's `usage` in getFile's `downloadLinks`: it decides the size cap. */
  usage: 'content' | 'thumbnail';
  /** Aborting it fails the download with kind `cancelled`. */
  signal?: AbortSignal;
  /** Called as bytes arrive, with the count so far and the announced size when there is one. */
  onProgress?: (received: number, total: number | undefined) => void;
}

/** A downloaded file. */
export interface Downloaded {
  bytes: Buffer;
  contentType?: string;
}

const MB = 2 ** 20;

/** The largest download of each usage (D15): larger ones fail with kind `tooLarge`. */
export const DOWNLOAD_CAPS: Readonly<Record<DownloadOptions['usage'], number>> = { content: 50 * MB, thumbnail: 2 * MB };

/**
 * Downloads a file from a `downloadLink` (D15). To the endpoint's own origin (same scheme, host
 * and port) it sends `Authorization`, `X-User-Id`, `X-Date` and `X-Traceid`; to any other origin
 * nothing of KooDrive's. Retried like a read. The per-attempt timeout covers the wait for the
 * headers and each gap between chunks, not the whole file. Errors and the log name the link's
 * path only, never its query.
 * @throws KooDriveError `invalidInput` before anything is sent for a link that is not an absolute
 * `https://` URL (or `http://` on a loopback host) or holds credentials, or an unknown usage;
 * `tooLarge` for more than 50 MB of content or 2 MB of thumbnail (from Content-Length, else as
 * soon as the count passes the cap); `badResponse` for a redirect; `sessionExpired` for a 401
 * from the endpoint's origin; `notPermitted` / `notFound` for 403 (or another origin's 401) / 404;
 * `network`, `timeout`, `cancelled`, `throttled`, `server` as for any call.
 */
export async function download(http: Http, link: string, options: DownloadOptions): Promise<Downloaded> {
  const checked = checkLink(http, link);
  const cap = DOWNLOAD_CAPS[options.usage];
  if (!Object.hasOwn(DOWNLOAD_CAPS, options.usage) || cap === undefined) {
    throw requestError(checked.request, { kind: 'invalidInput', detail: 'the download usage must be "content" or "thumbnail"' });
  }
  const reader = inMemory(cap, options);
  return http.repeat(checked.request, { signal: options.signal }, (turn) => attemptLink(http, checked, turn, options.signal, reader));
}

/** Reads the whole body, refusing more than `cap` bytes as soon as they are announced or arrive. */
function inMemory(cap: number, options: DownloadOptions): Reader<Downloaded> {
  const tooLarge = (status: number | undefined): Parameters<Fail>[0] => ({
    kind: 'tooLarge',
    status,
    detail: `the ${options.usage === 'thumbnail' ? 'thumbnail' : 'file'} is larger than ${cap / MB} MB`,
  });
  return {
    refuse: (opened) => ((declaredLength(opened) ?? 0) > cap ? tooLarge(opened.status) : undefined),
    receive: async (opened: Opened) => {
      const total = declaredLength(opened);
      const onProgress = options.onProgress;
      const bytes = await opened.read(cap, onProgress && ((received) => onProgress(received, total)));
      return { bytes, contentType: opened.header('content-type') ?? undefined };
    },
    failure: (error, status, fail) => (error instanceof TransferError && error.failure === 'tooLarge' ? fail(tooLarge(status)) : undefined),
  };
}
