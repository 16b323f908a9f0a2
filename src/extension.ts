import * as vscode from 'vscode';
import { type ClientOptions, KooDriveClient } from './api/client';
import { isKooDriveError } from './api/errors';
import { Session } from './auth/session';
import { AlbumDropController } from './commands/albumDrop';
import type { RemovalOutcome, RemovalTarget } from './commands/albumRemoval';
import { Background } from './services/background';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/index';
import { loadHandlers } from './commands/lazy';
import { guard } from './commands/runCommand';
import { SessionRecovery } from './services/sessionRecovery';
import { onSettingsChanged } from './services/settingsWatch';
import { Storage } from './services/storage';
import { signIn } from './commands/signIn';
import { Config } from './config';
import { ContextKey } from './constants';
import { Log } from './log';
import { rememberedSort } from './services/contentSort';
import { FileDetailsService } from './services/fileDetails';
import { contentBytes, type Download, thumbnailDataUri } from './services/itemFiles';
import type { TreeEnv } from './tree/provider';
import { DetailsDocuments } from './ui/details';
import { PreviewFiles } from './ui/previewFiles';
import { StatusBar } from './ui/statusBar';
import { createViews } from './ui/views';
import { VscodePrompter } from './ui/vscodePrompter';

/**
 * What `activate` returns, in test mode only (other extensions could read it, and it reaches
 * the session): the integration tests use it to script prompts and wait for follow-ups.
 */
export interface KooDriveExtensionApi {
  readonly context?: CommandContext;
  readonly runRemoval?: (target: RemovalTarget, ids?: string[]) => Promise<RemovalOutcome>;
  /** The Albums view's drag and drop, so tests can drop rows as the workbench would. */
  readonly albumDrop?: vscode.TreeDragAndDropController<unknown>;
}

/** Composition root: builds the long-lived objects, wires their events, registers the commands. */
export async function activate(extension: vscode.ExtensionContext): Promise<KooDriveExtensionApi> {
  const config = new Config();
  const safeUserId = (): string | undefined => {
    try {
      return config.userId();
    } catch {
      return undefined; // an unusable value counts as none; the settings watcher reports it
    }
  };
  const log = new Log(safeUserId);
  const session = new Session(extension.secrets, safeUserId);
  const clientOptions: ClientOptions = {
    endpoint: () => config.endpoint(),
    userId: () => config.userId(),
    getToken: session.getToken,
    language: () => config.language(),
    timeoutMs: () => config.requestTimeoutMs(),
    onRequest: (entry) => log.request(entry),
    onAnomaly: (text) => log.warn(text),
  };
  const client = new KooDriveClient(clientOptions);
  const itemDetails = new FileDetailsService(client, safeUserId);
  const download: Download = (link, options) => client.download(link, options);
  const env: TreeEnv = { client, pageSize: () => config.pageSize(), userId: safeUserId, sessionState: () => session.state };
  const albumDrop = new AlbumDropController(() => ctx);
  const views = createViews({
    ...env,
    itemDetails,
    thumbnail: (file, signal) => thumbnailDataUri(download, file, signal),
    locale: () => vscode.env.language,
    sort: rememberedSort(extension.workspaceState),
  }, albumDrop);
  const { albums, sharedFolders } = views;
  const details = new DetailsDocuments();
  const statusBar = new StatusBar();
  const storage = new Storage(client, safeUserId, log);
  const previews = new PreviewFiles((fileId, ownerId, signal) => contentBytes(download, itemDetails, fileId, ownerId, signal));

  const ctx: CommandContext = {
    client,
    makeClient: (overrides) => new KooDriveClient({ ...clientOptions, ...overrides }),
    session, config, log, albums, sharedFolders, albumsView: views.albumsView, sharedFoldersView: views.sharedFoldersView, details, storage, statusBar,
    itemDetails, previews, workspaceState: extension.workspaceState,
    prompter: new VscodePrompter(),
    recovery: new SessionRecovery(session, () => ctx.prompter, () => signIn(ctx)),
    background: new Background((name, work) => guard(ctx, name, work)),
  };

  const onSession = async (): Promise<void> => {
    itemDetails.clear(); // containers and details are read once per session
    albums.refresh(); // at once: nothing may load with the previous session's view of the world
    sharedFolders.refresh();
    statusBar.update(session.state, safeUserId());
    storage.clear();
    if (session.state === 'signedIn') {
      storage.refresh(); // in the background: activation never waits for it
    }
    await vscode.commands.executeCommand('setContext', ContextKey.signedIn, session.state !== 'signedOut');
  };
  // A 401 while a tree loads asks once to sign in again, like one in a command (README).
  const onLoadFailure = (error: unknown): void => {
    if (isKooDriveError(error) && error.kind === 'sessionExpired' && session.state === 'signedIn') {
      ctx.background.run(vscode.l10n.t('Sign In'), async () => {
        await ctx.recovery.recover(error);
      });
    }
  };

  extension.subscriptions.push(
    config, log, session, ...views.disposables, details, statusBar, storage, previews,
    session.onDidChange(() => void onSession()),
    albums.onDidFail(onLoadFailure),
    sharedFolders.onDidFail(onLoadFailure),
    storage.onDidChange((summary) => statusBar.setStorage(summary)),
    config.onDidChange((keys) => onSettingsChanged(ctx, keys)),
    ...registerCommands(ctx),
  );
  await session.reload();
  log.info(`KooDrive ${String((extension.extension.packageJSON as { version?: string }).version)} activated`);
  return extension.extensionMode === vscode.ExtensionMode.Test ? { context: ctx, runRemoval: async (target, ids) => (await loadHandlers()).runRemoval(ctx, target, ids), albumDrop } : {};
}

export function deactivate(): void {}
