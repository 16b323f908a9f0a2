/**
 * Errors the emulator answers with, and their English / Chinese messages (decision D5: `msg` is
 * Chinese when `language` is `zh*`). Codes and statuses follow decision D7.
 */
import { ErrorCode } from '../../src/api/types';

/** A message in both languages the emulator speaks. */
export interface Msg {
  en: string;
  zh: string;
}

/** A failure that becomes an HTTP error response with the usual `code`/`msg` envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly msg: Msg,
  ) {
    super(msg.en);
  }
}

/** HTTP 400 / 13000102: a parameter, header or body failed validation. */
export function paramError(en: string, zh: string): ApiError {
  return new ApiError(400, ErrorCode.parameterInvalid, {
    en: `Verify parameters failed. ${en}`,
    zh: `参数校验失败。${zh}`,
  });
}

/** HTTP 400 / 13000309: the album, folder, group, invitation or user does not exist. */
export function notFound(what: string, id: string): ApiError {
  return new ApiError(400, ErrorCode.resourceNotFound, {
    en: `Resource not found: ${what} ${id}.`,
    zh: `资源不存在：${what} ${id}。`,
  });
}

/** HTTP 400 / 13000410: the caller is not the owner, not a member, or not the invitee. */
export function noPermission(en: string, zh: string): ApiError {
  return new ApiError(400, ErrorCode.noPermission, {
    en: `No permission. ${en}`,
    zh: `没有权限。${zh}`,
  });
}

/** HTTP 401 / 13000100: authentication failed; the message names the offending header. */
export function authError(header: string, en: string, zh: string): ApiError {
  return new ApiError(401, ErrorCode.authenticationFailed, {
    en: `Authentication failed: ${header} ${en}`,
    zh: `鉴权失败：${header} ${zh}`,
  });
}

/** Shorthand for the common "mandatory parameter missing" message. */
export function missing(name: string): ApiError {
  return paramError(`${name} is mandatory.`, `${name} 为必填参数。`);
}

/** Shorthand for "value outside its documented range". */
export function outOfRange(name: string, range: string): ApiError {
  return paramError(`${name} must be ${range}.`, `${name} 取值必须为 ${range}。`);
}

/** Shorthand for "value of the wrong type or shape". */
export function invalid(name: string, expected: string): ApiError {
  return paramError(`${name} must be ${expected}.`, `${name} 必须为 ${expected}。`);
}
