import fetch, { type Response } from 'node-fetch';
import { outsideWindow, ServerClock } from './clock';
import { parseEndpoint } from './endpoint';
import { KooDriveError, type KooDriveErrorKind, kindFor } from './errors';
import { parseLossless } from './json';
import { backoffMs, defaultRetryPolicy, isRetryable, parseRetryAfter, type RetryPolicy, sleep } from './retry';
import { newTraceId } from './traceId';
import type { Envelope } from './types';

/** How the client reaches KooDrive. Every value is read per request, so settings may change. */
export interface ClientOptions {
  endpoint: () => string;
  userId: () => string | undefined;
  /** Called per request; the token is never kept on any object. */
  getToken: () => Promise<string | undefined>;
  language: () => string;
  timeoutMs: () => number;
  onRequest?: (entry: RequestLogEntry) => void;
  retry?: Partial<RetryPolicy>;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** One line of the request log: no token, no headers, no bodies. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status?: number;
  code?: string;
  ms: number;
  traceId: string;
  attempt: number;
  outcome: 'ok' | 'error' | 'retry';
  errorKind?: KooDriveErrorKind;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRequest {
  method: Method;
  /** Absolute API path with every id already encoded (see {@link apiPath}). */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Safe to send again after a failure (lists, reads, the idempotent album-content removal). */
  idempotent: boolean;
}

/** Joins path segments under the API base, encoding each dynamic segment. */
export function apiPath(...segments: string[]): string {
  return `/koodrive/ose/v1/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/** One attempt's failure; `dateRejected` when the server's clock shows our X-Date was outside its window. */
class AttemptFailure extends Error {
  constructor(
    readonly error: KooDriveError,
    readonly dateRejected: boolean,
  ) {
    super(error.message);
  }
}

/**
 * The request pipeline every endpoint goes through: headers (D1-D5), lossless JSON (D8), the
 * envelope rule (D6), typed errors (D7), timeouts, cancellation, and retries with backoff for
 * requests that are safe to repeat, plus the one retry after a rejection caused by the date (D2).
 */
export class Http {
  private readonly clock: ServerClock;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;

  constructor(private readonly options: ClientOptions) {
    this.now = options.now ?? Date.now;
    this.clock = new ServerClock(this.now);
    this.policy = { ...defaultRetryPolicy, ...options.retry };
  }

  /** Sends `request` and returns the parsed success envelope. Throws {@link KooDriveError}. */
  async send<T extends Envelope>(request: ApiRequest, call: CallOptions = {}): Promise<T> {
    let dateRetried = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.attempt(request, attempt, call.signal)) as T;
      } catch (failure) {
        if (!(failure instanceof AttemptFailure)) {
          throw failure;
        }
        const { error } = failure;
        if (failure.dateRejected && !dateRetried) {
          dateRetried = true; // the skew was just re-learned from this very answer
          continue;
        }
        if (!request.idempotent || !isRetryable(error) || attempt >= this.policy.attempts) {
          throw error;
        }
        const delay = backoffMs(attempt, this.policy, this.options.random ?? Math.random, error.retryAfterMs);
        try {
          await (this.options.sleep ?? sleep)(delay, call.signal);
        } catch {
          throw this.error('cancelled', request, error.traceId);
        }
      }
    }
  }

  private error(kind: KooDriveErrorKind, request: ApiRequest, traceId: string, extra: Partial<ConstructorParameters<typeof KooDriveError>[0]> = {}): KooDriveError {
    return new KooDriveError({ kind, method: request.method, path: request.path, traceId, ...extra });
  }

  private async attempt(request: ApiRequest, attempt: number, signal: AbortSignal | undefined): Promise<Envelope> {
    const traceId = newTraceId();
    if (signal?.aborted) {
      throw this.error('cancelled', request, traceId);
    }
    const base = parseEndpoint(this.options.endpoint());
    const userId = this.options.userId();
    const token = await this.options.getToken();
    if (!userId || !token) {
      throw this.error('configuration', request, traceId, { detail: !userId ? 'no KooDrive user id is set' : 'not signed in (no access token)' });
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
      language: this.options.language(),
      Accept: 'application/json',
    };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    const started = this.now();
    const log = (outcome: RequestLogEntry['outcome'], status?: number, code?: string, errorKind?: KooDriveErrorKind): void =>
      this.options.onRequest?.({ method: request.method, path: request.path, status, code, ms: this.now() - started, traceId, attempt, outcome, errorKind });

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs());
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    let text: string;
    try {
      // Redirects are refused: following one could carry the token to another host.
      response = await fetch(url.toString(), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        redirect: 'manual',
      });
      text = await response.text();
    } catch (cause) {
      const kind: KooDriveErrorKind = signal?.aborted ? 'cancelled' : timedOut ? 'timeout' : 'network';
      const code = (cause as { code?: string }).code;
      const error = this.error(kind, request, traceId, { detail: kind === 'network' ? (code ?? 'connection failed') : undefined });
      log(this.willRetry(request, error, attempt) ? 'retry' : 'error', undefined, undefined, kind);
      throw new AttemptFailure(error, false);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    return this.interpret(request, response, text, stamp.at, traceId, attempt, log);
  }

  private interpret(request: ApiRequest, response: Response, text: string, stampAt: number, traceId: string, attempt: number, log: (outcome: RequestLogEntry['outcome'], status?: number, code?: string, errorKind?: KooDriveErrorKind) => void): Envelope {
    const serverTime = this.clock.learn(response.headers.get('date'));
    let body: Envelope | undefined;
    try {
      const parsed = parseLossless(text);
      body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Envelope) : undefined;
    } catch {
      body = undefined;
    }
    const code = body?.code === undefined || body.code === null ? undefined : String(body.code);
    const status = response.status;
    if (status >= 200 && status < 300 && body && Number(code) === 0) {
      log('ok', status, code);
      return body;
    }
    let kind: KooDriveErrorKind;
    if (status >= 300 && status < 400) {
      kind = 'badResponse';
    } else if (status >= 200 && status < 300) {
      kind = body === undefined || code === undefined ? 'badResponse' : kindFor(400, code);
    } else {
      kind = kindFor(status, code);
    }
    const error = this.error(kind, request, traceId, {
      status,
      code,
      serverMessage: typeof body?.msg === 'string' ? body.msg.slice(0, 300) : undefined,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.now()),
      detail: body === undefined && !(status >= 500) ? 'the answer was not JSON' : undefined,
    });
    const dateRejected = (status === 400 || status === 401) && serverTime !== undefined && outsideWindow(stampAt, serverTime);
    log(dateRejected || this.willRetry(request, error, attempt) ? 'retry' : 'error', status, code, kind);
    throw new AttemptFailure(error, dateRejected);
  }

  private willRetry(request: ApiRequest, error: KooDriveError, attempt: number): boolean {
    return request.idempotent && isRetryable(error) && attempt < this.policy.attempts;
  }
}
