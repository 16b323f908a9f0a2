/**
 * One HTTP exchange over node-fetch, made trustworthy: a timer for the headers and then for the
 * whole body or each gap between chunks, the caller's cancel, a byte cap on the decoded body that
 * stops the transfer as soon as it is passed (D15, D16), and a watch on the underlying response,
 * so a connection cut mid-body fails at once (node-fetch 2 alone would wait for ever). A body can
 * also be streamed to a consumer that sets the pace (D22: saving files of any size).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { fetch, FetchSignal, WatchingAgent } from './nodeFetch';

/** Why an exchange ended without a complete answer. */
export type TransferFailure = 'timeout' | 'network' | 'cancelled' | 'tooLarge' | 'corrupt';

/** An exchange that ended without a complete answer; `code` is a system error code when there is one. */
export class TransferError extends Error {
  constructor(readonly failure: TransferFailure, readonly code?: string) {
    super(code ? `${failure} (${code})` : failure);
    this.name = 'TransferError';
  }
}

/** What to send, and how long to wait. */
export interface TransferInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Waiting for the headers, then for the whole body (`total`) or for each chunk (`idle`). */
  timeoutMs: number;
  timeoutScope: 'total' | 'idle';
  /** Aborting it ends the exchange with failure `cancelled`. */
  signal?: AbortSignal;
  /** Ask for and decode gzip/deflate/br (default true); false reads the bytes as sent. */
  compress?: boolean;
}

/** An answer whose headers have arrived. */
export interface Opened {
  readonly status: number;
  header(name: string): string | null;
  /**
   * The body, decoded (gzip, deflate, br). Never holds more than `maxBytes` plus one chunk.
   * @throws TransferError `tooLarge` as soon as more than `maxBytes` arrived, or any other failure.
   */
  read(maxBytes: number, onBytes?: (received: number) => void): Promise<Buffer>;
  /**
   * The body, decoded, handed to `consume` chunk by chunk: the next chunk waits until the promise
   * `consume` returned has settled (backpressure), so only a chunk or two is ever held. In `idle`
   * scope the timer runs only while waiting for the network, not for `consume`. Resolves with the
   * byte count once the body is complete; never settles while a `consume` is still running.
   * @throws TransferError for a failure of the exchange (a cut connection at once, a timeout, a
   * cancel); what `consume` throws, unchanged, after ending the exchange.
   */
  stream(consume: (chunk: Buffer) => Promise<void>): Promise<number>;
  /** Drops the body unread and ends the exchange. */
  discard(): void;
}

/** Chunks read ahead of a slow consumer before the body is paused (64 KB each, at most). */
const AHEAD_CHUNKS = 8;

/** Connections of one client: a keep-alive pool per scheme. Holds no credentials. */
export class Transport {
  // No idle-socket timeout: it would cost a timer reset per request; a socket the server closed
  // while idle leaves the pool on its own, and reads are retried after a reset.
  private readonly plain = new WatchingAgent(new http.Agent({ keepAlive: true }));
  private readonly secure = new WatchingAgent(new https.Agent({ keepAlive: true }));

  /**
   * Sends one request and resolves when its headers have arrived. Redirects are never followed.
   * @throws TransferError (`timeout`, `network`, `cancelled`).
   */
  open(url: string, init: TransferInit): Promise<Opened> {
    return new Exchange(init).start(url, url.startsWith('https:') ? this.secure : this.plain);
  }
}

class Exchange {
  private readonly controller = new FetchSignal();
  /** The response under node-fetch's, when the agent saw the request: its headers are a plain object. */
  private res?: http.IncomingMessage;
  /** node-fetch's body stream, once the headers are in: destroyed on failure, so no more is inflated. */
  private stream?: NodeJS.ReadableStream & { destroy?: () => void };
  private failure?: TransferError;
  private onFailure?: (error: TransferError) => void;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly cancel = (): void => this.fail(new TransferError('cancelled'));
  private readonly expire = (): void => this.fail(new TransferError('timeout'));

  constructor(private readonly init: TransferInit) {
    init.signal?.addEventListener('abort', this.cancel, { once: true });
    this.arm();
  }

  async start(url: string, watcher: WatchingAgent): Promise<Opened> {
    if (this.init.signal?.aborted) {
      this.cancel();
    }
    let response;
    const { method, headers, body, compress = true } = this.init;
    const release = watcher.claim(new URL(url), method, (req) => this.watch(req));
    try {
      const signal = this.controller as unknown as AbortSignal;
      response = await fetch(url, { method, headers, body, compress, signal, redirect: 'manual', agent: watcher.agent });
      release();
    } catch (cause) {
      release();
      // An abort of ours (timeout, cancel) is already recorded; anything else is the connection.
      const failure = this.failure ?? new TransferError('network', systemCode(cause));
      this.fail(failure);
      throw failure;
    }
    const stream = response.body;
    // node-fetch reports its own abort by emitting 'error' on the body: never leave it unheard.
    stream.on('error', (error: unknown) => this.fail(streamFailure(error)));
    this.stream = stream;
    if (this.failure) {
      throw this.failure;
    }
    if (this.init.timeoutScope === 'idle') {
      this.arm();
    }
    return {
      status: response.status,
      header: (name) => this.header(name) ?? response.headers.get(name),
      read: (maxBytes, onBytes) => this.read(stream, maxBytes, onBytes),
      stream: (consume) => this.pump(stream, consume),
      discard: () => this.fail(new TransferError('cancelled')),
    };
  }

  private read(body: NodeJS.ReadableStream, maxBytes: number, onBytes?: (received: number) => void): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      this.onFailure = reject;
      body.on('data', (chunk: Buffer) => {
        if (this.failure) {
          return;
        }
        size += chunk.length;
        if (size > maxBytes) {
          this.fail(new TransferError('tooLarge'));
          return;
        }
        chunks.push(chunk);
        if (this.init.timeoutScope === 'idle') {
          this.arm();
        }
        try {
          onBytes?.(size);
        } catch {
          // A failing progress callback must not break the transfer.
        }
      });
      body.once('end', () => {
        if (!this.failure) {
          this.settle();
          resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
        }
      });
    });
  }

  /**
   * Hands the body to `consume` chunk by chunk, in order. Reading runs ahead of consuming by a few
   * chunks (as a pipe would), then pauses until the consumer catches up: memory stays bounded and
   * the network and the disk work at the same time.
   */
  private pump(body: NodeJS.ReadableStream, consume: (chunk: Buffer) => Promise<void>): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      const idle = this.init.timeoutScope === 'idle';
      let size = 0;
      let waiting = 0;
      let paused = false;
      let consumerFailed = false;
      let chain: Promise<void> = Promise.resolve();
      // Reported once the consumer is done, so the caller never cleans up under a write.
      const afterRunning = (settle: () => void): void => void chain.then(settle, settle);
      this.onFailure = (error) => afterRunning(() => reject(error));
      body.on('data', (chunk: Buffer) => {
        if (this.failure) {
          return;
        }
        size += chunk.length;
        waiting += 1;
        if (idle) {
          this.arm(); // bytes arrived: the connection is alive
        }
        if (waiting >= AHEAD_CHUNKS && !paused) {
          paused = true;
          body.pause();
          clearTimeout(this.timer); // a slow consumer is not an idle connection
        }
        chain = chain.then(async () => {
          if (this.failure || consumerFailed) {
            return;
          }
          try {
            await consumed(consume, chunk);
          } catch (error) {
            consumerFailed = true;
            this.onFailure = undefined;
            this.fail(new TransferError('cancelled'));
            reject(error instanceof Error ? error : new Error('the consumer failed')); // the consumer's own failure, unchanged
            return;
          }
          waiting -= 1;
          if (paused && waiting <= 1 && !this.failure) {
            paused = false;
            if (idle) {
              this.arm();
            }
            body.resume();
          }
        });
      });
      body.once('end', () =>
        afterRunning(() => {
          if (!this.failure && !consumerFailed) {
            this.settle();
            resolve(size);
          }
        }),
      );
    });
  }

  /** Watches the response under node-fetch's body: closing before it is complete is a cut connection. */
  private watch(req: http.ClientRequest): void {
    req.once('response', (res: http.IncomingMessage) => {
      this.res = res;
      res.once('close', () => {
        if (!res.complete) {
          this.fail(new TransferError('network', 'ECONNRESET'));
        }
      });
    });
  }

  /** A response header from the raw response (lower-case `name`), or undefined when it was not seen. */
  private header(name: string): string | null | undefined {
    if (!this.res) {
      return undefined;
    }
    const value = this.res.headers[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : null;
  }

  /** The first failure wins: it stops the timer, aborts the request and rejects a pending read. */
  private fail(error: TransferError): void {
    if (this.failure) {
      return;
    }
    this.failure = error;
    this.settle();
    this.controller.abort();
    this.stream?.destroy?.();
    this.onFailure?.(error);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.expire, this.init.timeoutMs);
  }

  private settle(): void {
    clearTimeout(this.timer);
    this.init.signal?.removeEventListener('abort', this.cancel);
  }
}

/** `consume(chunk)`, a synchronous throw included, as a promise. */
async function consumed(consume: (chunk: Buffer) => Promise<void>, chunk: Buffer): Promise<void> {
  await consume(chunk);
}

/** The system error code of a failed connection (ECONNREFUSED, ECONNRESET...), never its text. */
function systemCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : undefined;
}

/** A body stream's error: undecodable content (zlib) is `corrupt`; anything else a cut connection. */
function streamFailure(error: unknown): TransferError {
  const code = systemCode(error);
  if (code?.startsWith('Z_')) {
    return new TransferError('corrupt', code);
  }
  return new TransferError('network', code === 'ERR_STREAM_PREMATURE_CLOSE' || !code ? 'ECONNRESET' : code);
}

/** The length an answer declares, when it is the decoded length (no Content-Encoding); else undefined. */
export function declaredLength(opened: Opened): number | undefined {
  const length = opened.header('content-length');
  return length !== null && /^\d+$/.test(length) && opened.header('content-encoding') === null ? Number(length) : undefined;
}
