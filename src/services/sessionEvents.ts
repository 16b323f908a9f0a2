import * as vscode from 'vscode';
import { isKooDriveError } from '../api/errors';
import type { App } from '../app';
import { ContextKey } from '../constants';
import { onSettingsChanged } from './settingsWatch';

/**
 * What follows the session and the settings: a new session (sign-in, sign-out, expiry, another
 * window) reloads everything read with the previous one, and a 401 while a tree loads asks once
 * to sign in again, like one in a command.
 */
export function sessionReactions(app: App, userId: () => string | undefined): vscode.Disposable[] {
  const onSession = async (): Promise<void> => {
    app.spaces.clear(); // spaces, details and thumbnails are read once per session
    app.itemDetails.clear();
    app.thumbnails.clear();
    app.albums.refresh(); // at once: nothing may load with the previous session's view of the world
    app.sharedFolders.refresh();
    app.statusBar.update(app.session.state, userId());
    app.quota.clear();
    if (app.session.state === 'signedIn') {
      app.quota.refresh(); // in the background: activation never waits for it
    }
    await vscode.commands.executeCommand('setContext', ContextKey.signedIn, app.session.state !== 'signedOut');
  };
  const onLoadFailure = (error: unknown): void => {
    if (isKooDriveError(error) && error.kind === 'sessionExpired' && app.session.state === 'signedIn') {
      app.background.run(vscode.l10n.t('Sign In'), async () => {
        await app.recovery.recover(error);
      });
    }
  };
  return [
    app.session.onDidChange(() => void onSession()),
    app.albums.onDidFail(onLoadFailure),
    app.sharedFolders.onDidFail(onLoadFailure),
    app.quota.onDidChange((summary) => app.statusBar.setStorage(summary)),
    app.config.onDidChange((keys) => onSettingsChanged(app, keys)),
  ];
}
