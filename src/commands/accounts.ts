import * as vscode from 'vscode';
import { parseEndpoint } from '../api/endpoint';
import { isKooDriveError } from '../api/errors';
import { type Account, accountName, originOf, serverHost } from '../model/accounts';
import { errorMessage } from '../model/errorText';
import { maskUserId } from '../model/logFormat';
import { safeText } from '../model/safeText';
import { isUserId } from '../model/settingsRules';
import { makeActive } from '../services/accountScope';
import type { App } from '../app';

const t = vscode.l10n.t;

/**
 * Sign In: the active account again when KooDrive stopped accepting its token; else the account
 * the settings name (only its token is asked for); else a new account, as Add Account.
 */
export async function signInCommand(app: App): Promise<void> {
  const active = app.accounts.active();
  if (active) {
    await signInAgain(app, active);
    return;
  }
  await addAccount(app, { title: t('KooDrive: Sign In'), userId: configuredUserId(app) });
}

/** Add Account…: a user id and a token (and the server when none is set), checked, then made active. */
export async function addAccountCommand(app: App): Promise<void> {
  await addAccount(app, { title: t('KooDrive: Add Account') });
}

/**
 * Asks for what is missing (server address, user id) and the access token, checks them with one
 * cheap call, and only then keeps the token (SecretStorage, under its account's key) and makes the
 * account the active one (the settings). With `userId`, that id is not asked for. Resolves with
 * the account, or undefined when the user stopped or KooDrive refused.
 */
export async function addAccount(app: App, options: { title?: string; userId?: string } = {}): Promise<Account | undefined> {
  const title = options.title ?? t('KooDrive: Add Account');
  let endpoint = app.config.endpointIfValid();
  if (!endpoint) {
    const answer = await app.prompter.input({
      title,
      prompt: t('Address of your KooDrive server (koodrive.endpoint)'),
      placeholder: 'https://',
      validate: (value) => (endpointProblem(value) ? t('Enter an https:// address (http:// only for this computer, such as http://127.0.0.1:8080).') : undefined),
    });
    if (answer === undefined) {
      return undefined;
    }
    endpoint = parseEndpoint(answer.trim()).toString();
  }
  const origin = originOf(endpoint) as string;
  let userId = options.userId;
  if (!userId) {
    const answer = await app.prompter.input({
      title,
      prompt: t('The KooDrive user id of the account (sent as X-User-Id)'),
      placeholder: '1644817543959100032',
      validate: (value) => (isUserId(value.trim()) ? undefined : t('A KooDrive user id is made of digits only.')),
    });
    if (answer === undefined) {
      return undefined;
    }
    userId = answer.trim();
  }
  const candidate: Account = { endpoint, origin, userId };
  const token = await askToken(app, title, t('Paste the access token of user {0}. It is kept in VS Code’s secret storage, never in settings.', maskUserId(userId)));
  if (!token || !(await verify(app, candidate, token))) {
    return undefined;
  }
  const account: Account = { ...candidate, ...(await nickname(app, candidate, token)) };
  // Kept first, made active second: the trees move from the last account straight to this one.
  await app.accounts.add(account, token);
  await makeActive(app, account);
  app.log.info(`Signed in as ${maskUserId(userId)} on ${serverHost(account)}`);
  void app.prompter.notify('info', t('Signed in to KooDrive as {0}.', accountName(account, t)));
  return account;
}

/**
 * Sign In Again after a 401: a new token for `account` only (D23), checked against its own
 * server and user id; the other accounts are left as they are. True when KooDrive accepted it.
 */
export async function signInAgain(app: App, account: Account): Promise<boolean> {
  const title = t('KooDrive: Sign In Again');
  const token = await askToken(app, title, t('Paste a new access token for {0}. It is kept in VS Code’s secret storage, never in settings.', accountName(account, t)));
  if (!token || !(await verify(app, account, token))) {
    return false;
  }
  await app.accounts.add(account, token);
  app.log.info(`Signed in again as ${maskUserId(account.userId)} on ${serverHost(account)}`);
  return true;
}

function configuredUserId(app: App): string | undefined {
  try {
    return app.config.userId();
  } catch {
    return undefined; // an unusable setting is asked for again and overwritten
  }
}

async function askToken(app: App, title: string, prompt: string): Promise<string | undefined> {
  const answer = await app.prompter.input({
    title,
    prompt,
    password: true,
    validate: (value) => (normaliseToken(value) ? undefined : t('The access token cannot be empty or contain spaces.')),
  });
  return answer === undefined ? undefined : normaliseToken(answer);
}

/** One cheap call as `account` with `token`; false (and why, in a message) when KooDrive refused or could not be asked. */
async function verify(app: App, account: Account, token: string): Promise<boolean> {
  const verifier = app.makeClient({ endpoint: () => account.endpoint, userId: () => account.userId, getToken: () => Promise.resolve(token) });
  try {
    await app.prompter.progress(t('Checking your KooDrive sign-in…'), (_reporter, signal) => verifier.listSharedFolders({ offset: 0, limit: 1 }, { signal }));
    return true;
  } catch (error) {
    if (isKooDriveError(error) && error.kind === 'cancelled') {
      return false;
    }
    app.log.warn(`Sign-in check failed: ${error instanceof Error ? error.message : String(error)}`);
    const message = isKooDriveError(error) && error.kind === 'sessionExpired'
      ? t('KooDrive did not accept this access token for user id {0}. Check both and sign in again; nothing was stored. Trace id: {1}', account.userId, error.traceId)
      : errorMessage(t('Could not check the sign-in; nothing was stored'), error, t);
    void app.prompter.notify('error', message, t('Show Log')).then((choice) => choice && app.log.show());
    return false;
  }
}

/** The person's name as KooDrive gives it (GetUser, else GetUserInfo); nothing when neither answers. */
async function nickname(app: App, account: Account, token: string): Promise<{ nickname?: string }> {
  const client = app.makeClient({ endpoint: () => account.endpoint, userId: () => account.userId, getToken: () => Promise.resolve(token), timeoutMs: () => 5000 });
  const clean = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? safeText(value.trim(), 60) : undefined);
  try {
    const name = clean((await client.getUser(account.userId)).name);
    if (name) {
      return { nickname: name };
    }
  } catch {
    // GetUser is for carriers; a user's token may not reach it. GetUserInfo is asked next.
  }
  try {
    const info = await client.getUserInfo({ userId: account.userId });
    const name = clean([info.firstname, info.surname].filter((part) => typeof part === 'string' && part.trim()).join(' '));
    return name ? { nickname: name } : {};
  } catch {
    return {};
  }
}

function endpointProblem(value: string): boolean {
  try {
    parseEndpoint(value.trim());
    return false;
  } catch {
    return true;
  }
}

/** Accepts a token pasted with its `Bearer ` prefix; rejects blanks inside. */
function normaliseToken(value: string): string | undefined {
  const token = value.trim().replace(/^Bearer[ +]/i, '').trim();
  return token && !/\s/.test(token) ? token : undefined;
}

