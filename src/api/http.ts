import { outsideWindow, ServerClock } from './clock';
import { type Body, readEnvelope, ShapeError, takeAnomalies } from './envelope';
import type { KooDriveError, KooDriveErrorInit, KooDriveErrorKind } from './errors';
import type { CallOptions, ClientOptions, RequestLogEntry } from './options';
import { type ApiRequest, Preparation, queryString, requestError, type Signed } from './request';
import { backoffMs, isRetryable, parseRetryAfter, resolvePolicy, type RetryPolicy, sleep } from './retry';
import { scrub } from './scrub';
import { TraceIds } from './traceId';
import { declaredLength, TransferError, Transport } from './transfer';

export type { Body } from './envelope';
export type { CallOptions, ClientOptions, RequestLogEntry } from './options';
export { type ApiRequest, apiPath, type Method } from './request';

/** The largest answer the client reads, after decoding (D16): anything larger is unreadable. */
export const MAX_ANSWER_BYTES = 16 * 2 ** 20;

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What one attempt led to. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: KooDriveError; next?: 'date' | 'backoff' };

/** Which attempt this is, and which retries remain after it. */
export interface Turn {
  /** 1-based, every request sent counted (for the log). */
  attempt: number;
  mayDateRetry: boolean;
  mayBackoff: boolean;
  /** False once an unreadable 2xx was retried: one more try is worth it, two are not. */
  mayRetryUnreadable: boolean;
}

/** Writes the log entry of one attempt. */
export type AttemptLog = (outcome: RequestLogEntry['outcome'], status?: number, code?: string, errorKind?: KooDriveErrorKind) => void;

/** A complete answer, as read off the wire. */
interface Answer {
  status: number;
  date: string | null;
  retryAfter: string | null;
  text: string;
}

type Fail = (init: Omit<KooDriveErrorInit, 'method' | 'path'>) => KooDriveError;

/**
 * The request pipeline every endpoint goes through: headers (D1-D5), lossless JSON (D8), the
 * envelope rule (D6), typed errors (D7), a timeout per attempt, a 16 MB cap on answers (D16),
 * cancellation, retries with backoff for requests that are safe to repeat, and the one retry
 * after a rejection that the server's `Date` header shows was caused by our `X-Date` (D2).
 * Holds no token.
 */
export class Http {
  readonly clock: ServerClock;
  readonly transport = new Transport();
  readonly traceIds = new TraceIds();
  readonly preparation: Preparation;
  private readonly policy: RetryPolicy;

  constructor(readonly options: ClientOptions) {
    this.clock = new ServerClock(options.now ?? Date.now);
    this.preparation = new Preparation(options, this.clock);
    this.policy = resolvePolicy(options.retry);
  }

  /**
   * Sends `request` (retrying as allowed) and hands the success body to `read`, whose result it
   * returns. `read` may throw {@link ShapeError} for a payload of the wrong shape.
   * @throws KooDriveError of any kind; `configuration` before anything is sent. An exception
   * thrown by one of the option callbacks (endpoint, userId, getToken...) propagates unchanged.
   */
  send<T>(request: ApiRequest, read: (body: Body) => T, call: CallOptions = {}): Promise<T> {
    return this.repeat(request, call, (turn) => this.attempt(request, read, turn, call.signal, call.stop)) as Promise<T>;
  }

  /**
   * Runs `attempt` until it succeeds or may not be repeated: the one date retry (D2) at once,
   * backoff retries after a sleep that the caller's `signal` or `stop` cuts short. Once `stop`
   * aborts, nothing more is sent, but an attempt on the wire is never aborted by it.
   * @throws the last attempt's KooDriveError (also when `stop` ended the retries), or `cancelled`
   * when the signal aborted, or `stop` did before anything was sent.
   */
  async repeat<T>(request: { method: string; path: string }, call: CallOptions, attempt: (turn: Turn) => Promise<Outcome<T>>): Promise<T> {
    let dateRetried = false;
    let unreadableRetried = false;
    let last: KooDriveError | undefined;
    for (let count = 1; ; count++) {
      // The one date retry (D2) is not one of the policy's attempts.
      const counted = dateRetried ? count - 1 : count;
      const turn = { attempt: count, mayDateRetry: !dateRetried, mayBackoff: counted < this.policy.attempts, mayRetryUnreadable: !unreadableRetried };
      const outcome = await (call.stop ? this.unlessStopped(request, call.stop, last, () => attempt(turn)) : attempt(turn));
      if (outcome.ok) {
        return outcome.value;
      }
      last = outcome.error;
      if (outcome.next === 'date') {
        dateRetried = true; // the skew was re-learned from this very answer
        continue;
      }
      if (outcome.next !== 'backoff') {
        throw outcome.error;
      }
      unreadableRetried ||= isUnreadableSuccess(outcome.error);
      const delay = backoffMs(counted, this.policy, this.options.random ?? Math.random, outcome.error.retryAfterMs);
      try {
        await (this.options.sleep ?? sleep)(delay, either(call.signal, call.stop));
      } catch {
        if (call.signal?.aborted || !call.stop?.aborted) {
          throw requestError(request, { kind: 'cancelled', traceId: outcome.error.traceId, detail: 'cancelled while waiting to retry' });
        }
        throw outcome.error;
      }
    }
  }

  /** Runs `attempt` unless `stop` aborted; a stop noticed before sending fails with `last`, if any. */
  private async unlessStopped<T>(request: { method: string; path: string }, stop: AbortSignal | undefined, last: KooDriveError | undefined, attempt: () => Promise<T>): Promise<T> {
    const stopped = (): KooDriveError => last ?? requestError(request, { kind: 'cancelled', detail: 'stopped before anything was sent' });
    if (stop?.aborted) {
      throw stopped();
    }
    try {
      return await attempt();
    } catch (error) {
      throw error instanceof StoppedBeforeSending ? stopped() : error;
    }
  }

  /** The per-attempt timeout: timers take 1 .. 2^31-1 ms (beyond, Node fires after 1 ms); anything unusable means 30 s. */
  timeoutMs(): number {
    const ms = this.options.timeoutMs();
    return Number.isFinite(ms) && ms > 0 ? Math.min(Math.max(Math.round(ms), 1), MAX_TIMER_MS) : DEFAULT_TIMEOUT_MS;
  }

  /** A log writer for one attempt; a failing log hook never changes the outcome. */
  logger(request: { method: string; path: string }, traceId: string, attempt: number): AttemptLog {
    if (!this.options.onRequest) {
      return ignore;
    }
    const started = performance.now();
    return (outcome, status, code, errorKind) => {
      try {
        this.options.onRequest?.({ method: request.method, path: request.path, status, code, ms: Math.round(performance.now() - started), traceId, attempt, outcome, errorKind });
      } catch {
        // A failing log hook must not change the outcome of the request.
      }
    };
  }

  /**
   * Whether a failed attempt is sent again, logged as such: the date retry after a rejection the
   * `Date` header blames on the stamp (D2); a 429 on any request, since it was not carried out;
   * other transient failures only on idempotent requests, where a 2xx that could not be read is
   * worth one more try (so a removal's outcome is known).
   */
  decide(request: { idempotent: boolean }, error: KooDriveError, turn: Turn, log: AttemptLog, dateRejected = false): Outcome<never> {
    const transient = isRetryable(error) || (isUnreadableSuccess(error) && turn.mayRetryUnreadable);
    const repeatable = error.kind === 'throttled' || (request.idempotent && transient);
    const next = dateRejected && turn.mayDateRetry ? 'date' : repeatable && turn.mayBackoff ? 'backoff' : undefined;
    log(next ? 'retry' : 'error', error.status, error.code, error.kind);
    return { ok: false, error, next };
  }

  /** Hands what the readers noticed about an answer to `onAnomaly`, in one line; a failing hook changes nothing. */
  private reportAnomalies(request: ApiRequest, notes: string[]): void {
    if (notes.length > 0) {
      try {
        this.options.onAnomaly?.(`${request.method} ${request.path}: ${notes.join('; ')}`);
      } catch {
        // A failing hook must not change the outcome of the request.
      }
    }
  }

  /** One attempt: prepare, exchange, then judge the answer. */
  private async attempt(request: ApiRequest, read: (body: Body) => unknown, turn: Turn, signal: AbortSignal | undefined, stop: AbortSignal | undefined): Promise<Outcome<unknown>> {
    const fail: Fail = (init) => requestError(request, init);
    if (signal?.aborted) {
      throw fail({ kind: 'cancelled' });
    }
    const url = `${this.preparation.endpoint(fail).base}${request.path}${queryString(request.query, fail)}`;
    const traceId = this.traceIds.next();
    const signed = await this.preparation.sign(traceId, signal, fail);
    if (stop?.aborted) {
      throw new StoppedBeforeSending(); // stopped while the token was fetched
    }
    const log = this.logger(request, traceId, turn.attempt);
    const answer = await this.exchange(request, url, signed, signal, (init) => fail({ ...init, traceId }));
    if (!('text' in answer)) {
      return this.decide(request, answer, turn, log);
    }
    return this.judge(request, read, signed, answer, turn, log, (init) => fail({ ...init, traceId }));
  }

  /** Sends the request and reads the whole answer, at most 16 MB of it (D16). */
  private async exchange(request: ApiRequest, url: string, signed: Signed, signal: AbortSignal | undefined, fail: Fail): Promise<Answer | KooDriveError> {
    const headers: Record<string, string> = { ...signed.headers, Accept: 'application/json' };
    const language = this.preparation.language();
    if (language) {
      headers.language = language;
    }
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const timeoutMs = this.timeoutMs();
    let status: number | undefined;
    try {
      // Redirects are refused: following one could carry the token to another host.
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const opened = await this.transport.open(url, { method: request.method, headers, body, timeoutMs, timeoutScope: 'total', signal });
      status = opened.status;
      if ((declaredLength(opened) ?? 0) > MAX_ANSWER_BYTES) {
        opened.discard();
        throw new TransferError('tooLarge');
      }
      const bytes = await opened.read(MAX_ANSWER_BYTES);
      return { status, date: opened.header('date'), retryAfter: opened.header('retry-after'), text: bytes.toString('utf8') };
    } catch (error) {
      return transferFailure(error, status, timeoutMs, fail);
    }
  }

  /** Learns the clock, then reads the envelope (D6, D7) and the payload. */
  private judge(request: ApiRequest, read: (body: Body) => unknown, signed: Signed, answer: Answer, turn: Turn, log: AttemptLog, fail: Fail): Outcome<unknown> {
    const { status } = answer;
    const serverDate = this.clock.learn(answer.date);
    const reading = readEnvelope(status, answer.text, (msg) => scrub(msg, signed.token));
    if (reading.ok) {
      try {
        const value = read(reading.body);
        log('ok', status, reading.code);
        this.reportAnomalies(request, takeAnomalies(reading.body));
        return { ok: true, value };
      } catch (error) {
        const detail = error instanceof ShapeError ? error.message : 'the answer could not be read';
        return this.decide(request, fail({ kind: 'badResponse', status, code: reading.code, detail }), turn, log);
      }
    }
    const error = fail({
      kind: reading.kind,
      status,
      code: reading.code,
      serverMessage: reading.serverMessage,
      detail: reading.detail,
      retryAfterMs: parseRetryAfter(answer.retryAfter, serverDate ?? this.clock.serverNow()),
    });
    const dateRejected = (status === 400 || status === 401) && serverDate !== undefined && outsideWindow(signed.stampAt, serverDate);
    return this.decide(request, error, turn, log, dateRejected);
  }
}

const ignore = (): void => undefined;

/** Thrown by an attempt that noticed `stop` after preparing and before sending. */
export class StoppedBeforeSending extends Error {}

/** One signal that aborts when either does. */
function either(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : a ?? b;
}

/** A 2xx answer that could not be read: the request was probably carried out, its result is unknown. */
function isUnreadableSuccess(error: KooDriveError): boolean {
  return error.kind === 'badResponse' && error.status !== undefined && error.status >= 200 && error.status < 300;
}

/**
 * The KooDriveError for an exchange that ended without a complete answer: a timeout, a cancel, a
 * cut or refused connection; an answer too large or undecodable is an unreadable one (D16).
 */
export function transferFailure(error: unknown, status: number | undefined, timeoutMs: number, fail: Fail): KooDriveError {
  const failure = error instanceof TransferError ? error : new TransferError('network');
  switch (failure.failure) {
    case 'timeout':
      return fail({ kind: 'timeout', detail: `no answer within ${timeoutMs} ms` });
    case 'cancelled':
      return fail({ kind: 'cancelled' });
    case 'tooLarge':
      return fail({ kind: 'badResponse', status, detail: `the answer is larger than ${MAX_ANSWER_BYTES / 2 ** 20} MB` });
    case 'corrupt':
      return fail({ kind: 'badResponse', status, detail: 'the answer could not be decoded' });
    default:
      return fail({ kind: 'network', detail: failure.code ?? 'connection failed' });
  }
}
