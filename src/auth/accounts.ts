import * as vscode from 'vscode';
import { fnv1a } from '../api/fnv1a';
import { type Account, accountId, INDEX_KEY, isAccountKey, LEGACY_TOKEN_KEY, legacyTarget, originOf, parseIndex, sameAccount, serializeIndex, tokenKey } from '../model/accounts';
import type { SessionState } from './state';

/**
 * The only module that touches SecretStorage (D23). It keeps one token per account (server origin
 * and user id) and an index of the accounts (no token in it), hands a token to the client per
 * request and only for its own account, knows which account is active (the endpoint's origin and
 * the `koodrive.userId` setting) and which ones KooDrive answered 401 to, and keeps windows in
 * step through `secrets.onDidChange`.
 */
/** How long a token read from the secret storage is held in memory, at most. */
const HOLD_TOKEN_MS = 5000;

export class Accounts implements vscode.Disposable {
  private list: Account[] = [];
  private readonly expired = new Set<string>();
  /** A short fingerprint of each account's token as last read, to notice one renewed elsewhere (never the token). */
  private readonly prints = new Map<string, number>();
  private readonly changes = new vscode.EventEmitter<void>();
  /** Fires when an account is added, removed, expires or is renewed, here or in another window. */
  readonly onDidChange = this.changes.event;
  private readonly subscription: vscode.Disposable;
  /** Tokens read lately, for a few seconds (see token). */
  private readonly held = new Map<string, { token: Promise<string | undefined>; timer: NodeJS.Timeout }>();
  /** Reads and writes of the secrets, one at a time: a reload never lands between the two writes of an add. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** The configured endpoint, if usable (must not throw). */
    private readonly endpoint: () => string | undefined,
    /** The `koodrive.userId` setting, if usable (must not throw). */
    private readonly userId: () => string | undefined,
  ) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (isAccountKey(event.key)) {
        this.release();
        await this.reload();
      }
    });
  }

  /**
   * Reads the index, moving a token of the single-account versions over once. An account whose
   * token is gone (signed out in another window between two writes) is not listed.
   */
  reload(): Promise<void> {
    return this.serial(async () => {
      const listed = parseIndex(await this.secrets.get(INDEX_KEY));
      const tokens = await Promise.all(listed.map((account) => this.secrets.get(tokenKey(account))));
      listed.forEach((account, index) => this.noteToken(account, tokens[index]));
      // Listed once the migration is done: nobody sees the account before its token is in place.
      this.list = await this.migrate(listed.filter((_account, index) => tokens[index]));
      this.changes.fire();
    });
  }

  /** A token that changed (signed in again, maybe in another window) ends its account's expiry. */
  private noteToken(account: Account, token: string | undefined): void {
    const id = accountId(account);
    const print = token === undefined ? undefined : fnv1a(token);
    if (this.prints.get(id) !== print) {
      this.expired.delete(id);
    }
    if (print === undefined) {
      this.prints.delete(id);
    } else {
      this.prints.set(id, print);
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * A token kept under the single key of earlier versions becomes the account of the current
   * endpoint and user id, and the old key is deleted. Without both settings it waits.
   */
  private async migrate(list: Account[]): Promise<Account[]> {
    const legacy = await this.secrets.get(LEGACY_TOKEN_KEY);
    const target = legacy ? legacyTarget(list, this.endpoint(), this.userId()) : undefined;
    if (!legacy || !target) {
      return list;
    }
    let migrated = list;
    if (target.add) {
      await this.secrets.store(tokenKey(target.account), legacy);
      this.noteToken(target.account, legacy);
      migrated = [...list, target.account];
      await this.secrets.store(INDEX_KEY, serializeIndex(migrated));
    }
    await this.secrets.delete(LEGACY_TOKEN_KEY);
    return migrated;
  }

  /** Every account signed in on this computer, on any server. */
  all(): readonly Account[] {
    return this.list;
  }

  /** The account KooDrive calls are made as: the configured server's, with the configured user id; undefined when not signed in there. */
  active(): Account | undefined {
    const origin = originOf(this.endpoint());
    const userId = this.userId();
    return origin && userId ? this.list.find((account) => account.origin === origin && account.userId === userId) : undefined;
  }

  /** The account with this id (see accountId), if it is signed in. */
  byId(id: string): Account | undefined {
    return this.list.find((account) => accountId(account) === id);
  }

  /** Whether `account` may be used: signed in, or answered 401 (expired); the active one's state when none is given. */
  state(account = this.active()): SessionState {
    if (!account || !this.list.some((each) => sameAccount(each, account))) {
      return 'signedOut';
    }
    return this.expired.has(accountId(account)) ? 'expired' : 'signedIn';
  }

  /**
   * `account`'s token; undefined once it signed out. Read from the secret storage, and held in
   * memory for a few seconds at most (reading it costs a round trip to the workbench, and a
   * filter over a long album makes thousands of requests a minute); any change of the stored
   * tokens, here or in another window, drops it at once. It is written nowhere else.
   */
  token(account: Account): Promise<string | undefined> {
    const key = tokenKey(account);
    const held = this.held.get(key);
    if (!held) {
      const token = Promise.resolve(this.secrets.get(key)).then((value) => value || undefined);
      const timer = setTimeout(() => this.held.delete(key), HOLD_TOKEN_MS);
      timer.unref();
      this.held.set(key, { token, timer });
      return token;
    }
    return held.token;
  }

  /** Forgets every token held in memory (the stored ones changed). */
  private release(): void {
    for (const { timer } of this.held.values()) {
      clearTimeout(timer);
    }
    this.held.clear();
  }

  /** Keeps `token` for `account` (checked by the caller) and lists the account; a 401 it had is forgotten. */
  add(account: Account, token: string): Promise<void> {
    return this.serial(async () => {
      this.release();
      await this.secrets.store(tokenKey(account), token);
      this.list = [...this.list.filter((each) => !sameAccount(each, account)), account];
      await this.secrets.store(INDEX_KEY, serializeIndex(this.list));
      this.noteToken(account, token);
      this.expired.delete(accountId(account));
      this.changes.fire();
    });
  }

  /** Signs `account` out: its token is deleted and it leaves the index; the others stay. */
  remove(account: Account): Promise<void> {
    return this.serial(async () => {
      this.release();
      await this.secrets.delete(tokenKey(account));
      this.release(); // a read that began before the delete may have held the token meanwhile
      this.list = this.list.filter((each) => !sameAccount(each, account));
      await this.secrets.store(INDEX_KEY, serializeIndex(this.list));
      this.noteToken(account, undefined);
      this.changes.fire();
    });
  }

  /** KooDrive answered 401 for `account`: only that account is expired until it signs in again. */
  markExpired(account: Account): void {
    const id = accountId(account);
    if (!this.expired.has(id) && this.list.some((each) => sameAccount(each, account))) {
      this.expired.add(id);
      this.changes.fire();
    }
  }

  /** The endpoint or user id setting changed: a token of earlier versions may now find its account. */
  settingsChanged(): Promise<void> {
    return this.serial(async () => {
      this.list = await this.migrate(this.list);
      this.changes.fire();
    });
  }

  dispose(): void {
    this.release();
    this.subscription.dispose();
    this.changes.dispose();
  }
}
