/**
 * The emulator's notion of "now". Tests offset it to play a server whose clock differs from the
 * client's (decision D2); the HTTP `Date` header and the X-Date window both follow it.
 */
export class Clock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the emulated server sees it. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Makes the server's clock run `ms` ahead (positive) or behind (negative) the real clock. */
  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** The value of an HTTP `Date` header (IMF-fixdate) for the emulated now. */
  httpDate(): string {
    return new Date(this.now()).toUTCString();
  }
}

/** Formats an instant as `yyyyMMdd'T'HHmmss'Z'` in UTC, the X-Date format of decision D1. */
export function formatXDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Parses an X-Date value. Returns the instant in ms, or undefined when the text does not match
 * `^\d{8}T\d{6}Z$` or names no real UTC instant (month 13, 30 February, hour 24...).
 */
export function parseXDate(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls over out-of-range fields; formatting back catches every such value.
  return formatXDate(ms) === text ? ms : undefined;
}

/** Formats like Java's `Date.toString()` in UTC, e.g. `Tue Sep 02 02:25:46 UTC 2025` (§7.22). */
export function formatJavaDate(ms: number): string {
  const date = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}
