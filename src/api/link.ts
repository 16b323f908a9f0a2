/**
 * Fetching a download link (D15, D22): getFile's `downloadLinks[].downloadLink`, which may point
 * to another host. What every use of a link shares, whether it is read into memory (download.ts)
 * or saved to disk (save.ts): the link checks, the credential rule (the KooDrive headers only to
 * the endpoint's own origin, any other origin gets the link bare, as a pre-signed URL), no
 * redirects, an idle timeout per attempt, and the refusal of error statuses.
 */
import { isLoopbackHost } from './endpoint';
import { isKooDriveError, kindFor, type KooDriveError, type KooDriveErrorInit } from './errors';
import { type Http, type Outcome, transferFailure, type Turn } from './http';
import { requestError } from './request';
import { type Opened, TransferError } from './transfer';

/** Makes the KooDriveError of one attempt, naming the link's path and the attempt's trace id. */
export type Fail = (init: Omit<KooDriveErrorInit, 'method' | 'path'>) => KooDriveError;

/** Why an answer whose headers arrived is not read. */
export type Refusal = Omit<KooDriveErrorInit, 'method' | 'path'>;

/** A checked link, as its attempts see it. */
export interface Link {
  url: URL;
  /** The link's path, without its query (a signature): what errors and the log show. */
  request: { method: 'GET'; path: string; idempotent: true };
  /** Same scheme, host and port as the configured endpoint: only then are credentials sent. */
  sameOrigin: boolean;
}

/** What one attempt does with an answer once its status is a success. */
export interface Reader<T> {
  /** Refuses an answer on its headers alone (a size over a cap), before its body is read. */
  refuse?(opened: Opened): Refusal | undefined;
  /** Reads the body. A KooDriveError it throws is the attempt's; anything else is the exchange's failure. */
  receive(opened: Opened, fail: Fail): Promise<T>;
  /** The KooDriveError of an exchange failure this reader knows better than {@link linkFailure}. */
  failure?(error: unknown, status: number | undefined, fail: Fail): KooDriveError | undefined;
}

/**
 * Checks `link`: an absolute `https://` URL, or `http://` to this computer when the endpoint is
 * on it too (a remote server must not be able to make the extension probe local services with
 * links of its choosing), without a user name or password.
 * @throws KooDriveError `invalidInput`, before anything is sent.
 */
export function checkLink(http: Http, link: string): Link {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw requestError({ method: '', path: '' }, { kind: 'invalidInput', detail: 'The download link is not an absolute URL.' });
  }
  const request = { method: 'GET', path: url.pathname, idempotent: true } as const;
  const endpoint = endpointOrigin(http);
  const localEndpoint = endpoint !== undefined && isLoopbackHost(new URL(endpoint).hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname) && localEndpoint)) {
    throw requestError(request, { kind: 'invalidInput', detail: 'the download link must use https:// (http:// only when the endpoint and the link are both on this computer)' });
  }
  if (url.username || url.password) {
    throw requestError(request, { kind: 'invalidInput', detail: 'the download link must not contain a user name or password' });
  }
  return { url, request, sameOrigin: endpoint === url.origin };
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

/**
 * One attempt at `link`: to the endpoint's own origin it sends `Authorization`, `X-User-Id`,
 * `X-Date` and `X-Traceid`, to any other nothing of KooDrive's; redirects and error statuses are
 * refused, then `reader` reads the body. The timeout covers the wait for the headers and each gap
 * between chunks. Every outcome goes through {@link Http.decide}, so failures are retried like a read.
 * @throws KooDriveError `cancelled` when `signal` already aborted, or what signing throws (`configuration`).
 */
export async function attemptLink<T>(http: Http, link: Link, turn: Turn, signal: AbortSignal | undefined, reader: Reader<T>): Promise<Outcome<T>> {
  const { request } = link;
  if (signal?.aborted) {
    throw requestError(request, { kind: 'cancelled' });
  }
  const traceId = link.sameOrigin ? http.traceIds.next() : '';
  const headers = link.sameOrigin ? (await http.preparation.sign(traceId, signal, (init) => requestError(request, init))).headers : {};
  const log = http.logger(request, traceId, turn.attempt);
  const fail: Fail = (init) => requestError(request, { ...init, traceId });
  const timeoutMs = http.timeoutMs();
  let status: number | undefined;
  try {
    const opened = await http.transport.open(link.url.href, { method: 'GET', headers, timeoutMs, timeoutScope: 'idle', signal, compress: false });
    status = opened.status;
    const refusal = statusRefusal(opened, link.sameOrigin) ?? reader.refuse?.(opened);
    if (refusal) {
      opened.discard();
      return http.decide(request, fail(refusal), turn, log);
    }
    const value = await reader.receive(opened, fail);
    log('ok', status);
    return { ok: true, value };
  } catch (error) {
    const failure = isKooDriveError(error) ? error : (reader.failure?.(error, status, fail) ?? linkFailure(error, status, timeoutMs, fail));
    return http.decide(request, failure, turn, log);
  }
}

/** A redirect (never followed: it could carry the token elsewhere) or an error status. */
function statusRefusal(opened: Opened, sameOrigin: boolean): Refusal | undefined {
  const { status } = opened;
  if (status >= 300 && status < 400) {
    return { kind: 'badResponse', status, detail: 'the download link answered with a redirect, which is never followed' };
  }
  if (status < 200 || status >= 300) {
    // Another origin's 401 is a refused (perhaps expired) pre-signed link, not our session.
    const kind = status === 401 && !sameOrigin ? 'notPermitted' : kindFor(status, undefined);
    return { kind, status, detail: STATUS_TEXT[kind] };
  }
  return undefined;
}

const STATUS_TEXT: Partial<Record<string, string>> = {
  sessionExpired: 'the session is no longer valid',
  notPermitted: 'the download was refused (the link may have expired)',
  notFound: 'the file was not found',
};

/** The KooDriveError of a link's exchange that ended without all its bytes: a gap is "no data". */
export function linkFailure(error: unknown, status: number | undefined, timeoutMs: number, fail: Fail): KooDriveError {
  if (error instanceof TransferError && error.failure === 'timeout') {
    return fail({ kind: 'timeout', detail: `no data for ${timeoutMs} ms` });
  }
  return transferFailure(error, status, timeoutMs, fail);
}
