/**
 * Route declarations and path matching. Paths are matched segment by segment; `:name` segments
 * capture one non-empty, percent-decoded segment. A path that matches a route of another method
 * is a 405, a path that matches nothing a 404.
 */
import type { DownloadLinks } from './downloadLinks';
import type { AuthMode } from './headers';
import type { User } from './model';
import type { Body, Query } from './params';
import type { Store } from './store';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a handler gets: the caller is already authenticated and the body already parsed. */
export interface RouteContext {
  store: Store;
  caller: User;
  params: Record<string, string>;
  query: Query;
  /** `{}` on routes without a body. */
  body: Body;
  /** Now, on the emulator's clock. */
  now: number;
  /** Makes the `downloadLink` URLs of getFile (D15). */
  links: DownloadLinks;
}

/** Fields the handler adds next to `code` and `msg`. */
export type Payload = Record<string, unknown>;

export interface Route {
  /** The API name of the reference, for logs and messages. */
  name: string;
  method: Method;
  /** Full path with `:param` segments, e.g. `/koodrive/ose/v1/album/:albumId/list`. */
  path: string;
  auth: AuthMode;
  /** True when the endpoint takes a mandatory JSON object body. */
  body: boolean;
  /** Album pages answer `Success.`, the others `success` (§1.5). */
  success: 'album' | 'default';
  /** The page types `code` as a String (§7.29): the answer carries `"0"` or `"13000102"`. */
  stringCode?: boolean;
  /** May answer later: getFile waits for a content digest (D22). */
  handle(ctx: RouteContext): Payload | Promise<Payload>;
}

export type Resolution =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'notFound' }
  | { kind: 'methodNotAllowed'; allow: Method[] };

/** Finds the route for a request. */
export class Router {
  private readonly compiled: { route: Route; segments: string[] }[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split('/') }));
  }

  resolve(method: string, path: string): Resolution {
    const segments = path.split('/');
    const allow: Method[] = [];
    for (const { route, segments: pattern } of this.compiled) {
      const params = match(pattern, segments);
      if (!params) {
        continue;
      }
      if (route.method === method) {
        return { kind: 'route', route, params };
      }
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'methodNotAllowed', allow } : { kind: 'notFound' };
  }
}

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i];
    const actual = segments[i];
    if (expected.startsWith(':')) {
      const value = decode(actual);
      if (value === undefined || value === '') {
        return undefined;
      }
      params[expected.slice(1)] = value;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
