/**
 * Reading an answer: the `code`/`msg` envelope (D6), its error kind (D7), and the payload
 * fields, which sit at the top level or under `data` depending on the endpoint (§7.30).
 */
import { kindFor, type KooDriveErrorKind } from './errors';
import { parseLossless } from './json';
import { cleanRow, leftOutText, rowIdField } from './rows';

/** A parsed JSON object answer. */
export type Body = Record<string, unknown>;

/** What an answer amounts to: the success body, or the parts of a KooDriveError. */
export type Reading =
  | { ok: true; body: Body; code: string }
  | { ok: false; kind: KooDriveErrorKind; code?: string; serverMessage?: string; detail?: string };

const MAX_MESSAGE = 500;

/**
 * Classifies one HTTP answer. Success only when the status is 2xx AND `Number(code) === 0`
 * (`code` may be a number or a string; `msg` is never compared). A body that is not a JSON
 * object is `badResponse`, except on 401, 429 and 5xx, whose status says enough (a gateway's
 * HTML 503 page is a retryable `server` error). Redirects are `badResponse`: they are never followed.
 * `clean` runs on `msg` before it is cut to length, so a secret straddling the cut is still found whole.
 */
export function readEnvelope(status: number, text: string, clean: (msg: string) => string = (msg) => msg): Reading {
  let body: Body | undefined;
  try {
    const parsed = parseLossless(text);
    body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Body) : undefined;
  } catch {
    body = undefined;
  }
  const rawCode = body?.code;
  const code = typeof rawCode === 'number' || (typeof rawCode === 'string' && rawCode.trim() !== '') ? String(rawCode).trim() : undefined;
  const success = status >= 200 && status < 300;
  if (success && body && code !== undefined && Number(code) === 0) {
    return { ok: true, body, code };
  }
  // Only a failure's msg is shown, so only then is it cleaned (which costs a pattern per token).
  const serverMessage = typeof body?.msg === 'string' && body.msg !== '' ? clean(body.msg).slice(0, MAX_MESSAGE) : undefined;
  if (status >= 300 && status < 400) {
    return { ok: false, kind: 'badResponse', detail: 'the server answered with a redirect, which is never followed' };
  }
  if (!body && (success || (status !== 401 && status !== 429 && status < 500))) {
    return { ok: false, kind: 'badResponse', detail: text.trim() === '' ? 'the answer was empty' : 'the answer was not JSON' };
  }
  if (!body) {
    return { ok: false, kind: kindFor(status, undefined), detail: 'the answer was not JSON' };
  }
  if (success && code === undefined) {
    return { ok: false, kind: 'badResponse', serverMessage, detail: 'the answer has no result code' };
  }
  return { ok: false, kind: kindFor(status, code), code, serverMessage };
}

/** A success body whose payload is missing or of the wrong type. */
export class ShapeError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'ShapeError';
  }
}

/** A payload field: at the top level, else inside a `data` object. */
export function field(body: Body, name: string): unknown {
  if (body[name] !== undefined && body[name] !== null) {
    return body[name];
  }
  const data = body.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Body)[name] ?? undefined : undefined;
}

/**
 * An array payload; absent means empty (D12). Entries that are not objects are left out. The
 * rows of a listing (albumList, contentList, folders, userGroupMemberInfos, details) are cleaned
 * (see rows.ts); those without a usable id are left out and noted on `body` (see {@link takeAnomalies}).
 * @throws ShapeError when it is not an array.
 */
export function listField<T>(body: Body, name: string): T[] {
  const value = field(body, name);
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new ShapeError(`"${name}" is not a list`);
  }
  const idField = rowIdField(name);
  const rows: T[] = [];
  let leftOut = 0;
  for (const item of value as unknown[]) {
    const isObject = item !== null && typeof item === 'object' && !Array.isArray(item);
    if (isObject && (idField === undefined || cleanRow(item as Record<string, unknown>, idField))) {
      rows.push(item as T);
    } else {
      leftOut++;
    }
  }
  if (idField !== undefined && leftOut > 0) {
    noteAnomaly(body, leftOutText(leftOut, idField));
  }
  return rows;
}

/** Where a body keeps what its readers noticed; a symbol, so it never shows as a field. */
const ANOMALIES = Symbol('anomalies');

type Noted = Body & { [ANOMALIES]?: string[] };

/** Notes something odd about an answer that was still read, for the client's `onAnomaly`. */
export function noteAnomaly(body: Body, text: string): void {
  ((body as Noted)[ANOMALIES] ??= []).push(text);
}

/** What was noted about `body`, at most once: the notes are removed as they are taken. */
export function takeAnomalies(body: Body): string[] {
  const notes = (body as Noted)[ANOMALIES] ?? [];
  delete (body as Noted)[ANOMALIES];
  return notes;
}

/** An object payload that must be there. @throws ShapeError when missing or not an object. */
export function objectField<T>(body: Body, name: string): T {
  const value = name === 'data' ? body.data : field(body, name);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ShapeError(`the answer has no "${name}" object`);
  }
  return value as T;
}

/** A string payload that must be there (numbers are accepted as their digits). @throws ShapeError. */
export function stringField(body: Body, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined) {
    throw new ShapeError(`the answer has no "${name}"`);
  }
  return value;
}

/** A string payload, or undefined. Numbers become their digits. */
export function optionalString(body: Body, name: string): string | undefined {
  const value = field(body, name);
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A count such as `total`: a number or a numeric string, else undefined. */
export function optionalNumber(body: Body, name: string): number | undefined {
  const value = field(body, name);
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}
