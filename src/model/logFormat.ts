import type { RequestLogEntry } from '../api/options';

/** Text of the `KooDrive` log: one line per request; the token never, the user id masked. */

/** What the log formats: the client's per-attempt entry (method, path, status, code, ms, trace id…). */
export type RequestLine = Pick<RequestLogEntry, 'method' | 'path' | 'status' | 'code' | 'ms' | 'traceId' | 'errorKind'> & Partial<Pick<RequestLogEntry, 'attempt' | 'outcome'>>;

/** `1644817543959100032` → `164…032`. Short values are masked whole. */
export function maskUserId(userId: string): string {
  return userId.length > 8 ? `${userId.slice(0, 3)}…${userId.slice(-3)}` : '***';
}

/** Masks every occurrence of the user id (it can appear in paths such as `/space/{ownerId}`). */
export function maskIn(text: string, userId: string | undefined): string {
  return userId ? text.split(userId).join(maskUserId(userId)) : text;
}

/** Removes anything that looks like a credential, in case one ever reaches a log line. */
export function redactCredentials(text: string): string {
  return text.replace(/\b(Bearer|AT)([ +])[^\s,;"']+/gi, '$1$2<redacted>');
}

export function formatRequestLine(entry: RequestLine, userId: string | undefined): string {
  const status = entry.status === undefined ? (entry.errorKind ?? 'no response') : String(entry.status);
  const code = entry.code === undefined ? '' : ` code=${entry.code}`;
  const attempt = entry.attempt && entry.attempt > 1 ? ` attempt=${entry.attempt}` : '';
  const retry = entry.outcome === 'retry' ? ' (will retry)' : '';
  const line = `${entry.method} ${entry.path} ${status}${code} ${Math.round(entry.ms)}ms trace=${entry.traceId}${attempt}${retry}`;
  return redactCredentials(maskIn(line, userId));
}
