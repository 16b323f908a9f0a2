import { performance } from 'node:perf_hooks';
import fetch from 'node-fetch';
import { outsideWindow, ServerClock } from './clock';
import { parseEndpoint } from './endpoint';
import { type Body, readEnvelope, ShapeError } from './envelope';
import { isKooDriveError, KooDriveError, type KooDriveErrorInit, type KooDriveErrorKind } from './errors';
import type { CallOptions, ClientOptions, RequestLogEntry } from './options';
import { backoffMs, isRetryable, parseRetryAfter, resolvePolicy, type RetryPolicy, sleep } from './retry';
import { scrub } from './scrub';
import { newTraceId } from './traceId';
import { API_BASE_PATH } from './types';

export type { Body } from './envelope';
export type { CallOptions, ClientOptions, RequestLogEntry } from './options';

/** The HTTP methods the KooDrive API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One API call, as an endpoint function describes it to the pipeline. */
export interface ApiRequest {
  method: Method;
  /** Absolute API path with every id already encoded (see {@link apiPath}); no query. */
  path: string;
  /** Query values; undefined ones are left out. Encoded with URLSearchParams. */
  query?: Record<string, string | number | undefined>;
  /** JSON body; when present, `Content-Type: application/json` is sent (DELETE included). */
  body?: unknown;
  /** Safe to send again after a failure (lists, reads, the album-content removal). */
  idempotent: boolean;
}

/**
 * The API path for `segments` under `/koodrive/ose/v1`, each segment encodeURIComponent'd, so
 * an id holding `/`, `?` or `#` stays inside its own segment.
 */
export function apiPath(...segments: string[]): string {
  return `${API_BASE_PATH}/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/** What one attempt led to. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: KooDriveError; next?: 'date' | 'backoff' };

/** Which attempt this is, and which retries remain after it. */
interface Turn {
  /** 1-based, every request sent counted (for the log). */
  attempt: number;
  mayDateRetry: boolean;
  mayBackoff: boolean;
}

/** What an attempt needs before it can go on the wire. */
interface Ready {
  url: string;
  headers: Record<string, string>;
  /** The instant the X-Date header stands for. */
  stampAt: number;
  /** Kept only for this attempt, to scrub it from anything the server echoes. */
  token: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Header values must be visible ASCII; anything else would be refused by the HTTP stack. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * The request pipeline every endpoint goes through: headers (D1-D5), lossless JSON (D8), the
 * envelope rule (D6), typed errors (D7), a timeout per attempt, cancellation, retries with
 * backoff for requests that are safe to repeat, and the one retry after a rejection that the
 * server's `Date` header shows was caused by our `X-Date` (D2). Holds no token.
 */
export class Http {
  private readonly clock: ServerClock;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;

  constructor(private readonly options: ClientOptions) {
    this.now = options.now ?? Date.now;
    this.clock = new ServerClock(this.now);
    this.policy = resolvePolicy(options.retry);
  }

  /**
   * Sends `request` (retrying as allowed) and hands the success body to `read`, whose result it
   * returns. `read` may throw {@link ShapeError} for a payload of the wrong shape.
   * @throws KooDriveError of any kind; `configuration` before anything is sent. An exception
   * thrown by one of the option callbacks (endpoint, userId, getToken...) propagates unchanged.
   */
  async send<T>(request: ApiRequest, read: (body: Body) => T, call: CallOptions = {}): Promise<T> {
    let dateRetried = false;
    for (let attempt = 1; ; attempt++) {
      // The one date retry (D2) is not one of the policy's attempts.
      const counted = dateRetried ? attempt - 1 : attempt;
      const outcome = await this.attempt(request, read, { attempt, mayDateRetry: !dateRetried, mayBackoff: counted < this.policy.attempts }, call.signal);
      if (outcome.ok) {
        return outcome.value as T;
      }
      if (outcome.next === 'date') {
        dateRetried = true; // the skew was re-learned from this very answer
        continue;
      }
      if (outcome.next !== 'backoff') {
        throw outcome.error;
      }
      const delay = backoffMs(counted, this.policy, this.options.random ?? Math.random, outcome.error.retryAfterMs);
      try {
        await (this.options.sleep ?? sleep)(delay, call.signal);
      } catch {
        throw this.fail(request, { kind: 'cancelled', traceId: outcome.error.traceId, detail: 'cancelled while waiting to retry' });
      }
    }
  }

  private fail(request: ApiRequest, init: Omit<KooDriveErrorInit, 'method' | 'path'>): KooDriveError {
    return new KooDriveError({ ...init, method: request.method, path: request.path });
  }

  /** Endpoint, user id and token, checked; then the URL and headers of one attempt. */
  private async prepare(request: ApiRequest, traceId: string, signal: AbortSignal | undefined): Promise<Ready> {
    // What the callbacks throw themselves (e.g. a settings error of the caller's) propagates unchanged.
    const raw = this.options.endpoint();
    let base: URL;
    try {
      base = parseEndpoint(raw);
    } catch (error) {
      throw this.fail(request, { kind: 'configuration', detail: isKooDriveError(error) ? error.message : 'the KooDrive endpoint is not valid' });
    }
    const userId = this.options.userId()?.trim();
    if (!userId || !HEADER_SAFE.test(userId)) {
      throw this.fail(request, { kind: 'configuration', detail: userId ? 'the KooDrive user id contains characters not allowed in a header' : 'no KooDrive user id is set' });
    }
    const token = (await this.options.getToken())?.trim();
    if (signal?.aborted) {
      throw this.fail(request, { kind: 'cancelled' });
    }
    if (!token || !HEADER_SAFE.test(token)) {
      throw this.fail(request, { kind: 'configuration', detail: token ? 'the access token contains characters not allowed in a header' : 'not signed in (no access token)' });
    }
    const url = new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(key, String(value));
      }
    }
    const stamp = this.clock.stamp();
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      'X-User-Id': userId,
      'X-Date': stamp.header,
      'X-Traceid': traceId,
      Accept: 'application/json',
    };
    const language = this.options.language().trim();
    if (language && HEADER_SAFE.test(language)) {
      headers.language = language;
    }
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return { url: url.toString(), headers, stampAt: stamp.at, token };
  }

  private async attempt(request: ApiRequest, read: (body: Body) => unknown, turn: Turn, signal: AbortSignal | undefined): Promise<Outcome> {
    const { attempt, mayDateRetry, mayBackoff } = turn;
    if (signal?.aborted) {
      throw this.fail(request, { kind: 'cancelled' });
    }
    const traceId = newTraceId();
    const ready = await this.prepare(request, traceId, signal);
    const started = performance.now();
    const log = (outcome: RequestLogEntry['outcome'], status?: number, code?: string, errorKind?: KooDriveErrorKind): void => {
      try {
        this.options.onRequest?.({ method: request.method, path: request.path, status, code, ms: Math.round(performance.now() - started), traceId, attempt, outcome, errorKind });
      } catch {
        // A failing log hook must not change the outcome of the request.
      }
    };
    const decide = (error: KooDriveError, dateRejected = false): Outcome => {
      // A 429 was not carried out, so even a create may be sent again; other failures only when idempotent.
      const repeatable = error.kind === 'throttled' || (request.idempotent && isRetryable(error));
      const next = dateRejected && mayDateRetry ? 'date' : repeatable && mayBackoff ? 'backoff' : undefined;
      log(next ? 'retry' : 'error', error.status, error.code, error.kind);
      return { ok: false, error, next };
    };

    const timeoutMs = clampTimeout(this.options.timeoutMs());
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let status: number;
    let text: string;
    let dateHeader: string | null;
    let retryAfter: string | null;
    try {
      // Redirects are refused: following one could carry the token to another host.
      const response = await fetch(ready.url, {
        method: request.method,
        headers: ready.headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        redirect: 'manual',
      });
      status = response.status;
      dateHeader = response.headers.get('date');
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (cause) {
      const kind: KooDriveErrorKind = signal?.aborted ? 'cancelled' : timedOut ? 'timeout' : 'network';
      const detail = kind === 'timeout' ? `no answer within ${timeoutMs} ms` : kind === 'network' ? networkDetail(cause) : undefined;
      return decide(this.fail(request, { kind, traceId, detail }));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    const serverDate = this.clock.learn(dateHeader);
    const reading = readEnvelope(status, text, (msg) => scrub(msg, ready.token));
    if (reading.ok) {
      try {
        const value = read(reading.body);
        log('ok', status, reading.code);
        return { ok: true, value };
      } catch (error) {
        const detail = error instanceof ShapeError ? error.message : 'the answer could not be read';
        return decide(this.fail(request, { kind: 'badResponse', traceId, status, code: reading.code, detail }));
      }
    }
    const error = this.fail(request, {
      kind: reading.kind,
      traceId,
      status,
      code: reading.code,
      serverMessage: reading.serverMessage,
      detail: reading.detail,
      retryAfterMs: parseRetryAfter(retryAfter, serverDate ?? this.clock.serverNow()),
    });
    const dateRejected = (status === 400 || status === 401) && serverDate !== undefined && outsideWindow(ready.stampAt, serverDate);
    return decide(error, dateRejected);
  }
}

/** Timers take 1 .. 2^31-1 ms (beyond, Node fires after 1 ms); anything unusable means the default. */
function clampTimeout(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.min(Math.max(Math.round(ms), 1), MAX_TIMER_MS) : DEFAULT_TIMEOUT_MS;
}

/** The system error code of a failed connection (ECONNREFUSED, ECONNRESET...), never its text. */
function networkDetail(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'connection failed';
}
