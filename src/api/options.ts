import type { KooDriveErrorKind } from './errors';
import type { RetryPolicy } from './retry';

/**
 * How the client reaches KooDrive. Every callback is read per request, so settings may change
 * between calls; the token in particular is never kept on any object. What a callback throws
 * propagates unchanged; what it returns is validated (kind `configuration` when unusable).
 */
export interface ClientOptions {
  /** The base URL, validated on every request (D13). */
  endpoint: () => string;
  /** Sent as `X-User-Id`. */
  userId: () => string | undefined;
  /** Called once per attempt; undefined means "not signed in" (kind `configuration`). */
  getToken: () => Promise<string | undefined>;
  /** Sent as `language` (D5), e.g. `en-US`; an empty value leaves the header out. */
  language: () => string;
  /** Per-attempt timeout, in ms; clamped to 1 .. 2^31-1, and 30 s when not a positive number. */
  timeoutMs: () => number;
  /** Called once per attempt with a line for the log: no token, no headers, no bodies. */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * Called at most once per answer that was read despite something odd in it, with one line for
   * the log, e.g. `GET /koodrive/ose/v1/album/list: 2 rows without an id were left out`. Holds no
   * token and no field values. What it throws is ignored.
   */
  onAnomaly?: (text: string) => void;
  retry?: Partial<RetryPolicy>;
  /** Local clock (ms since the epoch); default `Date.now`. */
  now?: () => number;
  /** Backoff sleep; must reject when `signal` aborts. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1); default `Math.random`. */
  random?: () => number;
}

/** Per-call options every client method takes last. */
export interface CallOptions {
  /** Aborting it fails the call with kind `cancelled`, which is never retried. */
  signal?: AbortSignal;
  /**
   * Aborting it stops the call from sending anything more, but never aborts a request already on
   * the wire, so a caller knows what the server did: a backoff wait ends at once and the call
   * fails with its last attempt's error; before the first request is sent, with kind `cancelled`.
   */
  stop?: AbortSignal;
}

/** One attempt of one request, for the log. */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Absent when no answer arrived (network error, timeout, cancel). */
  status?: number;
  code?: string;
  /** Duration of the attempt. */
  ms: number;
  traceId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** `retry` when the pipeline is about to send the request again. */
  outcome: 'ok' | 'error' | 'retry';
  errorKind?: KooDriveErrorKind;
}
