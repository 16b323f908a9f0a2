/**
 * One emulator instance: its data, clock, faults and request log, and the handling of a single
 * HTTP request (control endpoint, fault, download, or API call).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../../src/api/types';
import { handleApi } from './api';
import { Clock } from './clock';
import type { EmulatorUser, Fault, LoggedRequest } from './contract';
import { handleControl, type ControlTarget } from './controlRoutes';
import { Faults } from './faults';
import { FILES_PREFIX, DownloadLinks, type DownloadsMode } from './downloadLinks';
import { answerDownload, type DownloadRequest, type Origin } from './downloads';
import { type ByteFault, sendContent } from './sendContent';
import { header, languageOf } from './headers';
import { parseJsonLossless, stringifyJson } from './json';
import { RequestLog, redactHeaders } from './requestLog';
import { seedStore, type Scale } from './seed';
import { plantName } from './names';
import { JSON_TYPE, send } from './send';
import type { Store } from './store';

/** Request bodies beyond this are refused (the largest legal body, 1000 ids, is ~40 KB). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const MALFORMED_JSON = '{"code":0,"msg":"Success.","albumList":[{"id":"1795607640592646273","name":"West La';

export class Emulator implements ControlTarget {
  readonly clock = new Clock();
  readonly faults = new Faults();
  readonly log = new RequestLog();
  readonly links: DownloadLinks;
  private store: Store;
  private readonly sleeps = new Set<{ timer: NodeJS.Timeout; resolve: (done: boolean) => void }>();

  constructor(
    private readonly defaultScale: Scale | undefined,
    private readonly onRequest?: (entry: LoggedRequest) => void,
    downloads: DownloadsMode = 'same-origin',
  ) {
    this.store = seedStore(defaultScale, this.clock.now());
    this.links = new DownloadLinks(downloads, () => this.clock.now());
  }

  /** Fresh seed data, real time, no faults, empty log. Without `scale`, the startup scale. */
  reset(scale?: Scale): void {
    this.clock.setOffset(0);
    this.faults.clear();
    this.log.clear();
    this.store = seedStore(scale ?? this.defaultScale, this.clock.now());
  }

  setClockOffset(ms: number): void {
    this.clock.setOffset(ms);
  }

  clockOffset(): number {
    return this.clock.offset;
  }

  now(): number {
    return this.clock.now();
  }

  users(): EmulatorUser[] {
    const users: EmulatorUser[] = [];
    for (const user of this.store.users.values()) {
      if (user.token && user.role) {
        users.push({ userId: user.userId, token: user.token, role: user.role, name: user.name, mobile: user.mobile, containerId: user.containerId });
      }
    }
    return users;
  }

  setName(kind: unknown, id: unknown, name: unknown): void {
    plantName(this.store, kind, id, name);
  }

  rotateToken(userId: unknown): { userId: string; token: string } {
    if (typeof userId !== 'string' || userId === '') {
      throw new Error('userId must be a non-empty string');
    }
    return { userId, token: this.store.rotateToken(userId) };
  }

  /** Ends pending delays at once, so that closing the server is prompt. */
  cancelDelays(): void {
    for (const sleep of this.sleeps) {
      clearTimeout(sleep.timer);
      sleep.resolve(false);
    }
    this.sleeps.clear();
  }

  /** Answers one request that came in on `origin`: control, download, or API call. */
  async handle(req: IncomingMessage, res: ServerResponse, origin: Origin = 'main'): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const at = new Date(this.clock.now()).toISOString();
    const raw = await readBody(req);
    if (raw === undefined) {
      return;
    }
    if (origin === 'main' && (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/'))) {
      // Control endpoints exist only for local callers; everyone else sees an unknown path.
      const reply = isLoopback(req.socket.remoteAddress)
        ? handleControl(this, method, url.pathname, raw.text)
        : { status: 404, body: { error: 'Not found' } };
      send(res, this.clock.httpDate(), reply.status, JSON_TYPE, JSON.stringify(reply.body));
      return;
    }
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) {
      query[name] ??= value;
    }
    const isDownload = origin === 'downloads' || url.pathname.startsWith(`${FILES_PREFIX}/`);
    const logged = isDownload && query.sig !== undefined ? { ...query, sig: '<redacted>' } : query;
    const entry: LoggedRequest = { method, path: url.pathname, query: logged, headers: redactHeaders(req.headers), body: bodyForLog(raw.text), status: 0, traceId: header(req.headers, 'x-traceid'), at };
    if (origin === 'downloads') {
      entry.origin = 'downloads';
    }
    if (raw.tooLarge) {
      this.finish(res, entry, 413, JSON_TYPE, stringifyJson({ code: 13000102, msg: 'Request body too large.' }), 13000102);
      return;
    }
    // Fault rules match downloads too, by method and path (D15); some match only downloads (D22).
    const fault = this.faults.take(method, url.pathname, isDownload);
    if (fault && isAnswerFault(fault)) {
      this.applyFault(req, res, entry, fault);
      return;
    }
    if (fault?.type === 'delay' && !(await this.sleep(fault.ms))) {
      req.socket.destroy();
      return;
    }
    if (isDownload) {
      const spoil = fault && isByteFault(fault) ? fault : undefined;
      this.download(res, entry, { method, path: url.pathname, query, headers: req.headers, origin, now: this.clock.now() }, spoil);
      return;
    }
    const reply = await handleApi(this.store, { method, path: url.pathname, query, headers: req.headers, rawBody: raw.text, now: this.clock.now(), links: this.links });
    if (fault?.type === 'lostAnswer') {
      req.socket.destroy();
      this.record({ ...entry, status: 0, code: Number(reply.body.code) });
      return;
    }
    this.finish(res, entry, reply.status, JSON_TYPE, stringifyJson(reply.body), Number(reply.body.code), reply.headers);
  }

  private download(res: ServerResponse, entry: LoggedRequest, request: DownloadRequest, fault: ByteFault | undefined): void {
    const answer = answerDownload(this.store, this.links, request);
    if (!answer.ok) {
      const { status, code, msg } = answer.error;
      this.finish(res, entry, status, JSON_TYPE, stringifyJson({ code, msg: msg[languageOf(request.headers)] }), code, answer.headers);
      return;
    }
    this.record({ ...entry, status: 200 });
    sendContent(res, this.clock.httpDate(), request.method, answer.content, fault);
  }

  private applyFault(req: IncomingMessage, res: ServerResponse, entry: LoggedRequest, fault: AnswerFault): void {
    switch (fault.type) {
      case 'expired': {
        const msg = { en: 'The download link has expired.', zh: '下载链接已过期。' }[languageOf(req.headers)];
        this.finish(res, entry, 403, JSON_TYPE, stringifyJson({ code: ErrorCode.noPermission, msg }), ErrorCode.noPermission);
        return;
      }
      case 'drop':
        req.socket.destroy();
        this.record(entry);
        return;
      case 'malformedJson':
        this.finish(res, entry, 200, JSON_TYPE, MALFORMED_JSON);
        return;
      case 'html': {
        const html = `<!DOCTYPE html><html><head><title>${fault.status} Error</title></head><body><h1>${fault.status} Error</h1><p>The gateway could not process the request.</p></body></html>`;
        this.finish(res, entry, fault.status, 'text/html; charset=utf-8', html);
        return;
      }
      case 'status': {
        const isText = typeof fault.body === 'string';
        const text = fault.body === undefined ? '' : isText ? (fault.body as string) : stringifyJson(fault.body);
        const code = (fault.body as { code?: unknown } | undefined)?.code;
        const type = fault.body === undefined ? undefined : isText ? 'text/plain; charset=utf-8' : JSON_TYPE;
        this.finish(res, entry, fault.status, type, text, typeof code === 'number' ? code : undefined, fault.headers);
        return;
      }
    }
  }

  private finish(res: ServerResponse, entry: LoggedRequest, status: number, type: string | undefined, text: string, code?: number, headers?: Record<string, string>): void {
    send(res, this.clock.httpDate(), status, type, text, headers);
    this.record({ ...entry, status, code });
  }

  private record(entry: LoggedRequest): void {
    this.log.add(entry);
    this.onRequest?.(entry);
  }

  /** Resolves true after `ms`, or false when the emulator closes first. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const sleep = {
        timer: setTimeout(() => {
          this.sleeps.delete(sleep);
          resolve(true);
        }, ms),
        resolve,
      };
      this.sleeps.add(sleep);
    });
  }
}

/** Faults that answer instead of the emulator. */
type AnswerFault = Exclude<Fault, { type: 'delay' | 'lostAnswer' } | ByteFault>;

function isAnswerFault(fault: Fault): fault is AnswerFault {
  return fault.type !== 'delay' && fault.type !== 'lostAnswer' && !isByteFault(fault);
}

function isByteFault(fault: Fault): fault is ByteFault {
  return fault.type === 'corrupt' || fault.type === 'cut' || fault.type === 'truncate';
}

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

function bodyForLog(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return parseJsonLossless(text, true);
  } catch {
    return text;
  }
}

/** The whole body as text, `tooLarge` past the limit, or undefined when the client went away. */
function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean } | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', () => resolve(undefined));
    req.on('close', () => resolve(undefined));
  });
}
