import * as vscode from 'vscode';
import type { App } from './app';
import { type ClientOptions, KooDriveClient } from './api/client';
import { Session } from './auth/session';
import { registerCommands } from './commands/index';
import { loadHandlers } from './commands/lazy';
import { guard } from './commands/runCommand';
import { signIn } from './commands/signIn';
import { Config } from './config';
import { Log } from './log';
import { Background } from './services/background';
import { rememberedSort } from './services/contentSort';
import { FileDetailsService } from './services/fileDetails';
import { contentBytes, type Download } from './services/itemFiles';
import { Quota } from './services/quota';
import { sessionReactions } from './services/sessionEvents';
import { SessionRecovery } from './services/sessionRecovery';
import { Spaces } from './services/spaces';
import { Thumbnails } from './services/thumbnails';
import { AlbumDropController } from './tree/albumDrop';
import { createViews } from './tree/views';
import { DetailsDocuments } from './ui/details';
import { PreviewFiles } from './ui/previewFiles';
import { StatusBar } from './ui/statusBar';
import { VscodePrompter } from './ui/vscodePrompter';

/**
 * What `activate` returns, in test mode only (other extensions could read it, and it reaches
 * the session): the integration tests use it to script prompts and wait for follow-ups.
 */
export interface KooDriveExtensionApi {
  readonly app?: App;
  readonly runRemoval?: (target: import('./commands/shared/removal').RemovalTarget, ids?: string[]) => Promise<import('./commands/shared/batch').BatchOutcome>;
  /** The Albums view's drag and drop, so tests can drop rows as the workbench would. */
  readonly albumDrop?: vscode.TreeDragAndDropController<unknown>;
}

/** Composition root: builds the long-lived objects, wires their events, registers the commands. */
export async function activate(extension: vscode.ExtensionContext): Promise<KooDriveExtensionApi> {
  const t = vscode.l10n.t;
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
  const spaces = new Spaces(client, safeUserId);
  const itemDetails = new FileDetailsService(client, spaces);
  const download: Download = (link, options) => client.download(link, options);
  const thumbnails = new Thumbnails(download);
  const albumDrop = new AlbumDropController((dropped, target) => guard(app, t('Add to Album'), async () => (await loadHandlers()).dropOnAlbum(app, dropped, target)));
  const views = createViews({
    client, itemDetails, thumbnails,
    pageSize: () => config.pageSize(),
    userId: safeUserId,
    sessionState: () => session.state,
    locale: () => vscode.env.language,
    sort: rememberedSort(extension.workspaceState),
  }, albumDrop);
  const app: App = {
    client, session, config, log, t, spaces, itemDetails, thumbnails,
    locale: () => vscode.env.language,
    makeClient: (overrides) => new KooDriveClient({ ...clientOptions, ...overrides }),
    albums: views.albums, sharedFolders: views.sharedFolders, albumsView: views.albumsView, sharedFoldersView: views.sharedFoldersView,
    details: new DetailsDocuments(),
    statusBar: new StatusBar(),
    quota: new Quota(client, spaces, safeUserId, log),
    previews: new PreviewFiles((fileId, ownerId, signal) => contentBytes(download, itemDetails, fileId, ownerId, signal)),
    workspaceState: extension.workspaceState,
    globalState: extension.globalState,
    prompter: new VscodePrompter(),
    recovery: new SessionRecovery(session, () => app.prompter, () => signIn(app)),
    background: new Background((name, work) => guard(app, name, work)),
  };

  extension.subscriptions.push(
    config, log, session, ...views.disposables, app.details, app.statusBar, app.quota, app.previews,
    ...sessionReactions(app, safeUserId),
    ...registerCommands(app),
  );
  await session.reload();
  log.info(`KooDrive ${String((extension.extension.packageJSON as { version?: string }).version)} activated`);
  return extension.extensionMode === vscode.ExtensionMode.Test ? { app, runRemoval: async (target, ids) => (await loadHandlers()).runRemoval(app, target, ids), albumDrop } : {};
}

export function deactivate(): void {}
