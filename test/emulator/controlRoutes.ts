/**
 * The control endpoints under `/__emulator/` that tests use to reset data, shift the clock,
 * inject faults, plant hostile names (D18), replace a user's token and read the request log. The
 * caller checks the loopback rule; these requests are never logged.
 */
import type { EmulatorUser } from './contract';
import type { Faults } from './faults';
import type { RequestLog } from './requestLog';
import type { Scale } from './seed';

/** What the control endpoints act on. */
export interface ControlTarget {
  readonly faults: Faults;
  readonly log: RequestLog;
  reset(scale?: Scale): void;
  setClockOffset(ms: number): void;
  clockOffset(): number;
  now(): number;
  users(): EmulatorUser[];
  /** Sets a name directly (D18). @throws Error for an unknown kind or id, or a bad name. */
  setName(kind: unknown, id: unknown, name: unknown): void;
  /** Replaces a user's token with a new one. @throws Error for an unknown user or one without a token. */
  rotateToken(userId: unknown): { userId: string; token: string };
}

export interface ControlReply {
  status: number;
  body: unknown;
}

/** Upper bounds that keep a mistyped scale from exhausting memory. */
const SCALE_MAX = { albums: 100_000, albumItems: 1_000_000, sharedFolders: 100_000, bigFileMb: 16_384, megabyteFiles: 10_000 };

/** Answers one control request. Never throws: bad input is a 400 with `{error}`. */
export function handleControl(target: ControlTarget, method: string, path: string, rawBody: string): ControlReply {
  const ok: ControlReply = { status: 200, body: { ok: true } };
  try {
    const body = rawBody.trim() === '' ? {} : (JSON.parse(rawBody) as unknown);
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /__emulator/reset':
        target.reset(scaleOf(body));
        return ok;
      case 'POST /__emulator/clock': {
        const offsetMs = (body as { offsetMs?: unknown }).offsetMs;
        if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) {
          throw new Error('offsetMs must be a finite number');
        }
        target.setClockOffset(offsetMs);
        return ok;
      }
      case 'GET /__emulator/clock':
        return { status: 200, body: { offsetMs: target.clockOffset(), now: new Date(target.now()).toISOString() } };
      case 'POST /__emulator/faults':
        target.faults.add(body);
        return ok;
      case 'DELETE /__emulator/faults':
        target.faults.clear();
        return ok;
      case 'GET /__emulator/requests':
        return { status: 200, body: { requests: target.log.list() } };
      case 'DELETE /__emulator/requests':
        target.log.clear();
        return ok;
      case 'GET /__emulator/users':
        return { status: 200, body: { users: target.users() } };
      case 'POST /__emulator/names': {
        const { kind, id, name } = (body ?? {}) as { kind?: unknown; id?: unknown; name?: unknown };
        target.setName(kind, id, name);
        return ok;
      }
      case 'POST /__emulator/tokens':
        return { status: 200, body: target.rotateToken((body as { userId?: unknown } | null)?.userId) };
      default:
        return { status: 404, body: { error: `No control endpoint ${route}` } };
    }
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}

function scaleOf(body: unknown): Scale | undefined {
  const scale = (body as { scale?: unknown } | null)?.scale;
  if (scale === undefined || scale === null) {
    return undefined;
  }
  if (typeof scale !== 'object') {
    throw new Error('scale must be an object');
  }
  for (const [name, max] of Object.entries(SCALE_MAX)) {
    const value = (scale as Record<string, unknown>)[name];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max)) {
      throw new Error(`scale.${name} must be an integer from 0 to ${max}`);
    }
  }
  return scale;
}
