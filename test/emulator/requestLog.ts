/**
 * The log of API requests that tests inspect through the control endpoint. Tokens never enter it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { LoggedRequest } from './contract';

/** Oldest entries are dropped beyond this, so a long session cannot exhaust memory. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) {
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    }
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * Request headers with lower-case names and the credential removed: `Bearer abc` becomes
 * `Bearer <redacted>`, `Bearer+abc` becomes `Bearer+ <redacted>` (so the separator the client
 * used stays visible), anything else `<redacted>`.
 */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = name === 'authorization' ? redactAuthorization(text) : text;
  }
  return out;
}

function redactAuthorization(value: string): string {
  const match = /^([A-Za-z][A-Za-z0-9_-]*)( |\+)/.exec(value);
  if (!match) {
    return '<redacted>';
  }
  return `${match[1]}${match[2] === '+' ? '+' : ''} <redacted>`;
}

/** One line for a console: method, path, status, code and trace id; never a credential. */
export function formatLogLine(entry: LoggedRequest): string {
  const code = entry.code === undefined ? '-' : String(entry.code);
  return `${entry.at} ${entry.method} ${entry.path} ${entry.status === 0 ? 'dropped' : entry.status} code=${code} trace=${entry.traceId ?? '-'}`;
}
