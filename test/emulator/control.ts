/**
 * A client for the emulator's control endpoints. It speaks plain HTTP (global fetch), so a test
 * in another process than the emulator can use it with just the base URL.
 */
import type { EmulatorOptions, EmulatorUser, FaultRule, LoggedRequest, NameKind } from './contract';

export type { Fault, FaultRule, LoggedRequest, NameKind } from './contract';

export class EmulatorControl {
  private readonly baseUrl: string;

  /** @param baseUrl the emulator's URL, e.g. `http://127.0.0.1:43117`. */
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Reseeds the data (with `scale`, or the startup scale), resets the clock, faults and log. */
  async reset(scale?: EmulatorOptions['scale']): Promise<void> {
    await this.call('POST', 'reset', scale === undefined ? {} : { scale });
  }

  /** Makes the emulator's clock run `ms` ahead of (positive) or behind (negative) real time. */
  async setClockOffset(ms: number): Promise<void> {
    await this.call('POST', 'clock', { offsetMs: ms });
  }

  /** Applies `rule.fault` to the next `rule.times` (default 1) matching API requests. */
  async addFault(rule: FaultRule): Promise<void> {
    await this.call('POST', 'faults', rule);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  /** The API requests seen since the last reset or clear, oldest first. */
  async requests(): Promise<LoggedRequest[]> {
    return ((await this.call('GET', 'requests')) as { requests: LoggedRequest[] }).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  /** The seeded users who can call the API, with their tokens. */
  async users(): Promise<EmulatorUser[]> {
    return ((await this.call('GET', 'users')) as { users: EmulatorUser[] }).users;
  }

  /**
   * Sets the name of an album, shared folder (by primary key), user or file directly, bypassing
   * the API's rules, so tests can plant hostile names (D18). A file's `''` or `null` removes its
   * name: getFile then has no `fileName`, `fileSuffix` nor `fullFileSuffix`.
   * @throws Error for an unknown kind or id, a collection album, or a name over 4096 characters.
   */
  async setName(kind: NameKind, id: string, name: string | null): Promise<void> {
    await this.call('POST', 'names', { kind, id, name });
  }

  /**
   * Replaces the token of `userId` (owner, member or outsider) with a new random one: the old one
   * then gets HTTP 401 like any wrong token, the other users' tokens keep working. `reset()`
   * brings back the seeded tokens. `RunningEmulator.users` is the list at start; `users()` reads
   * the current one.
   * @returns the user id and the new token. @throws Error for an unknown user or one without a token.
   */
  async rotateToken(userId: string): Promise<{ userId: string; token: string }> {
    return (await this.call('POST', 'tokens', { userId })) as { userId: string; token: string };
  }

  /** @throws Error when the emulator refuses the request (the message carries its reason). */
  private async call(method: string, endpoint: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/__emulator/${endpoint}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`Emulator control ${method} ${endpoint} failed with HTTP ${response.status}: ${text}`);
    }
    return JSON.parse(text) as unknown;
  }
}
