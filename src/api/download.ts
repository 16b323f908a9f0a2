/**
 * Download links (D15): getFile's `downloadLinks[].downloadLink`, which may point to another
 * host. The KooDrive headers go only to the endpoint's own origin; any other origin gets the link
 * bare, as a pre-signed URL. HTTPS except on loopback, no redirects, a size cap per usage.
 */
import { isLoopbackHost } from './endpoint';
import { isKooDriveError, kindFor, type KooDriveError, type KooDriveErrorInit } from './errors';
import { type AttemptLog, type Http, type Outcome, transferFailure, type Turn } from './http';
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

type Fail = (init: Omit<KooDriveErrorInit, 'method' | 'path'>) => KooDriveError;

/** One download, as the attempts see it. */
interface Job {
  url: URL;
  /** The link's path, without its query (a signature): what errors and the log show. */
  request: { method: 'GET'; path: string; idempotent: true };
  sameOrigin: boolean;
  cap: number;
  options: DownloadOptions;
}

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
  const job = plan(http, link, options);
  return http.repeat(job.request, { signal: options.signal }, (turn) => attempt(http, job, turn));
}

/** The link checked, and what its attempts need. @throws KooDriveError `invalidInput`. */
function plan(http: Http, link: string, options: DownloadOptions): Job {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw requestError({ method: '', path: '' }, { kind: 'invalidInput', detail: 'The download link is not an absolute URL.' });
  }
  const request = { method: 'GET', path: url.pathname, idempotent: true } as const;
  const refuse = (detail: string): never => {
    throw requestError(request, { kind: 'invalidInput', detail });
  };
  // http:// only to this computer, and only when the endpoint is on it too: a remote server must
  // not be able to make the extension probe local services with links of its choosing.
  const endpoint = endpointOrigin(http);
  const localEndpoint = endpoint !== undefined && isLoopbackHost(new URL(endpoint).hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname) && localEndpoint)) {
    refuse('the download link must use https:// (http:// only when the endpoint and the link are both on this computer)');
  }
  if (url.username || url.password) {
    refuse('the download link must not contain a user name or password');
  }
  const cap = DOWNLOAD_CAPS[options.usage];
  if (!Object.hasOwn(DOWNLOAD_CAPS, options.usage) || cap === undefined) {
    refuse('the download usage must be "content" or "thumbnail"');
  }
  return { url, request, sameOrigin: endpoint === url.origin, cap, options };
}

/** The configured endpoint's origin; undefined when it is unusable (then it matches nothing). */
function endpointOrigin(http: Http): string | undefined {
  try {
    return http.preparation.endpoint((init) => requestError({ method: '', path: '' }, init)).origin;
  } catch (error) {
    if (isKooDriveError(error)) {
      return undefined;
    }
    throw error;
  }
}

async function attempt(http: Http, job: Job, turn: Turn): Promise<Outcome<Downloaded>> {
  const { request, options } = job;
  if (options.signal?.aborted) {
    throw requestError(request, { kind: 'cancelled' });
  }
  const traceId = job.sameOrigin ? http.traceIds.next() : '';
  const headers = job.sameOrigin ? (await http.preparation.sign(traceId, options.signal, (init) => requestError(request, init))).headers : {};
  const log = http.logger(request, traceId, turn.attempt);
  const fail: Fail = (init) => requestError(request, { ...init, traceId });
  const timeoutMs = http.timeoutMs();
  let status: number | undefined;
  try {
    const opened = await http.transport.open(job.url.href, { method: 'GET', headers, timeoutMs, timeoutScope: 'idle', signal: options.signal, compress: false });
    status = opened.status;
    const refusal = refusalOf(opened, job);
    if (refusal) {
      opened.discard();
      return http.decide(request, fail(refusal), turn, log);
    }
    return await receive(opened, job, log);
  } catch (error) {
    return http.decide(request, downloadFailure(error, status, timeoutMs, job, fail), turn, log);
  }
}

async function receive(opened: Opened, job: Job, log: AttemptLog): Promise<Outcome<Downloaded>> {
  const total = declaredLength(opened);
  const onProgress = job.options.onProgress;
  const bytes = await opened.read(job.cap, onProgress && ((received) => onProgress(received, total)));
  log('ok', opened.status);
  return { ok: true, value: { bytes, contentType: opened.header('content-type') ?? undefined } };
}

/** Why an answer whose headers arrived is not read: a redirect, an error status, a size over the cap. */
function refusalOf(opened: Opened, job: Job): Omit<KooDriveErrorInit, 'method' | 'path'> | undefined {
  const { status } = opened;
  if (status >= 300 && status < 400) {
    return { kind: 'badResponse', status, detail: 'the download link answered with a redirect, which is never followed' };
  }
  if (status < 200 || status >= 300) {
    // Another origin's 401 is a refused (perhaps expired) pre-signed link, not our session.
    const kind = status === 401 && !job.sameOrigin ? 'notPermitted' : kindFor(status, undefined);
    return { kind, status, detail: STATUS_TEXT[kind] };
  }
  if ((declaredLength(opened) ?? 0) > job.cap) {
    return { kind: 'tooLarge', status, detail: tooLargeText(job) };
  }
  return undefined;
}

const STATUS_TEXT: Partial<Record<string, string>> = {
  sessionExpired: 'the session is no longer valid',
  notPermitted: 'the download was refused (the link may have expired)',
  notFound: 'the file was not found',
};

function tooLargeText(job: Job): string {
  return `the ${job.options.usage === 'thumbnail' ? 'thumbnail' : 'file'} is larger than ${job.cap / MB} MB`;
}

/** The KooDriveError of a download that ended without all its bytes. */
function downloadFailure(error: unknown, status: number | undefined, timeoutMs: number, job: Job, fail: Fail): KooDriveError {
  if (error instanceof TransferError && error.failure === 'tooLarge') {
    return fail({ kind: 'tooLarge', status, detail: tooLargeText(job) });
  }
  if (error instanceof TransferError && error.failure === 'timeout') {
    return fail({ kind: 'timeout', detail: `no data for ${timeoutMs} ms` });
  }
  return transferFailure(error, status, timeoutMs, fail);
}
