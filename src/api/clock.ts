/**
 * `X-Date` stamping (D1, D2): UTC `yyyyMMddTHHmmssZ` built from the clock (no date-pattern
 * library), five seconds behind the server's clock as learned from the `Date` header.
 */

/** How far behind the server's "now" requests are stamped, so rounding never puts them in the future. */
export const STAMP_LAG_MS = 5_000;
export const WINDOW_MS = 15 * 60 * 1000;

export function formatXDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export class ServerClock {
  /** server time minus local time, in ms, as last learned. */
  private skewMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get skew(): number {
    return this.skewMs;
  }

  serverNow(): number {
    return this.now() + this.skewMs;
  }

  /** The stamp for a request sent now, and the instant it stands for. */
  stamp(): { header: string; at: number } {
    const at = this.serverNow() - STAMP_LAG_MS;
    return { header: formatXDate(at), at };
  }

  /**
   * Learns the skew from a response's `Date` header (1-second resolution). Returns the server's
   * time as read, or undefined when the header is missing or unreadable.
   */
  learn(dateHeader: string | null | undefined): number | undefined {
    if (!dateHeader) {
      return undefined;
    }
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) {
      return undefined;
    }
    // The header is truncated to the second: add half a second to centre the estimate.
    this.skewMs = server + 500 - this.now();
    return server;
  }
}

/** True when a stamp taken at `stampAt` lies outside the server's window at `serverNow`. */
export function outsideWindow(stampAt: number, serverNow: number): boolean {
  return stampAt > serverNow + 1000 || stampAt < serverNow - WINDOW_MS;
}
