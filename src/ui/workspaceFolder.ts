import { createHash, randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PART_SUFFIX } from '../api/fileSink';
import { SaveSinkError, type SaveSink } from '../api/saveSink';
import type { LocalFile, TargetFolder } from '../services/targetFolder';

/**
 * A folder that is not on the machine the extension runs on (a remote window's other side),
 * written through VS Code's file system. That API writes whole files, so each file is held in
 * memory until it is checked, then written under a temporary name and renamed into place.
 */
export function workspaceFolder(uri: vscode.Uri): TargetFolder {
  const fs = vscode.workspace.fs;
  const at = (name: string): vscode.Uri => vscode.Uri.joinPath(uri, name);
  return {
    location: uri.scheme === 'file' ? uri.fsPath : uri.toString(),
    ensure: async () => {
      await fs.createDirectory(uri);
    },
    names: async () => {
      try {
        return (await fs.readDirectory(uri)).map(([name]) => name);
      } catch {
        return [];
      }
    },
    file: async (name): Promise<LocalFile | undefined> => {
      try {
        const stat = await fs.stat(at(name));
        return stat.type === vscode.FileType.File ? { size: stat.size, sha256: async () => createHash('sha256').update(await fs.readFile(at(name))).digest('hex') } : undefined;
      } catch {
        return undefined;
      }
    },
    sink: (name, overwrite) => memorySink(uri, name, overwrite),
    child: (name) => workspaceFolder(at(name)),
  };
}

function memorySink(folder: vscode.Uri, name: string, overwrite: boolean): SaveSink {
  let chunks: Buffer[] = [];
  const temporary = vscode.Uri.joinPath(folder, `.${name.slice(0, 180)}.${randomBytes(4).toString('hex')}${PART_SUFFIX}`);
  const fail = (error: unknown): never => {
    const code = error instanceof vscode.FileSystemError ? error.code : undefined;
    throw new SaveSinkError(code === 'FileExists' ? 'EEXIST' : code === 'NoPermissions' ? 'EACCES' : 'EIO');
  };
  return {
    open: () => {
      chunks = [];
      return Promise.resolve();
    },
    write: (chunk) => {
      chunks.push(chunk);
      return Promise.resolve();
    },
    commit: async () => {
      try {
        await vscode.workspace.fs.writeFile(temporary, Buffer.concat(chunks));
        chunks = [];
        await vscode.workspace.fs.rename(temporary, vscode.Uri.joinPath(folder, name), { overwrite });
      } catch (error) {
        await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
        fail(error);
      }
    },
    discard: async () => {
      chunks = [];
      await Promise.resolve(vscode.workspace.fs.delete(temporary)).then(undefined, () => undefined);
    },
  };
}
