import * as vscode from 'vscode';
import { isKooDriveError } from '../api/errors';
import { errorMessage, isCancellation, isTransient } from '../model/errorText';
import { isInvalidSetting } from '../model/settingsRules';
import type { App } from '../app';

const t = vscode.l10n.t;

export type Handler = (app: App, ...args: unknown[]) => Promise<void>;

/**
 * The one error boundary. A cancel is silent; a 401 becomes "Sign In Again" and the work runs
 * again by itself afterwards (a second 401 straight after is reported like any error); a bad
 * setting offers Open Settings; anything else is logged and shown with its trace id, Show Log,
 * and Retry where retrying can help.
 */
export async function guard(app: App, title: string, work: () => Promise<void>, rerun = true): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (isCancellation(error)) {
      app.log.info(`${title}: cancelled`);
      return;
    }
    if (isKooDriveError(error) && error.kind === 'sessionExpired' && rerun && !app.recovery.persistedAfterSignIn(error)) {
      app.log.warn(`${title}: session expired (trace ${error.traceId})`);
      // Asked once per failure: declined (or already declined) ends here without nagging.
      if (await app.recovery.recover(error)) {
        await guard(app, title, work, false);
      }
      return;
    }
    // A 401 right after signing in again is reported like any failure, below.
    if (isInvalidSetting(error)) {
      app.log.warn(`${title}: ${error.message}`);
      const open = t('Open Settings');
      const choice = await app.prompter.notify('error', error.message, open);
      if (choice === open) {
        await vscode.commands.executeCommand('workbench.action.openSettings', error.setting);
      }
      return;
    }
    app.log.error(`${title} failed`, error);
    const showLog = t('Show Log');
    const retry = t('Retry');
    const actions = isTransient(error) ? [retry, showLog] : [showLog];
    const choice = await app.prompter.notify('error', errorMessage(t('{0} failed', title), error, t), ...actions);
    if (choice === showLog) {
      app.log.show();
    } else if (choice === retry) {
      await guard(app, title, work, rerun);
    }
  }
}

/**
 * Wraps a command handler in the boundary; `title` names it in messages. The handler runs as the
 * account active when it was invoked, to its end, Retry and Sign In Again included (D23).
 */
export function runCommand(app: App, title: string, handler: Handler): (...args: unknown[]) => Promise<void> {
  return (...args: unknown[]) => {
    const scoped = app.scoped();
    return guard(scoped, title, () => handler(scoped, ...args));
  };
}

/** Opens the KooDrive settings. */
export async function openSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:koodrive-tools.koodrive');
}
