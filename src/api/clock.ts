/**
 * `X-Date` stamping (D1, D2): UTC `yyyyMMdd'T'HHmmss'Z'` built from the clock (no date-pattern
 * library), five seconds behind the server's clock as learned from the HTTP `Date` header.
 */

/** How far behind the server's "now" requests are stamped, so they are never in its future. */
export const STAMP_LAG_MS = 5_000;
/** The server accepts stamps at most this old (D2). */
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Formats an instant (ms since the epoch) as `yyyyMMdd'T'HHmmss'Z'` in UTC, e.g.
 * `20251103T070140Z`; milliseconds are dropped.
 * @throws RangeError when `ms` is not a valid time.
 */
export function formatXDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The server's clock as far as its answers tell: the local clock plus a learned skew. */
export class ServerClock {
  /** Server time minus local time, in ms, as last learned. */
  private skewMs = 0;

  /** @param now the local clock (injectable for tests). */
  constructor(private readonly now: () => number = Date.now) {}

  /** The skew last learned (server minus local), in ms. */
  get skew(): number {
    return this.skewMs;
  }

  /** The server's "now", estimated. */
  serverNow(): number {
    return this.now() + this.skewMs;
  }

  /** The `X-Date` value for a request sent now, and the instant it stands for (D2: serverNow - 5 s). */
  stamp(): { header: string; at: number } {
    const at = this.serverNow() - STAMP_LAG_MS;
    return { header: formatXDate(at), at };
  }

  /**
   * Learns the skew from a response's `Date` header. Returns the server's time as written in
   * the header, or undefined (learning nothing) when it is missing or unreadable.
   */
  learn(dateHeader: string | null | undefined): number | undefined {
    if (!dateHeader) {
      return undefined;
    }
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) {
      return undefined;
    }
    // The header is truncated to the second: the true time lies in [server, server + 1 s).
    this.skewMs = server + 500 - this.now();
    return server;
  }
}

/**
 * True when a stamp for instant `stampAt` was certainly outside the server's window
 * `[serverDate - 15 min, serverDate]`, given the server's `Date` header value `serverDate`
 * (which is truncated to the second, hence the one-second allowance on the future side).
 */
export function outsideWindow(stampAt: number, serverDate: number): boolean {
  return stampAt >= serverDate + 1000 || stampAt < serverDate - WINDOW_MS;
}
