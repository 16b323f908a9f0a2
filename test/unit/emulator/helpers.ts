/**
 * Raw HTTP helpers for the emulator tests. They deliberately use global fetch, not the project's
 * client, so that the emulator is tested on its own.
 */
import type { Envelope } from '../../../src/api/types';
import type { EmulatorUser, RunningEmulator } from '../../emulator/server';

/** Query parameters; undefined ones are left out. */
export type Query = Record<string, string | number | undefined>;

export interface CallOptions {
  method?: string;
  query?: Query;
  /** The caller; default the owner. Ignored for headers given explicitly. */
  user?: EmulatorUser;
  /** Overrides the default headers; `undefined` removes one. */
  headers?: Record<string, string | undefined>;
  /** JSON-encoded and sent with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent as is (no Content-Type unless given in `headers`). */
  rawBody?: string;
}

export interface CallResult {
  status: number;
  text: string;
  /** The parsed body (ids beyond 2^53 rounded: use `text` to check those). */
  json: Envelope & Record<string, unknown>;
  headers: Headers;
}

/** `yyyyMMdd'T'HHmmss'Z'` for an instant. */
export function xDate(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A trace id of `length` characters. */
export function traceId(length = 58): string {
  return 'T'.repeat(length);
}

export function owner(emulator: RunningEmulator): EmulatorUser {
  return byRole(emulator, 'owner');
}

export function member(emulator: RunningEmulator): EmulatorUser {
  return byRole(emulator, 'member');
}

export function outsider(emulator: RunningEmulator): EmulatorUser {
  return byRole(emulator, 'outsider');
}

function byRole(emulator: RunningEmulator, role: EmulatorUser['role']): EmulatorUser {
  const user = emulator.users.find((candidate) => candidate.role === role);
  if (!user) {
    throw new Error(`No ${role}`);
  }
  return user;
}

/** Calls the API with valid headers for `options.user` unless told otherwise. */
export async function call(emulator: RunningEmulator, path: string, options: CallOptions = {}): Promise<CallResult> {
  const user = options.user ?? owner(emulator);
  const headers: Record<string, string | undefined> = {
    Authorization: `Bearer ${user.token}`,
    'X-User-Id': user.userId,
    'X-Date': xDate(),
    ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...options.headers,
  };
  const url = new URL(`${emulator.url}/koodrive/ose/v1${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) {
      url.searchParams.set(name, String(value));
    }
  }
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    body: options.body !== undefined ? JSON.stringify(options.body) : options.rawBody,
  });
  const text = await response.text();
  let json: Envelope & Record<string, unknown> = { code: Number.NaN };
  try {
    json = JSON.parse(text) as Envelope & Record<string, unknown>;
  } catch {
    // Not JSON (an HTML or truncated fault body): tests look at `text`.
  }
  return { status: response.status, text, json, headers: response.headers };
}

/** Asserts nothing; returns `[status, code]` for compact comparisons. */
export function outcome(result: CallResult): [number, unknown] {
  return [result.status, result.json.code];
}
