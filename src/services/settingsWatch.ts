import * as vscode from 'vscode';
import type { SettingKey } from '../constants';
import type { App } from '../app';

const t = vscode.l10n.t;

/** Settings whose change makes every loaded listing stale (the account ones through the accounts). */
const listingKeys: readonly SettingKey[] = ['pageSize', 'language'];

/**
 * Reacts to edits of `koodrive.*`: a value the extension cannot use is reported at once with
 * Open Settings (never silently replaced), and listings that depend on the change are reloaded.
 */
export function onSettingsChanged(app: App, keys: SettingKey[]): void {
  // The endpoint or the user id may name another account; the accounts' change event follows.
  void app.accounts.settingsChanged();
  if (keys.some((key) => listingKeys.includes(key))) {
    app.albums.refresh();
    app.sharedFolders.refresh();
  }
  const problem = app.config.problems().find((error) => keys.some((key) => error.setting === `koodrive.${key}`));
  if (problem) {
    app.background.run(t('Settings'), async () => {
      const open = t('Open Settings');
      if ((await app.prompter.notify('error', problem.message, open)) === open) {
        await vscode.commands.executeCommand('workbench.action.openSettings', problem.setting);
      }
    });
  }
}
