/**
 * Who gets a file's bytes (D15). On the API's origin, `GET /__files/{content|thumbnail}/{fileId}`
 * needs the caller's `Authorization` (`Bearer <token>` or `Bearer+<token>`) and a matching
 * `X-User-Id`, and a file the caller may read (their own, or a family member's). On the second
 * origin of separate mode, only a valid, unexpired pre-signed URL works, and a request that
 * carries `Authorization` or `X-User-Id` is refused: a client must never send its token there.
 * Failures answer with the usual `code`/`msg` envelope.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode } from '../../src/api/types';
import type { DownloadLinks } from './downloadLinks';
import { ApiError, type Msg } from './errors';
import { contentOf, type Content } from './fileContent';
import { authenticate, header } from './headers';
import type { Store } from './store';

/** Which listening socket a request came in on. */
export type Origin = 'main' | 'downloads';

export interface DownloadRequest {
  method: string;
  /** Still percent-encoded, as signed. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  origin: Origin;
  now: number;
}

export type DownloadAnswer = { ok: true; content: Content } | { ok: false; error: ApiError; headers?: Record<string, string> };

const PATH = /^\/__files\/(content|thumbnail)\/([^/]+)$/;

/** Decides what a download request gets. Never throws. */
export function answerDownload(store: Store, links: DownloadLinks, request: DownloadRequest): DownloadAnswer {
  try {
    const match = PATH.exec(request.path);
    if (!match) {
      throw new ApiError(404, ErrorCode.resourceNotFound, { en: `No download at ${request.path}.`, zh: `${request.path} 没有可下载的内容。` });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const error = new ApiError(405, ErrorCode.parameterInvalid, { en: `Method ${request.method} not allowed; use GET or HEAD.`, zh: `不支持 ${request.method} 方法，请使用 GET 或 HEAD。` });
      return { ok: false, error, headers: { Allow: 'GET, HEAD' } };
    }
    const usage = match[1] as 'content' | 'thumbnail';
    const fileId = decodeSegment(match[2]);
    const readerId = request.origin === 'downloads' ? checkSignature(links, request) : authenticate(request.headers, store, request.now, 'download').userId;
    const record = store.files.get(fileId);
    if (!record) {
      throw missing(`File ${fileId} does not exist.`, `文件 ${fileId} 不存在。`);
    }
    if (readerId !== undefined && !store.mayReadSpaceOf(readerId, record.ownerId)) {
      throw forbidden({ en: `File ${fileId} belongs to a user who shares no family group with you.`, zh: `文件 ${fileId} 的所有者与您不在同一家庭群组。` });
    }
    const content = contentOf(record, usage);
    if (!content) {
      throw missing(`File ${fileId} has no ${usage}.`, `文件 ${fileId} 没有${usage === 'content' ? '内容' : '缩略图'}。`);
    }
    return { ok: true, content };
  } catch (error) {
    if (error instanceof ApiError) {
      return { ok: false, error };
    }
    throw error;
  }
}

/** The pre-signed check of the second origin; its answer names no reader (the link is the permission). */
function checkSignature(links: DownloadLinks, request: DownloadRequest): undefined {
  if (header(request.headers, 'authorization') !== undefined || header(request.headers, 'x-user-id') !== undefined) {
    throw forbidden({
      en: 'This download origin takes pre-signed links only and refuses requests that carry Authorization or X-User-Id.',
      zh: '此下载地址只接受预签名链接，拒绝携带 Authorization 或 X-User-Id 的请求。',
    });
  }
  const problem = links.verify(request.path, request.query.expires, request.query.sig);
  if (problem) {
    const why = { missing: ['has no expires or sig', '缺少 expires 或 sig'], expired: ['has expired', '已过期'], invalid: ['has an invalid signature', '签名无效'] }[problem];
    throw forbidden({ en: `The download link ${why[0]}.`, zh: `下载链接${why[1]}。` });
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw missing(`No download at ${segment}.`, `${segment} 没有可下载的内容。`);
  }
}

function forbidden(msg: Msg): ApiError {
  return new ApiError(403, ErrorCode.noPermission, msg);
}

function missing(en: string, zh: string): ApiError {
  return new ApiError(404, ErrorCode.resourceNotFound, { en, zh });
}
