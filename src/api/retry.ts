import type { KooDriveError } from './errors';

/** When and how long the pipeline waits before sending a repeatable request again. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 3). The D2 date retry does not count. */
  attempts: number;
  /** Ceiling of the first backoff, doubled per attempt (default 250 ms). */
  baseDelayMs: number;
  /** Cap of any delay, `Retry-After` included (default 8 s). */
  maxDelayMs: number;
}

/** 3 attempts in all, backoff from 250 ms, every delay capped at 8 s. */
export const defaultRetryPolicy: Readonly<RetryPolicy> = { attempts: 3, baseDelayMs: 250, maxDelayMs: 8_000 };

/** The default policy overridden by the valid values of `partial` (invalid ones are ignored). */
export function resolvePolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const pick = (value: number | undefined, fallback: number, min: number): number =>
    value !== undefined && Number.isFinite(value) && value >= min ? value : fallback;
  return {
    attempts: Math.floor(pick(partial.attempts, defaultRetryPolicy.attempts, 1)),
    baseDelayMs: pick(partial.baseDelayMs, defaultRetryPolicy.baseDelayMs, 0),
    maxDelayMs: pick(partial.maxDelayMs, defaultRetryPolicy.maxDelayMs, 0),
  };
}

/** Kinds worth another attempt of a request that is safe to repeat (never 401, never a cancel). */
export function isRetryable(error: KooDriveError): boolean {
  return error.kind === 'throttled' || error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout';
}

/**
 * Delay before the attempt after attempt number `attempt` (1-based): the server's `Retry-After`
 * when it gave one, else exponential backoff with full jitter, `random() * min(cap, base * 2^(attempt-1))`.
 * Either way at most `policy.maxDelayMs`.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) {
    return Math.min(Math.max(retryAfterMs, 0), policy.maxDelayMs);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(jitter * ceiling);
}

/**
 * Reads `Retry-After` (RFC 9110): delay-seconds, or an HTTP-date measured from `now` (which
 * should be the server's clock). Returns ms (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) {
    return undefined;
  }
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  // An HTTP-date always names a weekday or month: bare numbers like "1.5" are not dates.
  if (!/[a-z]/i.test(text)) {
    return undefined;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Waits `ms`, or rejects as soon as `signal` aborts (with its reason). The default `sleep`
 * of the client; tests inject their own.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
