/**
 * The request pipeline of an API call: route, authenticate, validate the common headers and the
 * body, run the handler, wrap the result in the `code`/`msg` envelope (D6, D7).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode } from '../../src/api/types';
import type { DownloadLinks } from './downloadLinks';
import { ApiError, paramError } from './errors';
import { authenticate, checkLanguage, checkTraceId, header, languageOf } from './headers';
import { parseJsonLossless } from './json';
import type { Body, Query } from './params';
import { Router, type Resolution } from './router';
import { albumContentRoutes } from './routes/albumContent';
import { albumRoutes } from './routes/albums';
import { fileRoutes } from './routes/files';
import { inviteRoutes } from './routes/invites';
import { memberRoutes } from './routes/members';
import { sharedFolderRoutes } from './routes/sharedFolders';
import { spaceRoutes } from './routes/spaces';
import { userRoutes } from './routes/users';
import type { Store } from './store';

export interface ApiRequest {
  method: string;
  path: string;
  query: Query;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Now, on the emulator's clock. */
  now: number;
  links: DownloadLinks;
}

export interface ApiReply {
  status: number;
  /** The JSON envelope; may contain JsonInteger values. */
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

const router = new Router([...albumRoutes, ...albumContentRoutes, ...sharedFolderRoutes, ...inviteRoutes, ...memberRoutes, ...userRoutes, ...spaceRoutes, ...fileRoutes]);

const SUCCESS = {
  album: { en: 'Success.', zh: '成功。' },
  default: { en: 'success', zh: '成功' },
} as const;

/** Answers one API request against `store`. Never rejects. */
export async function handleApi(store: Store, request: ApiRequest): Promise<ApiReply> {
  const resolution = router.resolve(request.method, request.path);
  const reply = await answer(store, request, resolution);
  if (resolution.kind === 'route' && resolution.route.stringCode) {
    return { ...reply, body: { ...reply.body, code: String(reply.body.code) } };
  }
  return reply;
}

async function answer(store: Store, request: ApiRequest, resolution: Resolution): Promise<ApiReply> {
  const lang = languageOf(request.headers);
  try {
    if (resolution.kind === 'notFound') {
      throw new ApiError(404, ErrorCode.parameterInvalid, { en: `No API at ${request.path}.`, zh: `接口 ${request.path} 不存在。` });
    }
    if (resolution.kind === 'methodNotAllowed') {
      const allow = resolution.allow.join(', ');
      const error = new ApiError(405, ErrorCode.parameterInvalid, { en: `Method ${request.method} not allowed; use ${allow}.`, zh: `不支持 ${request.method} 方法，请使用 ${allow}。` });
      return { ...errorReply(error, lang), headers: { Allow: allow } };
    }
    const { route, params } = resolution;
    const caller = authenticate(request.headers, store, request.now, route.auth);
    checkTraceId(request.headers);
    checkLanguage(request.headers);
    const body = route.body ? parseBody(request.headers, request.rawBody) : {};
    const payload = await route.handle({ store, caller, params, query: request.query, body, now: request.now, links: request.links });
    return { status: 200, body: { ...payload, code: ErrorCode.success, msg: SUCCESS[route.success][lang] } };
  } catch (error) {
    if (error instanceof ApiError) {
      return errorReply(error, lang);
    }
    // A bug in the emulator: answer like a server fault, and say what broke.
    const text = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { code: 13000201, msg: `Internal emulator error: ${text}` } };
  }
}

function errorReply(error: ApiError, lang: 'en' | 'zh'): ApiReply {
  return { status: error.status, body: { code: error.code, msg: error.msg[lang] } };
}

/** A mandatory JSON object body sent as `application/json` (D10 covers DELETE with a body too). */
function parseBody(headers: IncomingHttpHeaders, raw: string): Body {
  if (raw.trim() === '') {
    throw paramError('A JSON request body is mandatory.', '请求体不能为空。');
  }
  const contentType = header(headers, 'content-type') ?? '';
  if (!/^application\/json\s*(;.*)?$/i.test(contentType)) {
    throw paramError(`Content-Type must be application/json (got "${contentType}").`, `Content-Type 必须为 application/json（实际为 "${contentType}"）。`);
  }
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(raw);
  } catch {
    throw paramError('The request body is not valid JSON.', '请求体不是合法的 JSON。');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw paramError('The request body must be a JSON object.', '请求体必须是 JSON 对象。');
  }
  return parsed as Body;
}
