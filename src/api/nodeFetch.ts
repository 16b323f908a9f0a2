/**
 * The node-fetch 2 plumbing under transfer.ts: node-fetch loaded on first use, an abort signal it
 * accepts at almost no cost, and an agent that hands over the request node-fetch creates, so the
 * exchange can watch the raw response.
 */
import type * as http from 'node:http';
import type * as NodeFetch from 'node-fetch';

let loadedFetch: typeof NodeFetch.default | undefined;

/**
 * node-fetch, loaded on the first request rather than when the extension starts: activation
 * then does not pay for setting up a module it needs only once signed in.
 */
export function fetch(...args: Parameters<typeof NodeFetch.default>): ReturnType<typeof NodeFetch.default> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; the bundler keeps it inside the bundle
  loadedFetch ??= (require('node-fetch') as { default: typeof NodeFetch.default }).default;
  return loadedFetch(...args);
}

/** The internals of http.Agent this module relies on: every ClientRequest passes through addRequest. */
interface AgentInternals {
  addRequest(req: http.ClientRequest, options: unknown): void;
}

/**
 * A keep-alive agent that hands each request it sees to the exchange that claimed it, told apart
 * by method, host and path. Not by order alone: in VS Code's extension host, the proxy support
 * wraps every agent and hands the request over only once the proxy is resolved, after `fetch()`
 * returned and other exchanges may have started.
 */
export class WatchingAgent {
  private readonly claims = new Map<string, ((req: http.ClientRequest) => void)[]>();

  constructor(readonly agent: http.Agent) {
    const internals = agent as unknown as AgentInternals;
    const addRequest = internals.addRequest.bind(agent);
    internals.addRequest = (req, options) => {
      const key = requestKey(req.method, String(req.getHeader('host') ?? ''), req.path);
      const waiting = this.claims.get(key);
      const claim = waiting?.shift();
      if (waiting?.length === 0) {
        this.claims.delete(key);
      }
      claim?.(req);
      addRequest(req, options);
    };
  }

  /**
   * Claims the next request to `url` with `method`; returns what withdraws the claim (call it once
   * the exchange has its answer or failed, so an unused claim does not linger).
   */
  claim(url: URL, method: string, onRequest: (req: http.ClientRequest) => void): () => void {
    const key = requestKey(method, url.host, `${url.pathname}${url.search}`);
    const waiting = this.claims.get(key) ?? [];
    waiting.push(onRequest);
    this.claims.set(key, waiting);
    return () => {
      const index = waiting.indexOf(onRequest);
      if (index >= 0) {
        waiting.splice(index, 1);
        if (waiting.length === 0 && this.claims.get(key) === waiting) {
          this.claims.delete(key);
        }
      }
    };
  }
}

function requestKey(method: string, host: string, path: string): string {
  return `${method.toUpperCase()} ${host.toLowerCase()} ${path}`;
}

/**
 * The abort signal node-fetch is given. node-fetch 2 accepts any object whose class is named
 * AbortSignal (it was made for the abort-controller polyfill) and adds exactly one listener;
 * Node's own AbortController costs 13 µs a request in EventTarget bookkeeping, this almost nothing.
 */
export const FetchSignal = class AbortSignal {
  aborted = false;
  private listener?: () => void;

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listener = listener;
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    if (this.listener === listener) {
      this.listener = undefined;
    }
  }

  abort(): void {
    if (!this.aborted) {
      this.aborted = true;
      const listener = this.listener;
      this.listener = undefined;
      listener?.();
    }
  }
};
// Said again, for minifiers, which rename classes: node-fetch checks the name.
Object.defineProperty(FetchSignal, 'name', { value: 'AbortSignal' });
