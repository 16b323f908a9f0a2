import * as vscode from 'vscode';
import { type Account, accountId, accountLabel, serverHost } from '../model/accounts';
import type { Accounts } from './accounts';

/** The id and label under which KooDrive accounts appear in VS Code's Accounts menu. */
export const PROVIDER_ID = 'koodrive';

/**
 * The one scope of every KooDrive session. Not empty: VS Code withdraws a sign-in request from
 * its Accounts menu when a session with the requested scopes arrives, and never matches an empty list.
 */
const SCOPES = ['drive'];

/** What the Accounts menu runs: the same flows as the commands. */
export interface AccountFlows {
  addAccount(): Promise<Account | undefined>;
  signOut(account: Account): Promise<void>;
}

/**
 * KooDrive accounts in VS Code's Accounts menu (an authentication provider): each signed-in
 * account is listed there, "name (host)", and can be signed out from it. The sessions carry no
 * token: the token never leaves KooDrive's own secret storage (D23), so another extension asking
 * VS Code for a KooDrive session learns who is signed in, never how. While nobody is signed in
 * on the configured server, the menu offers to sign in, which runs Add Account.
 */
export function registerAccountsProvider(accounts: Accounts, flows: AccountFlows): vscode.Disposable & { provider: vscode.AuthenticationProvider } {
  const changes = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  let listed = new Map<string, vscode.AuthenticationSession>();
  const provider: vscode.AuthenticationProvider = {
    onDidChangeSessions: changes.event,
    getSessions: (scopes) => Promise.resolve(scopes === undefined || scopes.every((scope) => SCOPES.includes(scope)) ? [...listed.values()] : []),
    createSession: async () => {
      const account = await flows.addAccount();
      if (!account) {
        throw new Error('Add Account was cancelled');
      }
      return sessionOf(account);
    },
    removeSession: async (id) => {
      const account = accounts.byId(id);
      if (account) {
        await flows.signOut(account);
      }
    },
  };
  const sync = (): void => {
    const now = new Map(accounts.all().map((account) => [accountId(account), sessionOf(account)]));
    const added = [...now.values()].filter((session) => !listed.has(session.id));
    const removed = [...listed.values()].filter((session) => !now.has(session.id));
    const changed = [...now.values()].filter((session) => listed.has(session.id) && listed.get(session.id)?.account.label !== session.account.label);
    listed = now;
    if (added.length + removed.length + changed.length > 0) {
      changes.fire({ added, removed, changed });
    }
    if (accounts.all().length === 0) {
      // The Accounts menu's "Sign in with KooDrive" entry while nobody is signed in. VS Code lets
      // extensions add nothing else to that menu, and such a request carries a badge: once an
      // account exists, Add Account is in the palette and the Albums view's menu.
      void vscode.authentication.getSession(PROVIDER_ID, SCOPES, { createIfNone: false }).then(undefined, () => undefined);
    }
  };
  const registration = vscode.Disposable.from(
    vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, 'KooDrive', provider, { supportsMultipleAccounts: true }),
    accounts.onDidChange(sync),
    changes,
  );
  return {
    provider,
    dispose: (): void => {
      registration.dispose();
    },
  };
}

function sessionOf(account: Account): vscode.AuthenticationSession {
  const id = accountId(account);
  return { id, accessToken: '', account: { id, label: `${accountLabel(account)} (${serverHost(account)})` }, scopes: SCOPES };
}
