import * as vscode from 'vscode';
import { type ClientOptions, KooDriveClient } from './api/client';
import { Session } from './auth/session';
import { AlbumDropController } from './commands/albumDrop';
import type { RemovalOutcome, RemovalTarget } from './commands/albumRemoval';
import { Background } from './services/background';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/index';
import { loadHandlers } from './commands/lazy';
import { guard } from './commands/runCommand';
import { SessionRecovery } from './services/sessionRecovery';
import { sessionReactions } from './services/sessionEvents';
import { Storage } from './services/storage';
import { signIn } from './commands/signIn';
import { Config } from './config';
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

  extension.subscriptions.push(
    config, log, session, ...views.disposables, details, statusBar, storage, previews,
    ...sessionReactions(ctx, safeUserId),
    ...registerCommands(ctx),
  );
  await session.reload();
  log.info(`KooDrive ${String((extension.extension.packageJSON as { version?: string }).version)} activated`);
  return extension.extensionMode === vscode.ExtensionMode.Test ? { context: ctx, runRemoval: async (target, ids) => (await loadHandlers()).runRemoval(ctx, target, ids), albumDrop } : {};
}

export function deactivate(): void {}
