import * as vscode from 'vscode';
import type { SettingKey } from '../constants';
import type { CommandContext } from '../commands/context';

const t = vscode.l10n.t;

/** Settings whose change makes every loaded listing stale. */
const listingKeys: readonly SettingKey[] = ['endpoint', 'userId', 'pageSize', 'language'];

/**
 * Reacts to edits of `koodrive.*`: a value the extension cannot use is reported at once with
 * Open Settings (never silently replaced), and listings that depend on the change are reloaded.
 */
export function onSettingsChanged(ctx: CommandContext, keys: SettingKey[]): void {
  ctx.session.settingsChanged();
  if (keys.some((key) => listingKeys.includes(key))) {
    ctx.albums.refresh();
    ctx.sharedFolders.refresh();
  }
  const problem = ctx.config.problems().find((error) => keys.some((key) => error.setting === `koodrive.${key}`));
  if (problem) {
    ctx.background.run(t('Settings'), async () => {
      const open = t('Open Settings');
      if ((await ctx.prompter.notify('error', problem.message, open)) === open) {
        await vscode.commands.executeCommand('workbench.action.openSettings', problem.setting);
      }
    });
  }
}
