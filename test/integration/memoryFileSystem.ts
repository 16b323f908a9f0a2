import * as vscode from 'vscode';

/**
 * A file system held in memory, under a scheme of its own: in the tests it stands for a folder on
 * the other side of a remote window, which the extension can reach only through VS Code's file
 * system (`vscode.workspace.fs`), never with Node's `fs`.
 */
export class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly folders = new Set<string>(['/']);
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** Every operation asked of it, as "writeFile /photos/a.jpg": the tests read what was written how. */
  readonly calls: string[] = [];

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) {
      return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    }
    if (this.folders.has(uri.path)) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    this.stat(uri);
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const direct = (path: string): string | undefined => (path.startsWith(prefix) && !path.slice(prefix.length).includes('/') ? path.slice(prefix.length) : undefined);
    const entries: [string, vscode.FileType][] = [];
    for (const [paths, type] of [[[...this.folders], vscode.FileType.Directory], [[...this.files.keys()], vscode.FileType.File]] as const) {
      for (const path of paths) {
        const name = direct(path);
        if (name) {
          entries.push([name, type]);
        }
      }
    }
    return entries;
  }

  createDirectory(uri: vscode.Uri): void {
    this.calls.push(`createDirectory ${uri.path}`);
    this.folders.add(uri.path);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.calls.push(`readFile ${uri.path}`);
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    this.calls.push(`writeFile ${uri.path}`);
    if (this.files.has(uri.path) && !options.overwrite) {
      throw vscode.FileSystemError.FileExists(uri);
    }
    this.files.set(uri.path, content);
  }

  delete(uri: vscode.Uri): void {
    this.calls.push(`delete ${uri.path}`);
    if (!this.files.delete(uri.path)) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    this.calls.push(`rename ${from.path} ${to.path}`);
    const file = this.files.get(from.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(from);
    }
    if (this.files.has(to.path) && !options.overwrite) {
      throw vscode.FileSystemError.FileExists(to);
    }
    this.files.delete(from.path);
    this.files.set(to.path, file);
  }

  /** The files under `folder`, by name, with their bytes. */
  filesIn(folder: string): Map<string, Uint8Array> {
    const prefix = `${folder}/`;
    return new Map([...this.files].filter(([path]) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/')).map(([path, bytes]) => [path.slice(prefix.length), bytes]));
  }
}
