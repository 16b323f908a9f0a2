import { type ClientOptions, KooDriveClient } from '../api/client';
import type { Accounts } from '../auth/accounts';
import type { Disposable } from 'vscode';
import { type Account, originOf, sameAccount } from '../model/accounts';
import type { App } from '../app';
import type { Prompter } from '../ui/prompter';
import { FileDetailsService } from './fileDetails';
import { type Download } from './itemFiles';
import { SessionRecovery } from './sessionRecovery';
import { Spaces } from './spaces';
import { Thumbnails } from './thumbnails';

/**
 * What KooDrive work runs as (D23): one account's client, which sends that account's token only
 * to its own server with its own user id, and the caches read with it (spaces, file details,
 * thumbnails), and its way back after a 401. A command takes the active account's scope when it
 * starts and keeps it to the end, whatever is switched meanwhile.
 */
export interface AccountScope {
  /** Undefined when nobody is signed in on the configured server: then every call fails as not signed in. */
  readonly account: Account | undefined;
  readonly client: KooDriveClient;
  readonly spaces: Spaces;
  readonly itemDetails: FileDetailsService;
  readonly thumbnails: Thumbnails;
  readonly recovery: SessionRecovery;
}

/** What every scope shares: the client's settings, the accounts, prompts, and signing an account in again. */
export interface ScopeInputs {
  /** Language, timeout, log hooks: the options no account changes. */
  base: Omit<ClientOptions, 'endpoint' | 'userId' | 'getToken'>;
  /** The configured endpoint (throws the settings' error when unusable). */
  endpoint(): string;
  accounts: Accounts;
  prompter(): Prompter;
  /** Asks for `account`'s token again and keeps it when KooDrive accepts it; true when it did. */
  signInAgain(account: Account): Promise<boolean>;
}

/** The scope of `account` (or of nobody). */
export function accountScope(account: Account | undefined, inputs: ScopeInputs): AccountScope {
  const client = new KooDriveClient({
    ...inputs.base,
    // The token is bound to its server: work that outlives a switch to another server goes on
    // talking to its own, and the setting's path is followed only on that same origin.
    endpoint: () => {
      if (!account) {
        return inputs.endpoint();
      }
      const configured = safely(() => inputs.endpoint());
      return configured !== undefined && originOf(configured) === account.origin ? configured : account.endpoint;
    },
    userId: () => account?.userId,
    getToken: () => (account ? inputs.accounts.token(account) : Promise.resolve(undefined)),
  });
  const spaces = new Spaces(client, () => account?.userId);
  const download: Download = (link, options) => client.download(link, options);
  return {
    account,
    client,
    spaces,
    itemDetails: new FileDetailsService(client, spaces),
    thumbnails: new Thumbnails(download),
    recovery: new SessionRecovery(account, inputs.accounts, () => inputs.prompter(), () => (account ? inputs.signInAgain(account) : Promise.resolve(false))),
  };
}

/**
 * The scope of the active account, made anew when another account becomes active (so nothing
 * read as one account is shown as another) or when its account signs out (signing in again
 * starts afresh), and kept while the same one stays.
 */
export class AccountScopes implements Disposable {
  private scope: AccountScope | undefined;
  private readonly subscription: Disposable;

  constructor(private readonly inputs: ScopeInputs) {
    this.subscription = inputs.accounts.onDidChange(() => {
      if (this.scope?.account && inputs.accounts.state(this.scope.account) === 'signedOut') {
        this.scope = undefined;
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** The active account's scope. */
  current(): AccountScope {
    const account = this.inputs.accounts.active();
    if (!this.scope || !(account === undefined ? this.scope.account === undefined : sameAccount(this.scope.account, account))) {
      this.scope = accountScope(account, this.inputs);
    }
    return this.scope;
  }
}

/** `app` bound to `scope`: its account, client, caches and recovery stay those, whatever becomes active later. */
export function bindScope(app: App, scope: AccountScope): App {
  const bound = Object.create(app, {
    account: { value: scope.account },
    client: { value: scope.client },
    spaces: { value: scope.spaces },
    itemDetails: { value: scope.itemDetails },
    thumbnails: { value: scope.thumbnails },
    recovery: { value: scope.recovery },
    scoped: { value: () => bound },
  }) as App;
  return bound;
}

function safely(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Makes `account` the active one (D23): the user settings name its server and user id; every window follows. */
export async function makeActive(app: Pick<App, 'config' | 'accounts'>, account: Account): Promise<void> {
  if (originOf(app.config.endpointIfValid()) !== account.origin) {
    await app.config.setEndpoint(account.endpoint);
  }
  if (safely(() => app.config.userId() ?? '') !== account.userId) {
    await app.config.setUserId(account.userId);
  }
  await app.accounts.settingsChanged();
}
