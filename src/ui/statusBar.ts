import * as vscode from 'vscode';
import { CommandId } from '../constants';
import type { SessionState } from '../auth/state';
import { type Account, accountLabel, accountName } from '../model/accounts';
import { maskUserId } from '../model/mask';

const t = vscode.l10n.t;

/** "KooDrive: <account>" when signed in, "KooDrive: signed out" otherwise; a click switches accounts or signs in. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('koodrive.account', vscode.StatusBarAlignment.Left, 0);
  private account = '';
  private storage: string | undefined;

  constructor() {
    this.item.name = t('KooDrive account');
    this.item.command = CommandId.statusBarClick;
  }

  update(state: SessionState, account: Account | undefined): void {
    if (state === 'signedIn' && account) {
      // The masked id always (it tells two accounts of one person apart), the name where KooDrive gives one.
      const who = account.nickname ? `${maskUserId(account.userId)} · ${accountLabel(account)}` : maskUserId(account.userId);
      this.item.text = `$(cloud) ${t('KooDrive: {0}', who)}`;
      this.account = t('Signed in to KooDrive as {0}. Click to switch accounts.', accountName(account, t));
      this.item.backgroundColor = undefined;
    } else if (state === 'expired') {
      this.item.text = `$(warning) ${t('KooDrive: session expired')}`;
      this.account = t('Click to sign in to KooDrive again.');
      this.storage = undefined;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = `$(cloud) ${t('KooDrive: signed out')}`;
      this.account = t('Click to sign in to KooDrive.');
      this.storage = undefined;
      this.item.backgroundColor = undefined;
    }
    this.render();
  }

  /** The user's storage in the tooltip (undefined: not known, or signed out). */
  setStorage(summary: string | undefined): void {
    this.storage = summary;
    this.render();
  }

  /** What the tooltip says (for tests: a status bar item cannot be read back otherwise). */
  get tooltip(): string {
    return this.storage ? `${this.account}\n${t('Storage: {0}', this.storage)}` : this.account;
  }

  private render(): void {
    this.item.tooltip = this.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
