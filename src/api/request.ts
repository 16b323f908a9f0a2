/**
 * What an attempt needs before it goes on the wire: the endpoint (D13, parsed only when the
 * setting changes), the caller's user id and token, and the KooDrive headers (D1-D5).
 */
import type { ServerClock } from './clock';
import { parseEndpoint } from './endpoint';
import { isKooDriveError, KooDriveError, type KooDriveErrorInit } from './errors';
import type { ClientOptions } from './options';
import { API_BASE_PATH } from './types';
import { isWellFormed } from './validate';

/** The HTTP methods the KooDrive API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One API call, as an endpoint function describes it to the pipeline. */
export interface ApiRequest {
  method: Method;
  /** Absolute API path with every id already encoded (see {@link apiPath}); no query. */
  path: string;
  /** Query values; undefined ones are left out. Encoded with URLSearchParams. */
  query?: Record<string, string | number | undefined>;
  /** JSON body; when present, `Content-Type: application/json` is sent (DELETE included). */
  body?: unknown;
  /** Safe to send again after a failure (lists, reads, the album-content removal). */
  idempotent: boolean;
}

/**
 * The API path for `segments` under `/koodrive/ose/v1`, each segment encodeURIComponent'd, so
 * an id holding `/`, `?` or `#` stays inside its own segment.
 * @throws KooDriveError `invalidInput` when a segment holds a lone surrogate (never a URIError).
 */
export function apiPath(...segments: string[]): string {
  const bad = segments.find((segment) => !isWellFormed(segment));
  if (bad !== undefined) {
    throw new KooDriveError({ kind: 'invalidInput', method: '', path: API_BASE_PATH, detail: 'a path segment holds a broken character (a lone UTF-16 surrogate)' });
  }
  return `${API_BASE_PATH}/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/** Header values must be visible ASCII; anything else would be refused by the HTTP stack. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** The endpoint as last read: its text, and what requests are built from. */
interface Endpoint {
  raw: string;
  /** Origin and path prefix, without a trailing slash. */
  base: string;
  origin: string;
}

/** The signed part of an attempt: the KooDrive headers and what they were made of. */
export interface Signed {
  headers: Record<string, string>;
  /** The instant the X-Date header stands for. */
  stampAt: number;
  /** Kept only for this attempt, to scrub it from anything the server echoes. */
  token: string;
}

/** Builds the URL and headers of attempts from the client's options. Holds no token. */
export class Preparation {
  private endpointSeen?: Endpoint;

  constructor(private readonly options: ClientOptions, private readonly clock: ServerClock) {}

  /**
   * The configured endpoint, validated (D13). Parsed once per distinct setting value.
   * @throws KooDriveError `configuration` (made by `fail`) when it is not usable; what the
   * callback throws itself (e.g. a settings error of the caller's) propagates unchanged.
   */
  endpoint(fail: (init: Omit<KooDriveErrorInit, 'method' | 'path'>) => KooDriveError): Endpoint {
    const raw = this.options.endpoint();
    if (this.endpointSeen?.raw === raw) {
      return this.endpointSeen;
    }
    try {
      const url = parseEndpoint(raw);
      this.endpointSeen = { raw, base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
      return this.endpointSeen;
    } catch (error) {
      throw fail({ kind: 'configuration', detail: isKooDriveError(error) ? error.message : 'the KooDrive endpoint is not valid' });
    }
  }

  /**
   * The user id and a fresh token, each checked, then the KooDrive headers for one attempt:
   * `Authorization`, `X-User-Id`, `X-Date`, `X-Traceid` (D1-D4).
   * @throws KooDriveError `configuration` without a usable user id or token, `cancelled` when
   * `signal` aborted while the token was fetched; what the callbacks throw propagates unchanged.
   */
  async sign(traceId: string, signal: AbortSignal | undefined, fail: (init: Omit<KooDriveErrorInit, 'method' | 'path'>) => KooDriveError): Promise<Signed> {
    const userId = this.options.userId()?.trim();
    if (!userId || !HEADER_SAFE.test(userId)) {
      throw fail({ kind: 'configuration', detail: userId ? 'the KooDrive user id contains characters not allowed in a header' : 'no KooDrive user id is set' });
    }
    const token = (await this.options.getToken())?.trim();
    if (signal?.aborted) {
      throw fail({ kind: 'cancelled' });
    }
    if (!token || !HEADER_SAFE.test(token)) {
      throw fail({ kind: 'configuration', detail: token ? 'the access token contains characters not allowed in a header' : 'not signed in (no access token)' });
    }
    const stamp = this.clock.stamp();
    const headers = { Authorization: `Bearer ${token}`, 'X-User-Id': userId, 'X-Date': stamp.header, 'X-Traceid': traceId };
    return { headers, stampAt: stamp.at, token };
  }

  /** The `language` header (D5), when the setting holds a usable value. */
  language(): string | undefined {
    const language = this.options.language().trim();
    return language && HEADER_SAFE.test(language) ? language : undefined;
  }
}

/**
 * `?a=1&b=x` for the defined values of `query` (URLSearchParams encoding), or '' when there are none.
 * @throws KooDriveError `invalidInput` (made by `fail`) for a value holding a lone surrogate,
 * which URLSearchParams would silently turn into U+FFFD.
 */
export function queryString(query: ApiRequest['query'], fail: (init: Omit<KooDriveErrorInit, 'method' | 'path'>) => KooDriveError): string {
  if (!query) {
    return '';
  }
  let text = '';
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined) {
      continue;
    }
    const raw = String(value);
    let pair: string;
    if (FORM_SAFE.test(raw) && FORM_SAFE.test(key)) {
      pair = `${key}=${raw}`; // what URLSearchParams would write, without building one
    } else if (isWellFormed(raw)) {
      pair = new URLSearchParams([[key, raw]]).toString();
    } else {
      throw fail({ kind: 'invalidInput', detail: `${key} holds a broken character (a lone UTF-16 surrogate)` });
    }
    text += text ? `&${pair}` : `?${pair}`;
  }
  return text;
}

/** Characters application/x-www-form-urlencoded leaves as they are. */
const FORM_SAFE = /^[\w.*-]*$/;

/** A KooDriveError about `request`. */
export function requestError(request: { method: string; path: string }, init: Omit<KooDriveErrorInit, 'method' | 'path'>): KooDriveError {
  return new KooDriveError({ ...init, method: request.method, path: request.path });
}
