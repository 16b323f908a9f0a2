import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { type Account, accountLabel, accountName, sameAccount, serverHost } from '../model/accounts';
import { maskUserId } from '../model/logFormat';
import { makeActive } from '../services/accountScope';
import type { App } from '../app';
import { pickOne } from './common/pickers';

const t = vscode.l10n.t;

/** The "Add Account…" entry of the account picker. */
const ADD = 'add' as const;

/**
 * Switch Account… (palette, status bar): the signed-in accounts by name and server, the active
 * one first and marked, and Add Account… last. Switching asks for nothing: the settings name
 * the chosen account, and every window follows them.
 */
export async function switchAccountCommand(app: App): Promise<void> {
  const active = app.accounts.active();
  const chosen = await pickOne<Account | typeof ADD>(app, [
    ...activeFirst(app, active).map((account) => ({
      label: `${sameAccount(account, active) ? '$(check) ' : ''}${accountLabel(account)}`,
      description: describe(app, account, active),
      value: account,
    })),
    { label: `$(add) ${t('Add Account…')}`, value: ADD },
  ], { title: t('KooDrive: Switch Account'), placeholder: t('Choose the account to work as') });
  if (chosen === ADD) {
    await vscode.commands.executeCommand(CommandId.addAccount);
  } else if (chosen && !sameAccount(chosen, active)) {
    await makeActive(app, chosen);
    app.log.info(`Switched to ${maskUserId(chosen.userId)} on ${serverHost(chosen)}`);
  }
}

/** Sign Out: the active account, or (with several signed in) the one chosen; then a confirmation. */
export async function signOutCommand(app: App): Promise<void> {
  const active = app.accounts.active();
  const all = app.accounts.all();
  let account = active ?? (all.length === 1 ? all[0] : undefined);
  if (all.length > 1) {
    account = await pickOne(app, activeFirst(app, active).map((each) => ({ label: accountLabel(each), description: describe(app, each, active), value: each })), { title: t('KooDrive: Sign Out'), placeholder: t('Choose the account to sign out') });
  }
  if (!account) {
    return;
  }
  const confirmed = await app.prompter.confirm({
    message: all.length > 1 ? t('Sign {0} out of KooDrive?', accountName(account, t)) : t('Sign out of KooDrive?'),
    detail: all.length > 1
      ? t('Its access token is removed from this computer’s secret storage. Your other accounts stay signed in.')
      : t('The access token is removed from this computer’s secret storage. Your user id stays in Settings.'),
    button: t('Sign Out'),
  });
  if (confirmed) {
    await signOutAccount(app, account);
  }
}

/**
 * Signs `account` out (Sign Out, or VS Code's Accounts menu): its token leaves this computer, the
 * others stay. When it was the active one, another account of the same server becomes active
 * where there is one; else the welcome shows.
 */
export async function signOutAccount(app: App, account: Account): Promise<void> {
  const wasActive = sameAccount(account, app.accounts.active());
  await app.accounts.remove(account);
  app.log.info(`Signed out ${maskUserId(account.userId)} on ${serverHost(account)}`);
  const next = wasActive ? app.accounts.all().find((each) => each.origin === account.origin) : undefined;
  if (next) {
    await makeActive(app, next);
  }
}

function activeFirst(app: App, active: Account | undefined): Account[] {
  return [...app.accounts.all()].sort((a, b) => Number(sameAccount(b, active)) - Number(sameAccount(a, active)));
}

/** A picker row's description: the server, the masked id, and whether it is active or expired. */
function describe(app: App, account: Account, active: Account | undefined): string {
  const notes = [serverHost(account), maskUserId(account.userId)];
  if (sameAccount(account, active)) {
    notes.push(t('active'));
  }
  if (app.accounts.state(account) === 'expired') {
    notes.push(t('session expired'));
  }
  return notes.join(' · ');
}
