import * as vscode from 'vscode';
import type { App } from '../app';
import { isKooDriveError } from '../api/errors';
import { ContextKey } from '../constants';
import { accountId } from '../model/accounts';
import { onSettingsChanged } from './settingsWatch';

/**
 * What follows the accounts and the settings. Another account becoming active (a switch, a
 * sign-out, the setting edited, another window) leaves nothing of the last one on screen: both
 * trees (badge, filters, rows) are rebuilt and disowned, details and preview pages of the old
 * account close or read as signed out, open pickers close, and the status bar and storage follow.
 * The same account signing in again or expiring reloads the trees. A 401 while a tree loads asks
 * once to sign in again, like one in a command.
 */
export function sessionReactions(app: App): vscode.Disposable[] {
  let shown: { id: string; state: string } | undefined;
  const onAccounts = async (): Promise<void> => {
    const account = app.accounts.active();
    const state = app.accounts.state(account);
    const id = account ? accountId(account) : '';
    app.statusBar.update(state, account);
    if (shown && shown.id === id && shown.state === state) {
      return;
    }
    const switched = shown !== undefined && shown.id !== id;
    shown = { id, state };
    let closing: Promise<unknown> = Promise.resolve();
    if (switched) {
      app.albums.disownRows(); // at once: nothing may load with the previous account's view of the world
      app.sharedFolders.disownRows();
      app.prompter.dismissAll();
      closing = Promise.all([app.details.clear(), app.previews.clear()]);
    } else {
      app.albums.refresh();
      app.sharedFolders.refresh();
    }
    app.quota.clear();
    if (state === 'signedIn') {
      app.quota.refresh(); // in the background: activation never waits for it
    }
    await Promise.all([
      vscode.commands.executeCommand('setContext', ContextKey.signedIn, state !== 'signedOut'),
      vscode.commands.executeCommand('setContext', ContextKey.hasAccounts, app.accounts.all().length > 0),
      closing,
    ]);
  };
  const onLoadFailure = (error: unknown): void => {
    if (isKooDriveError(error) && error.kind === 'sessionExpired' && app.accounts.state() === 'signedIn') {
      const recovery = app.recovery; // the account whose tree met it
      app.background.run(vscode.l10n.t('Sign In'), async () => {
        await recovery.recover(error);
      });
    }
  };
  return [
    app.accounts.onDidChange(() => void onAccounts()),
    app.albums.onDidFail(onLoadFailure),
    app.sharedFolders.onDidFail(onLoadFailure),
    app.quota.onDidChange((summary) => app.statusBar.setStorage(summary)),
    app.config.onDidChange((keys) => onSettingsChanged(app, keys)),
  ];
}
