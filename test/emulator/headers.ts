/**
 * Validation of the common request headers (decisions D1-D5): Authorization, X-User-Id, X-Date,
 * X-Traceid and language. Authentication failures are HTTP 401 naming the header; a malformed
 * X-Traceid or language is a parameter error.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Limits } from '../../src/api/types';
import { parseXDate } from './clock';
import { authError, paramError } from './errors';
import type { User } from './model';
import type { Store } from './store';

/**
 * How a route authenticates:
 * - `standard`: Bearer token, X-User-Id and X-Date mandatory (album, shared-folder, member pages);
 * - `relaxed`: X-User-Id and X-Date optional but checked when present (GetUserGroupMemberList);
 * - `userInfo`: like `relaxed`, and `AT+<token>` is accepted too (GetUserInfo);
 * - `download`: Bearer token and X-User-Id mandatory, X-Date checked when present (downloads on
 *   the API's origin, D15: a download link is a plain URL that carries no date).
 */
export type AuthMode = 'standard' | 'relaxed' | 'userInfo' | 'download';

export type Lang = 'en' | 'zh';

/** The value of a header, or undefined when absent. Node joins repeated headers with ", ". */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `xx`, `xx-YY` or `xx_yy` (D5). */
const LANGUAGE = /^(?:[a-z]{2}|[a-z]{2}-[A-Z]{2}|[a-z]{2}_[a-z]{2})$/;

/**
 * The language of `msg`: Chinese for `zh*`, else English. An absent or malformed header gives
 * English here; {@link checkLanguage} rejects the malformed one.
 */
export function languageOf(headers: IncomingHttpHeaders): Lang {
  const value = header(headers, 'language');
  return value !== undefined && LANGUAGE.test(value) && value.startsWith('zh') ? 'zh' : 'en';
}

/** @throws ApiError 13000102 when `language` is present but not `xx`, `xx-YY` or `xx_yy`. */
export function checkLanguage(headers: IncomingHttpHeaders): void {
  const value = header(headers, 'language');
  if (value !== undefined && !LANGUAGE.test(value)) {
    throw paramError('language must look like "en", "en-US" or "en_us".', 'language 格式必须类似 "zh"、"zh-CN" 或 "zh_cn"。');
  }
}

/** @throws ApiError 13000102 when X-Traceid is present but not exactly 58 characters long (D4). */
export function checkTraceId(headers: IncomingHttpHeaders): void {
  const value = header(headers, 'x-traceid');
  if (value !== undefined && value.length !== Limits.traceIdLength) {
    throw paramError(
      `X-Traceid must be exactly ${Limits.traceIdLength} characters long (got ${value.length}).`,
      `X-Traceid 长度必须为 ${Limits.traceIdLength} 位（实际 ${value.length} 位）。`,
    );
  }
}

/**
 * Checks Authorization, X-User-Id and X-Date and returns the calling user.
 * @throws ApiError 401 / 13000100 naming the failing header.
 */
export function authenticate(headers: IncomingHttpHeaders, store: Store, now: number, mode: AuthMode): User {
  const user = checkToken(header(headers, 'authorization'), store, mode);
  const userId = header(headers, 'x-user-id');
  if (userId === undefined || userId === '') {
    if (mode === 'standard' || mode === 'download') {
      throw authError('X-User-Id', 'is missing.', '缺失。');
    }
  } else if (userId !== user.userId) {
    throw authError('X-User-Id', 'does not match the access token.', '与访问令牌不匹配。');
  }
  const date = header(headers, 'x-date');
  if (date === undefined || date === '') {
    if (mode === 'standard') {
      throw authError('X-Date', 'is missing.', '缺失。');
    }
  } else {
    checkDate(date, now);
  }
  return user;
}

function checkToken(value: string | undefined, store: Store, mode: AuthMode): User {
  if (value === undefined || value === '') {
    throw authError('Authorization', 'is missing.', '缺失。');
  }
  // D3: "Bearer <token>" (RFC 6750) or the pages' literal "Bearer+<token>"; GetUserInfo's page
  // documents "AT+<token>".
  const match = /^Bearer[ +](\S+)$/.exec(value) ?? (mode === 'userInfo' ? /^AT\+(\S+)$/.exec(value) : null);
  if (!match) {
    const expected = mode === 'userInfo' ? '"Bearer <token>", "Bearer+<token>" or "AT+<token>"' : '"Bearer <token>" or "Bearer+<token>"';
    throw authError('Authorization', `must be ${expected}.`, `格式必须为 ${expected}。`);
  }
  const user = store.userByToken(match[1]);
  if (!user) {
    throw authError('Authorization', 'carries an invalid or expired access token.', '访问令牌无效或已过期。');
  }
  return user;
}

function checkDate(value: string, now: number): void {
  const instant = parseXDate(value);
  if (instant === undefined) {
    throw authError('X-Date', `must be a UTC time as yyyyMMdd'T'HHmmss'Z' (got "${value}").`, `必须为 yyyyMMdd'T'HHmmss'Z' 格式的 UTC 时间（实际为 "${value}"）。`);
  }
  if (instant > now) {
    throw authError('X-Date', 'is in the future.', '晚于服务器当前时间。');
  }
  if (instant < now - Limits.dateWindowMs) {
    throw authError('X-Date', 'is more than 15 minutes old.', '早于服务器当前时间 15 分钟以上。');
  }
}
