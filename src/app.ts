import type * as vscode from 'vscode';
import type { ClientOptions, KooDriveClient } from './api/client';
import type { Accounts } from './auth/accounts';
import type { Account } from './model/accounts';
import type { Config } from './config';
import type { Log } from './log';
import type { Localize } from './model/localize';
import type { Background } from './services/background';
import type { FileDetailsService } from './services/fileDetails';
import type { Quota } from './services/quota';
import type { SessionRecovery } from './services/sessionRecovery';
import type { Spaces } from './services/spaces';
import type { Thumbnails } from './services/thumbnails';
import type { AlbumsTree } from './tree/albumsTree';
import type { TreeNode } from './tree/node';
import type { SharedFoldersTree } from './tree/sharedFoldersTree';
import type { DetailsDocuments } from './ui/details';
import type { PreviewFiles } from './ui/previewFiles';
import type { Prompter } from './ui/prompter';
import type { StatusBar } from './ui/statusBar';

/**
 * Everything the composition root builds once, for the commands and the services that follow the
 * session. It sits beside the root, below nothing: commands, services and the root all read it.
 * `account`, `client`, `spaces`, `itemDetails`, `thumbnails` and `recovery` belong to one account
 * (D23): on the root they follow the active account; a command gets {@link App.scoped}, which
 * keeps the account active when it started, whatever is switched meanwhile.
 */
export interface App {
  /** The account this work runs as; undefined when nobody is signed in on the configured server. */
  readonly account: Account | undefined;
  readonly client: KooDriveClient;
  /** A client with some options replaced, e.g. to check a token before storing it. */
  readonly makeClient: (overrides: Partial<ClientOptions>) => KooDriveClient;
  /** Every account signed in on this computer: tokens in SecretStorage, which one is active. */
  readonly accounts: Accounts;
  /** This app bound to the account active now, for work that must keep its account to the end. */
  scoped(): App;
  readonly config: Config;
  readonly log: Log;
  /** `vscode.l10n.t`: every user-visible string goes through it (a plain formatter in unit tests). */
  readonly t: Localize;
  /** The display language, for sizes and dates. */
  readonly locale: () => string;
  /** Mutable so tests can script the answers. */
  prompter: Prompter;
  readonly albums: AlbumsTree;
  readonly albumsView: vscode.TreeView<TreeNode>;
  readonly sharedFolders: SharedFoldersTree;
  readonly sharedFoldersView: vscode.TreeView<TreeNode>;
  /** Read-only documents: Show Details, reports. */
  readonly details: DetailsDocuments;
  /** File details of album items (names, types, links), per session. */
  readonly itemDetails: FileDetailsService;
  /** Thumbnails for tooltips, in a cache bounded by bytes. */
  readonly thumbnails: Thumbnails;
  /** Album items opened in VS Code's editors (Open Preview). */
  readonly previews: PreviewFiles;
  /** What this workspace remembers (the album-content order). */
  readonly workspaceState: vscode.Memento;
  /** What this computer remembers across workspaces (the last download folder). */
  readonly globalState: vscode.Memento;
  /** Signing in again after a 401, for this app's account. */
  readonly recovery: SessionRecovery;
  readonly background: Background;
  /** The users' spaces (containerId), read once per account per owner. */
  readonly spaces: Spaces;
  /** The user's storage quota, for the status bar and Show Storage. */
  readonly quota: Quota;
  readonly statusBar: StatusBar;
}
