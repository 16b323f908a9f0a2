import * as vscode from 'vscode';
import { PreviewScheme } from '../constants';
import { type Account, accountTag } from '../model/accounts';
import { closeTabsOf } from './tabs';

/** Loads a file's bytes when VS Code asks for one the extension has not fetched (e.g. after a reload). */
export type PreviewLoader = (fileId: string, ownerId: string | undefined, signal: AbortSignal) => Promise<Uint8Array>;

/** Files kept in memory for their editors: the most recent ones, up to this many bytes in all. */
const KEEP_BYTES = 200 * 1024 * 1024;

/**
 * Album items as read-only files on the `koodrive:` scheme, so that VS Code's own editors open
 * them (the built-in image preview for pictures): `koodrive:/Albums/<album>/<file name>`, with the
 * file id and owner in the query. Open Preview downloads the bytes (with progress and a size cap,
 * D15) and hands them over; VS Code reads them from here. A file belongs to the account it was
 * read as (D23): when another account becomes active its tabs close, and a file of another account
 * read again (a tab restored after a reload) answers as signed out instead of being fetched.
 */
export class PreviewFiles implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly activeAccount: () => Account | undefined, private readonly load: PreviewLoader) {
    this.registration = vscode.workspace.registerFileSystemProvider(PreviewScheme, this, { isCaseSensitive: true, isReadonly: true });
  }

  /** Keeps the bytes of `uri` for its editor (the oldest files leave beyond a memory budget). */
  put(uri: vscode.Uri, bytes: Uint8Array): void {
    const key = uri.toString();
    this.files.delete(key);
    this.files.set(key, { bytes, mtime: Date.now() });
    let total = [...this.files.values()].reduce((sum, file) => sum + file.bytes.byteLength, 0);
    for (const [oldKey, file] of this.files) {
      if (total <= KEEP_BYTES || oldKey === key) {
        break;
      }
      this.files.delete(oldKey);
      total -= file.bytes.byteLength;
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.toString());
    if (file) {
      return { type: vscode.FileType.File, ctime: file.mtime, mtime: file.mtime, size: file.bytes.byteLength, permissions: vscode.FilePermission.Readonly };
    }
    if (!this.ids(uri)) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ids = this.ids(uri);
    if (!ids) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const active = this.activeAccount();
    if (!active || ids.account !== accountTag(active)) {
      throw vscode.FileSystemError.Unavailable(vscode.l10n.t('This KooDrive file belongs to an account that is not signed in here now. Open it again from the Albums view.'));
    }
    const cached = this.files.get(uri.toString());
    if (cached) {
      return cached.bytes;
    }
    try {
      const bytes = await this.load(ids.fileId, ids.ownerId, new AbortController().signal);
      this.put(uri, bytes);
      return bytes;
    } catch {
      // Open Preview explains failures; a silent re-read only says the file is unavailable.
      throw vscode.FileSystemError.Unavailable(uri);
    }
  }

  private ids(uri: vscode.Uri): { fileId: string; ownerId?: string; account?: string } | undefined {
    const query = new URLSearchParams(uri.query);
    const fileId = query.get('id');
    return fileId ? { fileId, ownerId: query.get('owner') ?? undefined, account: query.get('as') ?? undefined } : undefined;
  }

  /** Another account became active: every file is forgotten and its tabs close. */
  async clear(): Promise<void> {
    this.files.clear();
    await closeTabsOf(PreviewScheme);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
    this.files.clear();
  }
}
