import * as vscode from 'vscode';
import type { App } from './app';
import { KooDriveClient } from './api/client';
import { Accounts } from './auth/accounts';
import { registerAccountsProvider } from './auth/provider';
import { registerCommands } from './commands/index';
import { loadHandlers } from './commands/lazy';
import { guard } from './commands/runCommand';
import { Config } from './config';
import { Log } from './log';
import { AccountScopes, bindScope, type ScopeInputs } from './services/accountScope';
import { Background } from './services/background';
import { rememberedSort } from './services/contentSort';
import { contentBytes } from './services/itemFiles';
import { Quota } from './services/quota';
import { sessionReactions } from './services/sessionEvents';
import { AlbumDropController } from './tree/albumDrop';
import { createViews } from './tree/views';
import { DetailsDocuments } from './ui/details';
import { PreviewFiles } from './ui/previewFiles';
import { StatusBar } from './ui/statusBar';
import { VscodePrompter } from './ui/vscodePrompter';

/** What `activate` returns, in test mode only (it reaches the accounts): the integration tests script prompts and drops with it. */
export interface KooDriveExtensionApi {
  readonly app?: App;
  readonly runRemoval?: (target: import('./commands/common/removal').RemovalTarget, ids?: string[]) => Promise<import('./commands/common/batch').BatchOutcome>;
  /** The Albums view's drag and drop, so tests can drop rows as the workbench would. */
  readonly albumDrop?: vscode.TreeDragAndDropController<unknown>;
  /** The secret storage, so tests can plant a token of the single-account versions. */
  readonly secrets?: vscode.SecretStorage;
  /** The Accounts menu's provider, so tests can sign out from it as VS Code does. */
  readonly accountsProvider?: vscode.AuthenticationProvider;
}

/** Composition root: builds the long-lived objects, wires their events, registers the commands. */
export async function activate(extension: vscode.ExtensionContext): Promise<KooDriveExtensionApi> {
  const t = vscode.l10n.t;
  const config = new Config();
  const safe = <T>(read: () => T): (() => T | undefined) => () => {
    try {
      return read();
    } catch {
      return undefined; // an unusable value counts as none; the settings watcher reports it
    }
  };
  const accounts: Accounts = new Accounts(extension.secrets, safe(() => config.endpoint()), safe(() => config.userId()));
  const log = new Log(() => [safe(() => config.userId())(), ...accounts.all().map((account) => account.userId)]);
  const base: ScopeInputs['base'] = { language: () => config.language(), timeoutMs: () => config.requestTimeoutMs(), onRequest: (entry) => log.request(entry), onAnomaly: (text) => log.warn(text) };
  const scopes = new AccountScopes({ base, endpoint: () => config.endpoint(), accounts, prompter: () => app.prompter, signInAgain: async (account) => (await loadHandlers()).signInAgain(app, account) });
  const albumDrop = new AlbumDropController((dropped, target) => guard(app, t('Add to Album'), async () => (await loadHandlers()).dropOnAlbum(app.scoped(), dropped, target)));
  const views = createViews({
    get client() { return scopes.current().client; },
    get itemDetails() { return scopes.current().itemDetails; },
    get thumbnails() { return scopes.current().thumbnails; },
    pageSize: () => config.pageSize(),
    userId: () => accounts.active()?.userId,
    sessionState: () => accounts.state(),
    locale: () => vscode.env.language,
    sort: rememberedSort(extension.workspaceState),
  }, albumDrop);
  const app: App = {
    get account() { return scopes.current().account; },
    get client() { return scopes.current().client; },
    get spaces() { return scopes.current().spaces; },
    get itemDetails() { return scopes.current().itemDetails; },
    get thumbnails() { return scopes.current().thumbnails; },
    get recovery() { return scopes.current().recovery; },
    scoped: () => bindScope(app, scopes.current()),
    accounts, config, log, t,
    locale: () => vscode.env.language,
    makeClient: (overrides) => new KooDriveClient({ ...base, endpoint: () => config.endpoint(), userId: () => undefined, getToken: () => Promise.resolve(undefined), ...overrides }),
    albums: views.albums, sharedFolders: views.sharedFolders, albumsView: views.albumsView, sharedFoldersView: views.sharedFoldersView,
    details: new DetailsDocuments(),
    statusBar: new StatusBar(),
    quota: new Quota(() => scopes.current(), log),
    previews: new PreviewFiles(() => accounts.active(), (fileId, ownerId, signal) => {
      const scope = scopes.current();
      return contentBytes((link, options) => scope.client.download(link, options), scope.itemDetails, fileId, ownerId, signal);
    }),
    workspaceState: extension.workspaceState,
    globalState: extension.globalState,
    prompter: new VscodePrompter(),
    background: new Background((name, work) => guard(app, name, work)),
  };

  const accountsMenu = registerAccountsProvider(accounts, { addAccount: async () => (await loadHandlers()).addAccount(app), signOut: async (account) => (await loadHandlers()).signOutAccount(app, account) });
  extension.subscriptions.push(
    config, log, accounts, scopes, ...views.disposables, app.details, app.statusBar, app.quota, app.previews,
    ...sessionReactions(app),
    ...registerCommands(app),
    accountsMenu,
  );
  await accounts.reload();
  log.info(`KooDrive ${String((extension.extension.packageJSON as { version?: string }).version)} activated`);
  return extension.extensionMode === vscode.ExtensionMode.Test ? { app, runRemoval: async (target, ids) => (await loadHandlers()).runRemoval(app.scoped(), target, ids), albumDrop, secrets: extension.secrets, accountsProvider: accountsMenu.provider } : {};
}

export function deactivate(): void {}
