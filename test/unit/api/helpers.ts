/**
 * Shared set-up for the API tests that run over real HTTP against the local emulator: one
 * emulator per test file, reset before each test, and clients with instant, recorded backoff.
 */
import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { KooDriveClient } from '../../../src/api/client';
import { isKooDriveError, type KooDriveError, type KooDriveErrorKind } from '../../../src/api/errors';
import type { ClientOptions, RequestLogEntry } from '../../../src/api/options';
import { AlbumKind, AlbumType } from '../../../src/api/types';
import { startEmulator, type EmulatorOptions, type EmulatorUser, type LoggedRequest, type RunningEmulator } from '../../emulator/server';

export { SeedIds } from '../../emulator/server';

export interface Harness {
  emulator: RunningEmulator;
  owner: EmulatorUser;
  member: EmulatorUser;
  outsider: EmulatorUser;
  /** Backoff delays the clients asked for, in order. */
  sleeps: number[];
  /** Log entries of every client made by {@link Harness.client}. */
  log: RequestLogEntry[];
  /** A client for `user` (default the owner), with recorded instant sleeps. */
  client(user?: EmulatorUser, overrides?: Partial<ClientOptions>): KooDriveClient;
  /** The API requests the emulator saw since the last reset. */
  requests(): Promise<LoggedRequest[]>;
}

/** Registers mocha hooks that start an emulator for the file and reset it before each test. */
export function useEmulator(scale?: EmulatorOptions['scale'], downloads?: EmulatorOptions['downloads']): Harness {
  const harness = {
    sleeps: [] as number[],
    log: [] as RequestLogEntry[],
  } as unknown as Harness;
  before(async () => {
    harness.emulator = await startEmulator({ scale, downloads });
    const role = (name: EmulatorUser['role']): EmulatorUser => {
      const user = harness.emulator.users.find((candidate) => candidate.role === name);
      assert.ok(user, `emulator has no ${name}`);
      return user;
    };
    harness.owner = role('owner');
    harness.member = role('member');
    harness.outsider = role('outsider');
  });
  after(async () => {
    await harness.emulator?.close();
  });
  beforeEach(async () => {
    await harness.emulator.control.reset();
    harness.sleeps.length = 0;
    harness.log.length = 0;
  });
  harness.client = (user = harness.owner, overrides = {}) =>
    new KooDriveClient({
      endpoint: () => harness.emulator.url,
      userId: () => user.userId,
      getToken: () => Promise.resolve(user.token),
      language: () => 'en-US',
      timeoutMs: () => 5_000,
      onRequest: (entry) => harness.log.push(entry),
      sleep: (ms, signal) => {
        harness.sleeps.push(ms);
        return signal?.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve();
      },
      random: () => 0.5,
      ...overrides,
    });
  harness.requests = () => harness.emulator.control.requests();
  return harness;
}

/** Awaits `promise`, asserts it rejects with a KooDriveError of `kind`, and returns that error. */
export async function rejectsWith(promise: Promise<unknown>, kind: KooDriveErrorKind): Promise<KooDriveError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isKooDriveError(error), `expected a KooDriveError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }
  assert.fail(`expected a ${kind} error, but the call succeeded`);
}

/** API requests whose path ends with `suffix`. */
export function matching(requests: LoggedRequest[], suffix: string): LoggedRequest[] {
  return requests.filter((request) => request.path.endsWith(suffix));
}

/** A tiny local HTTP server that records what reaches it (method, url, authorization, headers). */
export interface RecordingServer {
  port: number;
  hits: { method: string; url: string; authorization?: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Starts a {@link RecordingServer} on `host` (default 127.0.0.1) that answers with `handler`. */
export async function startRecordingServer(handler: (req: IncomingMessage, res: ServerResponse) => void, host = '127.0.0.1'): Promise<RecordingServer> {
  const hits: RecordingServer['hits'] = [];
  const server = createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, headers: req.headers });
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const MINUTE = 60_000;

/** The query of personal manual albums, the seed's usual list. */
export const personalManual = { albumKind: AlbumKind.personal, albumType: AlbumType.manual } as const;

/** `yyyyMMddTHHmmssZ` back to ms. */
export function parseXDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(m, `bad X-Date ${value}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
