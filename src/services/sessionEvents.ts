import * as vscode from 'vscode';
import { isKooDriveError } from '../api/errors';
import type { CommandContext } from '../commands/context';
import { ContextKey } from '../constants';
import { onSettingsChanged } from './settingsWatch';

/**
 * What follows the session and the settings: a new session (sign-in, sign-out, expiry, another
 * window) reloads everything read with the previous one, and a 401 while a tree loads asks once
 * to sign in again, like one in a command (README).
 */
export function sessionReactions(ctx: CommandContext, userId: () => string | undefined): vscode.Disposable[] {
  const onSession = async (): Promise<void> => {
    ctx.itemDetails.clear(); // containers and details are read once per session
    ctx.albums.refresh(); // at once: nothing may load with the previous session's view of the world
    ctx.sharedFolders.refresh();
    ctx.statusBar.update(ctx.session.state, userId());
    ctx.storage.clear();
    if (ctx.session.state === 'signedIn') {
      ctx.storage.refresh(); // in the background: activation never waits for it
    }
    await vscode.commands.executeCommand('setContext', ContextKey.signedIn, ctx.session.state !== 'signedOut');
  };
  const onLoadFailure = (error: unknown): void => {
    if (isKooDriveError(error) && error.kind === 'sessionExpired' && ctx.session.state === 'signedIn') {
      ctx.background.run(vscode.l10n.t('Sign In'), async () => {
        await ctx.recovery.recover(error);
      });
    }
  };
  return [
    ctx.session.onDidChange(() => void onSession()),
    ctx.albums.onDidFail(onLoadFailure),
    ctx.sharedFolders.onDidFail(onLoadFailure),
    ctx.storage.onDidChange((summary) => ctx.statusBar.setStorage(summary)),
    ctx.config.onDidChange((keys) => onSettingsChanged(ctx, keys)),
  ];
}
