import * as vscode from 'vscode';
import { parseEndpoint } from '../api/endpoint';
import { isKooDriveError } from '../api/errors';
import { errorMessage } from '../model/errorText';
import { maskUserId } from '../model/logFormat';
import { isUserId } from '../model/settingsRules';
import type { App } from '../app';

const t = vscode.l10n.t;

/**
 * Asks for what is missing (server address, user id) and the access token, checks the pair with
 * one cheap call, and only then stores the token (SecretStorage) and the settings.
 * Resolves true when signed in.
 */
export async function signIn(app: App): Promise<boolean> {
  const title = t('KooDrive: Sign In');
  let endpoint = app.config.endpointIfValid();
  const askedEndpoint = endpoint === undefined;
  if (!endpoint) {
    const answer = await app.prompter.input({
      title,
      prompt: t('Address of your KooDrive server (koodrive.endpoint)'),
      placeholder: 'https://',
      validate: (value) => (endpointProblem(value) ? t('Enter an https:// address (http:// only for this computer, such as http://127.0.0.1:8080).') : undefined),
    });
    if (answer === undefined) {
      return false;
    }
    endpoint = parseEndpoint(answer.trim()).toString();
  }

  let userId: string | undefined;
  try {
    userId = app.config.userId();
  } catch {
    userId = undefined; // an unusable setting is asked for again and overwritten
  }
  const askedUserId = userId === undefined;
  if (!userId) {
    const answer = await app.prompter.input({
      title,
      prompt: t('Your KooDrive user id (sent as X-User-Id; saved in your user settings)'),
      placeholder: '1644817543959100032',
      validate: (value) => (isUserId(value) ? undefined : t('A KooDrive user id is made of digits only.')),
    });
    if (answer === undefined) {
      return false;
    }
    userId = answer.trim();
  }

  const answer = await app.prompter.input({
    title,
    prompt: t('Paste your KooDrive access token. It is kept in VS Code’s secret storage, never in settings.'),
    password: true,
    validate: (value) => (normaliseToken(value) ? undefined : t('The access token cannot be empty or contain spaces.')),
  });
  const token = answer === undefined ? undefined : normaliseToken(answer);
  if (!token) {
    return false;
  }

  const checkedEndpoint = endpoint;
  const checkedUserId = userId;
  const verifier = app.makeClient({ endpoint: () => checkedEndpoint, userId: () => checkedUserId, getToken: () => Promise.resolve(token) });
  try {
    await app.prompter.progress(t('Checking your KooDrive sign-in…'), (_reporter, signal) => verifier.listSharedFolders({ offset: 0, limit: 1 }, { signal }));
  } catch (error) {
    if (isKooDriveError(error) && error.kind === 'cancelled') {
      return false;
    }
    app.log.warn(`Sign-in check failed: ${error instanceof Error ? error.message : String(error)}`);
    const message = isKooDriveError(error) && error.kind === 'sessionExpired'
      ? t('KooDrive did not accept this access token for user id {0}. Check both and sign in again; nothing was stored. Trace id: {1}', checkedUserId, error.traceId)
      : errorMessage(t('Could not check the sign-in; nothing was stored'), error, t);
    void app.prompter.notify('error', message, t('Show Log')).then((choice) => choice && app.log.show());
    return false;
  }

  if (askedEndpoint) {
    await app.config.setEndpoint(checkedEndpoint);
  }
  if (askedUserId) {
    await app.config.setUserId(checkedUserId);
  }
  await app.session.store(token);
  app.log.info(`Signed in as ${maskUserId(checkedUserId)}`);
  void app.prompter.notify('info', t('Signed in to KooDrive as user {0}.', maskUserId(checkedUserId)));
  return true;
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

export async function signInCommand(app: App): Promise<void> {
  await signIn(app);
}

export async function signOutCommand(app: App): Promise<void> {
  const confirmed = await app.prompter.confirm({
    message: t('Sign out of KooDrive?'),
    detail: t('The access token is removed from this computer’s secret storage. Your user id stays in Settings.'),
    button: t('Sign Out'),
  });
  if (!confirmed) {
    return;
  }
  await app.session.clear();
  app.log.info('Signed out');
}
