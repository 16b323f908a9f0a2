/**
 * The emulator's public types. `server.ts` and `control.ts` re-export them; other code imports
 * them from there.
 */

/** A seeded user who can call the API. */
export interface EmulatorUser {
  userId: string;
  token: string;
  role: 'owner' | 'member' | 'outsider';
  name: string;
  /** Full mobile number, international prefix first (UserGroupInvite takes it, D20). */
  mobile: string;
  /** Personal space id, as GetSpace answers it (getFile and GetFullPath take it, D14). */
  containerId: string;
}

export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Extra data: owner albums, a large album, shared folders; and, for download benchmarks, a
   * video of `bigFileMb` MiB in "Big files 大文件" and `megabyteFiles` files of 1 MiB in
   * "Megabytes 兆字节" (ids in `SeedIds.scaleAlbums`).
   */
  scale?: { albums?: number; albumItems?: number; sharedFolders?: number; bigFileMb?: number; megabyteFiles?: number };
  /**
   * Where file bytes are served (D15). `same-origin` (default): beside the API, for the
   * caller's token. `separate`: on a second loopback port, by pre-signed URL only.
   */
  downloads?: 'same-origin' | 'separate';
  /** Called after every logged API request (the CLI prints a line per request with it). */
  onRequest?: (entry: LoggedRequest) => void;
}

/** What `POST /__emulator/names` can name (D18). */
export type NameKind = 'album' | 'sharedFolder' | 'user' | 'file';

/** What a fault rule makes the emulator do instead of (or before) answering normally. */
export type Fault =
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'delay'; ms: number }
  | { type: 'drop' }
  /** The request is carried out, then the connection closes without an answer. */
  | { type: 'lostAnswer' }
  | { type: 'malformedJson' }
  | { type: 'html'; status: number }
  | DownloadFault;

/**
 * Faults of downloads only (D22): an API request never matches them. A download that is refused
 * anyway (401, 403, 404) gets its refusal; the rule is used up all the same.
 */
export type DownloadFault =
  /** The full, right length, with some bytes changed: the size matches, the sha256 does not. */
  | { type: 'corrupt' }
  /** The headers with the full Content-Length, `afterBytes` bytes, then the socket is destroyed. */
  | { type: 'cut'; afterBytes: number }
  /** Only the first `bytes` bytes, with a Content-Length of that many, ending cleanly. */
  | { type: 'truncate'; bytes: number }
  /** HTTP 403, code 13000410: the download link has expired. */
  | { type: 'expired' };

/** Applies `fault` to the next `times` requests that match `method` and `pathPattern`. */
export interface FaultRule {
  /** HTTP method, case-insensitive; any when absent. */
  method?: string;
  /** RegExp source matched against the URL path (no query); any when absent. */
  pathPattern?: string;
  /** Default 1. */
  times?: number;
  fault: Fault;
}

/** One API or download request as the emulator saw it. Control requests are never logged. */
export interface LoggedRequest {
  method: string;
  path: string;
  /** The first value of each; the `sig` of a pre-signed download link is `<redacted>`. */
  query: Record<string, string>;
  /** Lower-case names; `authorization` is reduced to its scheme plus ` <redacted>`. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body?: unknown;
  /** 0 when a `drop` fault closed the socket without an answer. */
  status: number;
  code?: number;
  traceId?: string;
  /** ISO-8601 time of arrival, on the emulator's clock. */
  at: string;
  /** Present on requests to the second (downloads) origin of separate mode. */
  origin?: 'downloads';
}
