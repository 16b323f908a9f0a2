/**
 * `X-Date` stamping (D1, D2): UTC `yyyyMMdd'T'HHmmss'Z'` built from the clock (no date-pattern
 * library), five seconds behind the server's clock as learned from the HTTP `Date` header (D17).
 */

/** How far behind the server's "now" requests are stamped, so they are never in its future. */
export const STAMP_LAG_MS = 5_000;
/** The server accepts stamps at most this old (D2). */
export const WINDOW_MS = 15 * 60 * 1000;
/** A `Date` further than this from the local clock is not believed (D17): no real clock is that wrong. */
export const MAX_SKEW_MS = 24 * 60 * 60 * 1000;

const X_DATE = /^\d{8}T\d{6}Z$/;

/**
 * Formats an instant (ms since the epoch) as `yyyyMMdd'T'HHmmss'Z'` in UTC, e.g.
 * `20251103T070140Z`; milliseconds are dropped.
 * @throws RangeError when `ms` is not a valid time.
 */
export function formatXDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * Reads an IMF-fixdate (RFC 9110 section 5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`, the only form
 * D17 trusts. Returns ms since the epoch, or undefined for anything else: the obsolete RFC 850
 * and asctime forms, other zones, impossible fields (31 June, 24:00) or a weekday that does not match.
 */
export function parseImfFixdate(text: string): number | undefined {
  const m = IMF_FIXDATE.exec(text);
  if (!m) {
    return undefined;
  }
  const [, day, date, month, year, hour, minute, second] = m;
  const ms = Date.UTC(Number(year), MONTHS.indexOf(month), Number(date), Number(hour), Number(minute), Number(second));
  const parsed = new Date(ms);
  // Date.UTC rolls over out-of-range fields; reading them back catches every such value.
  const exact = parsed.getUTCDate() === Number(date) && parsed.getUTCHours() === Number(hour) && parsed.getUTCMinutes() === Number(minute) && parsed.getUTCSeconds() === Number(second);
  return exact && DAYS[parsed.getUTCDay()] === day ? ms : undefined;
}

/** The server's clock as far as its answers tell: the local clock plus a learned skew. */
export class ServerClock {
  /** Server time minus local time, in ms, as last learned. */
  private skewMs = 0;
  /** The last stamp's second and header: a stamp is formatted once per second, not per request. */
  private stampSecond = Number.NaN;
  private stampHeader = '';
  /** The last `Date` header read, and its instant: it changes once per second at most. */
  private dateHeader = '';
  private dateValue: number | undefined;

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

  /**
   * The `X-Date` value for a request sent now, and the instant it stands for (D2: serverNow - 5 s).
   * Never throws (D17): when the clocks give no usable instant, the real local clock stamps instead.
   */
  stamp(): { header: string; at: number } {
    const at = this.serverNow() - STAMP_LAG_MS;
    const second = Math.floor(at / 1000);
    if (second === this.stampSecond) {
      return { header: this.stampHeader, at };
    }
    const header = Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? formatXDate(at) : '';
    if (X_DATE.test(header)) {
      this.stampSecond = second;
      this.stampHeader = header;
      return { header, at };
    }
    const fallback = Date.now() - STAMP_LAG_MS;
    return { header: formatXDate(fallback), at: fallback };
  }

  /**
   * Learns the skew from a response's `Date` header (D17): only an IMF-fixdate within 24 hours of
   * the local clock counts, and each one replaces what was learned before, so a sane answer repairs
   * the clock. Returns the server's time as written in the header, or undefined (learning nothing).
   */
  learn(dateHeader: string | null | undefined): number | undefined {
    if (dateHeader && dateHeader !== this.dateHeader) {
      this.dateHeader = dateHeader;
      this.dateValue = parseImfFixdate(dateHeader);
    }
    const server = dateHeader ? this.dateValue : undefined;
    const local = this.now();
    // One second of slack: the header is truncated to the second.
    if (server === undefined || !(Math.abs(server - local) <= MAX_SKEW_MS + 1000)) {
      return undefined;
    }
    // The header is truncated to the second: the true time lies in [server, server + 1 s).
    this.skewMs = server + 500 - local;
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
