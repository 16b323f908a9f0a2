/**
 * Typed failures of the KooDrive client (D7). Callers branch on `kind`, never on message text.
 * No field of an error ever holds the access token.
 */
export type KooDriveErrorKind =
  | 'sessionExpired'
  | 'notPermitted'
  | 'notFound'
  | 'invalidInput'
  | 'throttled'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'badResponse'
  | 'configuration';

export interface KooDriveErrorInit {
  kind: KooDriveErrorKind;
  method: string;
  /** Path without the query string. */
  path: string;
  traceId: string;
  status?: number;
  code?: string;
  serverMessage?: string;
  retryAfterMs?: number;
  detail?: string;
}

export class KooDriveError extends Error {
  readonly kind: KooDriveErrorKind;
  readonly method: string;
  readonly path: string;
  readonly traceId: string;
  readonly status?: number;
  readonly code?: string;
  readonly serverMessage?: string;
  readonly retryAfterMs?: number;

  constructor(init: KooDriveErrorInit) {
    super(describe(init));
    this.name = 'KooDriveError';
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.traceId = init.traceId;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.retryAfterMs = init.retryAfterMs;
  }
}

function describe(init: KooDriveErrorInit): string {
  const parts = [`${init.method} ${init.path} failed: ${init.kind}`];
  if (init.status !== undefined) {
    parts.push(`HTTP ${init.status}`);
  }
  if (init.code !== undefined) {
    parts.push(`code ${init.code}`);
  }
  const text = [parts.join(', '), init.serverMessage, init.detail].filter(Boolean).join(': ');
  return `${text} (trace id ${init.traceId})`;
}

/**
 * True for errors of this client. Checked by shape, not `instanceof`, so it holds across two
 * copies of this module (the bundled extension and its tests).
 */
export function isKooDriveError(error: unknown): error is KooDriveError {
  return error instanceof Error && error.name === 'KooDriveError' && typeof (error as { kind?: unknown }).kind === 'string';
}

export function isKind(error: unknown, kind: KooDriveErrorKind): error is KooDriveError {
  return isKooDriveError(error) && error.kind === kind;
}

/** The documented and emulator-chosen codes that decide a kind regardless of HTTP status. */
const kindByCode: Record<string, KooDriveErrorKind> = {
  '13000410': 'notPermitted',
  '13000309': 'notFound',
  '13000102': 'invalidInput',
};

/** Classifies an HTTP answer that is not a success (D7). */
export function kindFor(status: number, code: string | undefined): KooDriveErrorKind {
  if (status === 401) {
    return 'sessionExpired';
  }
  if (status === 429) {
    return 'throttled';
  }
  if (status >= 500) {
    return 'server';
  }
  if (code !== undefined && kindByCode[code]) {
    return kindByCode[code];
  }
  if (status === 403) {
    return 'notPermitted';
  }
  if (status === 404) {
    return 'notFound';
  }
  return 'invalidInput';
}
