import type * as vscode from 'vscode';
import type { ClientOptions, KooDriveClient } from '../api/client';
import type { Session } from '../auth/session';
import type { Config } from '../config';
import type { Log } from '../log';
import type { AlbumsTree } from '../tree/albumsTree';
import type { TreeNode } from '../tree/node';
import type { SharedFoldersTree } from '../tree/sharedFoldersTree';
import type { FileDetailsService } from '../services/fileDetails';
import type { DetailsDocuments } from '../ui/details';
import type { PreviewFiles } from '../ui/previewFiles';
import type { Prompter } from '../ui/prompter';
import type { Background } from '../services/background';
import type { SessionRecovery } from '../services/sessionRecovery';
import type { Storage } from '../services/storage';
import type { StatusBar } from '../ui/statusBar';

/** Everything a command may use, built once by the composition root. */
export interface CommandContext {
  readonly client: KooDriveClient;
  /** A client with some options replaced, e.g. to check a token before storing it. */
  readonly makeClient: (overrides: Partial<ClientOptions>) => KooDriveClient;
  readonly session: Session;
  readonly config: Config;
  readonly log: Log;
  /** Mutable so tests can script the answers. */
  prompter: Prompter;
  readonly albums: AlbumsTree;
  readonly albumsView: vscode.TreeView<TreeNode>;
  readonly sharedFolders: SharedFoldersTree;
  readonly sharedFoldersView: vscode.TreeView<TreeNode>;
  readonly details: DetailsDocuments;
  /** File details of album items (names, types, links), per session. */
  readonly itemDetails: FileDetailsService;
  /** Album items opened in VS Code's editors (Open Preview). */
  readonly previews: PreviewFiles;
  /** What this workspace remembers (the album-content order). */
  readonly workspaceState: vscode.Memento;
  readonly recovery: SessionRecovery;
  readonly background: Background;
  /** The user's personal space: containerId once per session, storage for the status bar. */
  readonly storage: Storage;
  readonly statusBar: StatusBar;
}
