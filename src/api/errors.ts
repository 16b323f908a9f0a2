/**
 * Typed failures of the KooDrive client (D7). Callers branch on `kind`, never on message text.
 * No field of an error, nor its message or stack, ever holds the access token: the pipeline
 * never passes the token here, and scrubs it from anything the server echoes.
 */
export type KooDriveErrorKind =
  /** HTTP 401: the token (or the user id / date pair) was not accepted; sign in again. */
  | 'sessionExpired'
  /** Code 13000410 or HTTP 403: the caller may not do this (e.g. not the owner). */
  | 'notPermitted'
  /** Code 13000309 or HTTP 404: the album, folder, invitation... does not exist. */
  | 'notFound'
  /** Any other rejection of the request (HTTP 400, code 13000102), or input refused locally. */
  | 'invalidInput'
  /** HTTP 429. */
  | 'throttled'
  /** HTTP 5xx, or code 13000201 (the reference's general server error) whatever the status. */
  | 'server'
  /** The connection was refused, reset or dropped. */
  | 'network'
  /** No complete answer within the configured time. */
  | 'timeout'
  /** The caller's AbortSignal fired. */
  | 'cancelled'
  /** The answer could not be read: not JSON, HTML, a redirect, or a payload of the wrong shape. */
  | 'badResponse'
  /** A download larger than allowed (D15: 50 MB for content, 2 MB for a thumbnail); not retried. */
  | 'tooLarge'
  /** A saved file's bytes do not match getFile's `size` or `sha256` (D22); nothing was kept; not retried. */
  | 'integrity'
  /** The local file system refused a saved file (ENOSPC, EACCES, EROFS, EEXIST…, in `systemCode`); not retried. */
  | 'disk'
  /** getFile gives nothing to download for the file (a folder, or no content link or size). */
  | 'noContent'
  /** The client cannot send at all: bad endpoint, no user id, no token. */
  | 'configuration';

/** Everything a KooDriveError is made of; only kind, method and path are required. */
export interface KooDriveErrorInit {
  kind: KooDriveErrorKind;
  /** HTTP method, or '' when the failure is not about one request (endpoint validation). */
  method: string;
  /** Path without the query string (never a token: tokens only travel in a header). */
  path: string;
  /** Trace id of the attempt that failed; '' when nothing was sent. */
  traceId?: string;
  status?: number;
  code?: string;
  serverMessage?: string;
  retryAfterMs?: number;
  /** The operating system's error code of a `disk` failure (`ENOSPC`…): never a path, which may name the user. */
  systemCode?: string;
  /** Extra English text for the message (what was wrong locally, the network error code...). */
  detail?: string;
}

/**
 * A failed KooDrive call. `message` is readable English naming the request, the HTTP status,
 * the result code, the server's `msg` and the trace id, e.g.
 * `GET /koodrive/ose/v1/album/list failed: HTTP 401, code 13000100: X-Date is in the future. (trace id 3f…)`.
 */
export class KooDriveError extends Error {
  readonly kind: KooDriveErrorKind;
  readonly method: string;
  readonly path: string;
  /** The `X-Traceid` of the failed attempt, to hand to support; '' when nothing was sent. */
  readonly traceId: string;
  readonly status?: number;
  /** The envelope's `code`, as a string (it may arrive as a number or a string, §7.29). */
  readonly code?: string;
  /** The envelope's `msg`, shown but never compared (D6). */
  readonly serverMessage?: string;
  /** The server's `Retry-After`, in ms, when it sent one. */
  readonly retryAfterMs?: number;
  /** The operating system's error code of a `disk` failure, e.g. `ENOSPC`; `EEXIST` when a file appeared where one was to be created. */
  readonly systemCode?: string;

  constructor(init: KooDriveErrorInit) {
    super(describe(init));
    this.name = 'KooDriveError';
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.traceId = init.traceId ?? '';
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.systemCode = init.systemCode;
  }
}

const phrases: Record<KooDriveErrorKind, string> = {
  sessionExpired: 'the session is no longer valid',
  notPermitted: 'not permitted',
  notFound: 'not found',
  invalidInput: 'invalid input',
  throttled: 'too many requests',
  server: 'server error',
  network: 'network error',
  timeout: 'no answer in time',
  cancelled: 'cancelled',
  badResponse: 'the answer could not be read',
  tooLarge: 'the file is too large',
  integrity: 'the downloaded bytes do not match the file',
  disk: 'the file could not be written to disk',
  noContent: 'nothing to download',
  configuration: 'configuration problem',
};

function describe(init: KooDriveErrorInit): string {
  const sent = Boolean(init.traceId);
  let what: string;
  if (init.status !== undefined) {
    what = `HTTP ${init.status}${init.code !== undefined ? `, code ${init.code}` : ''}`;
    const text = init.serverMessage || init.detail;
    what += text ? `: ${text}` : '';
  } else {
    what = init.detail ?? phrases[init.kind];
    if (init.kind === 'network' && init.detail) {
      what = `network error (${init.detail})`;
    }
    if (init.kind === 'disk' && init.systemCode) {
      what = `disk error (${init.systemCode})`;
    }
  }
  if (!init.method) {
    return what;
  }
  // Only a local refusal means nothing was sent; a bare download has no trace id yet was sent.
  const refusedLocally = !sent && init.status === undefined && (init.kind === 'configuration' || init.kind === 'invalidInput');
  const verb = refusedLocally ? 'was not sent' : 'failed';
  return `${init.method} ${init.path} ${verb}: ${what}${sent ? ` (trace id ${init.traceId})` : ''}`;
}

/**
 * True for errors of this client. Checked by shape, not `instanceof`, so it holds across two
 * copies of this module (the bundled extension and its tests).
 */
export function isKooDriveError(error: unknown): error is KooDriveError {
  return error instanceof Error && error.name === 'KooDriveError' && typeof (error as { kind?: unknown }).kind === 'string';
}

/** True when `error` is a {@link KooDriveError} of the given kind. */
export function isKind<K extends KooDriveErrorKind>(error: unknown, kind: K): error is KooDriveError & { kind: K } {
  return isKooDriveError(error) && error.kind === kind;
}

/** The documented and emulator-chosen codes that decide a kind, whatever the HTTP status. */
const kindByCode: Record<string, KooDriveErrorKind> = {
  // INNER_INVOKE_FAILURE, "server error (general)" in §1.7, though it comes with HTTP 400.
  '13000201': 'server',
  '13000410': 'notPermitted',
  '13000309': 'notFound',
  '13000102': 'invalidInput',
};

/**
 * Classifies an answer that is not a success (D7): 401 session, 429 throttled, 5xx server,
 * then the codes 13000201 / 13000410 / 13000309 / 13000102, then 403 / 404, else invalidInput.
 */
export function kindFor(status: number, code: string | undefined): KooDriveErrorKind {
  if (status === 401) {
    return 'sessionExpired';
  }
  if (status === 429) {
    return 'throttled';
  }
  if (status >= 500) {
    return 'server';
  }
  const byCode = code === undefined ? undefined : kindByCode[code];
  if (byCode) {
    return byCode;
  }
  if (status === 403) {
    return 'notPermitted';
  }
  if (status === 404) {
    return 'notFound';
  }
  return 'invalidInput';
}
