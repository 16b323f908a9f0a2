import type { RequestLogEntry } from '../api/options';
import { maskIn } from './mask';
import { safeText } from './safeText';

export { maskIn, maskUserId } from './mask';

/** Text of the `KooDrive` log: one line per request; the token never, the user id masked. */

/** What the log formats: the client's per-attempt entry (method, path, status, code, ms, trace id…). */
export type RequestLine = Pick<RequestLogEntry, 'method' | 'path' | 'status' | 'code' | 'ms' | 'traceId' | 'errorKind'> & Partial<Pick<RequestLogEntry, 'attempt' | 'outcome'>>;

/** Longest log line kept: long enough for any message, short enough to stay a line. */
const LOG_LINE_MAX = 4000;

/** Removes anything that looks like a credential, in case one ever reaches a log line. */
export function redactCredentials(text: string): string {
  return text.replace(/\b(Bearer|AT)([ +])[^\s,;"']+/gi, '$1$2<redacted>');
}

export function formatRequestLine(entry: RequestLine, userId: UserIds): string {
  const status = entry.status === undefined ? (entry.errorKind ?? 'no response') : String(entry.status);
  const code = entry.code === undefined ? '' : ` code=${entry.code}`;
  const attempt = entry.attempt && entry.attempt > 1 ? ` attempt=${entry.attempt}` : '';
  const retry = entry.outcome === 'retry' ? ' (will retry)' : '';
  return logLine(`${entry.method} ${entry.path} ${status}${code} ${Math.round(entry.ms)}ms trace=${entry.traceId}${attempt}${retry}`, userId);
}

/** The user ids a log line masks: one, or every signed-in account's (D23). */
export type UserIds = string | readonly (string | undefined)[] | undefined;

/**
 * Any text as one log line: server text cannot start a forged line (D18), credentials are
 * redacted and the user ids masked.
 */
export function logLine(text: string, userIds: UserIds): string {
  const ids = typeof userIds === 'string' ? [userIds] : (userIds ?? []);
  return redactCredentials(ids.reduce<string>((line, id) => maskIn(line, id), safeText(text, LOG_LINE_MAX)));
}
