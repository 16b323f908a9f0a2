import * as vscode from 'vscode';
import { type ClientOptions, KooDriveClient } from './api/client';
import { isKooDriveError } from './api/errors';
import { Session } from './auth/session';
import { type RemovalOutcome, type RemovalTarget, runRemoval } from './commands/albumRemoval';
import { Background } from './services/background';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/index';
import { guard } from './commands/runCommand';
import { SessionRecovery } from './services/sessionRecovery';
import { onSettingsChanged } from './services/settingsWatch';
import { signIn } from './commands/signIn';
import { rememberedSort } from './commands/sortItems';
import { Config } from './config';
import { ContextKey, ViewId } from './constants';
import { Log } from './log';
import { AlbumsTree } from './tree/albumsTree';
import type { TreeEnv } from './tree/provider';
import { SharedFoldersTree } from './tree/sharedFoldersTree';
import { FileDetailsService } from './services/fileDetails';
import { type Download, downloadLink, thumbnailDataUri } from './services/itemFiles';
import { DetailsDocuments } from './ui/details';
import { PreviewFiles } from './ui/previewFiles';
import { wireViews } from './ui/viewEvents';
import { StatusBar } from './ui/statusBar';
import { VscodePrompter } from './ui/vscodePrompter';

/**
 * What `activate` returns, in test mode only (other extensions could read it, and it reaches
 * the session): the integration tests use it to script prompts and wait for follow-ups.
 */
export interface KooDriveExtensionApi {
  readonly context?: CommandContext;
  readonly runRemoval?: (target: RemovalTarget, ids?: string[]) => Promise<RemovalOutcome>;
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
  const env: TreeEnv = { client, pageSize: () => config.pageSize(), userId: safeUserId, sessionState: () => session.state };
  const download: Download = (link, options) => client.download(link, options);
  const albums = new AlbumsTree({
    ...env,
    itemDetails,
    thumbnail: (file, signal) => thumbnailDataUri(download, file, signal),
    locale: () => vscode.env.language,
    sort: rememberedSort(extension.workspaceState),
  });
  const sharedFolders = new SharedFoldersTree(env);
  const albumsView = vscode.window.createTreeView(ViewId.albums, { treeDataProvider: albums, canSelectMany: true, showCollapseAll: true });
  const sharedFoldersView = vscode.window.createTreeView(ViewId.sharedFolders, { treeDataProvider: sharedFolders, canSelectMany: true, showCollapseAll: true });
  const details = new DetailsDocuments();
  const statusBar = new StatusBar();
  const previews = new PreviewFiles(async (fileId, ownerId, signal) => {
    const link = downloadLink(await itemDetails.details(fileId, ownerId, signal), 'content');
    if (!link) {
      throw new Error('no content link');
    }
    return (await download(link, { usage: 'content', signal })).bytes;
  });

  const ctx: CommandContext = {
    client,
    makeClient: (overrides) => new KooDriveClient({ ...clientOptions, ...overrides }),
    session, config, log, albums, albumsView, sharedFolders, sharedFoldersView, details, itemDetails, previews,
    workspaceState: extension.workspaceState,
    prompter: new VscodePrompter(),
    recovery: new SessionRecovery(session, () => ctx.prompter, () => signIn(ctx)),
    background: new Background((name, work) => guard(ctx, name, work)),
  };

  const onSession = async (): Promise<void> => {
    itemDetails.clear(); // containers and details are read once per session
    albums.refresh(); // at once: nothing may load with the previous session's view of the world
    sharedFolders.refresh();
    statusBar.update(session.state, safeUserId());
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
    config, log, session, albums, sharedFolders, albumsView, sharedFoldersView, details, previews, statusBar,
    session.onDidChange(() => void onSession()),
    albums.onDidFail(onLoadFailure),
    sharedFolders.onDidFail(onLoadFailure),
    ...wireViews(albums, albumsView, sharedFolders, sharedFoldersView),
    config.onDidChange((keys) => onSettingsChanged(ctx, keys)),
    ...registerCommands(ctx),
  );
  await session.reload();
  log.info(`KooDrive ${String((extension.extension.packageJSON as { version?: string }).version)} activated`);
  return extension.extensionMode === vscode.ExtensionMode.Test ? { context: ctx, runRemoval: (target, ids) => runRemoval(ctx, target, ids) } : {};
}

export function deactivate(): void {}
