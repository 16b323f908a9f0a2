import { fnv1a } from '../api/fnv1a';
import type { Localize } from './localize';
import { maskUserId } from './mask';
import { safeText } from './safeText';

/**
 * Accounts (D23): a KooDrive user on one server. A token is kept per account, under a key made of
 * the server's origin and the user id, and is sent only there with that `X-User-Id`. Pure: the
 * key scheme, the index of accounts (no tokens in it) and their wording, unit-tested.
 */
export interface Account {
  /** The server's base URL as it was signed in to (`https://host[:port][/path]`). */
  endpoint: string;
  /** `scheme://host[:port]` of the endpoint: what the token is bound to. */
  origin: string;
  userId: string;
  /** The person's name as KooDrive gives it (GetUser, GetUserInfo), if it did. */
  nickname?: string;
}

/** The SecretStorage key of the one token the single-account versions kept. */
export const LEGACY_TOKEN_KEY = 'koodrive.accessToken';

/** The SecretStorage key of the index of accounts (origins, user ids and nicknames: no token). */
export const INDEX_KEY = 'koodrive.accounts';

const TOKEN_PREFIX = 'koodrive.token:';

/** The SecretStorage key of an account's token: its origin and user id, each encoded so no two accounts share one. */
export function tokenKey(account: Pick<Account, 'origin' | 'userId'>): string {
  return `${TOKEN_PREFIX}${encodeURIComponent(account.origin)}:${encodeURIComponent(account.userId)}`;
}

/** True for the SecretStorage keys of tokens and of the index: what other windows may change. */
export function isAccountKey(key: string): boolean {
  return key === INDEX_KEY || key === LEGACY_TOKEN_KEY || key.startsWith(TOKEN_PREFIX);
}

/** One account's identity: the same string as its token key, so ids and keys never disagree. */
export function accountId(account: Pick<Account, 'origin' | 'userId'>): string {
  return tokenKey(account);
}

/**
 * A short tag of an account for addresses shown to the user (a preview tab's URI): the same for
 * the same account, without its id or server in clear. FNV-1a over the account id, 8 hex digits.
 */
export function accountTag(account: Pick<Account, 'origin' | 'userId'>): string {
  return fnv1a(accountId(account)).toString(16).padStart(8, '0');
}

/** True when `a` and `b` are the same account (origin and user id). */
export function sameAccount(a: Pick<Account, 'origin' | 'userId'> | undefined, b: Pick<Account, 'origin' | 'userId'> | undefined): boolean {
  return a !== undefined && b !== undefined && a.origin === b.origin && a.userId === b.userId;
}

/** The origin of a base URL, or undefined when it is not one. */
export function originOf(endpoint: string | undefined): string | undefined {
  try {
    return endpoint ? new URL(endpoint).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a token of the single-account versions goes (D23): the account of the endpoint and user
 * id configured now, and whether it must be listed (an account already signed in keeps its own,
 * newer token). Undefined while either setting is missing or unusable: the token waits.
 */
export function legacyTarget(list: readonly Account[], endpoint: string | undefined, userId: string | undefined): { account: Account; add: boolean } | undefined {
  const origin = originOf(endpoint);
  if (!endpoint || !origin || !userId || !/^\d{1,32}$/.test(userId)) {
    return undefined;
  }
  const account: Account = { endpoint, origin, userId };
  return { account, add: !list.some((each) => sameAccount(each, account)) };
}

/** The index as stored (JSON), read defensively: entries that are not accounts are left out, each account once. */
export function parseIndex(text: string | undefined): Account[] {
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : [];
  } catch {
    return [];
  }
  const accounts: Account[] = [];
  for (const entry of Array.isArray(value) ? value : []) {
    const record = entry as Partial<Account> | null;
    const origin = originOf(typeof record?.endpoint === 'string' ? record.endpoint : undefined);
    if (!record || !origin || typeof record.userId !== 'string' || !/^\d{1,32}$/.test(record.userId) || accounts.some((account) => sameAccount(account, { origin, userId: record.userId as string }))) {
      continue;
    }
    accounts.push({ endpoint: record.endpoint as string, origin, userId: record.userId, ...(typeof record.nickname === 'string' && record.nickname.trim() ? { nickname: record.nickname.trim().slice(0, 100) } : {}) });
  }
  return accounts;
}

export function serializeIndex(accounts: readonly Account[]): string {
  return JSON.stringify(accounts.map(({ endpoint, origin, userId, nickname }) => ({ endpoint, origin, userId, ...(nickname ? { nickname } : {}) })));
}

/** How an account is named: its nickname where KooDrive gives one (inert), else its masked id. */
export function accountLabel(account: Pick<Account, 'userId' | 'nickname'>): string {
  return account.nickname ? safeText(account.nickname, 60) : maskUserId(account.userId);
}

/** The server's host, for telling accounts of two servers apart (`drive.example.com`, `127.0.0.1:8080`). */
export function serverHost(account: Pick<Account, 'origin'>): string {
  try {
    return safeText(new URL(account.origin).host, 80);
  } catch {
    return safeText(account.origin, 80);
  }
}

/** "Li Wei 李伟 (drive.example.com)": an account in messages, named and placed. */
export function accountName(account: Pick<Account, 'userId' | 'nickname' | 'origin'>, t: Localize): string {
  return t('{0} ({1})', accountLabel(account), serverHost(account));
}
