/**
 * The folder a download writes into (D22): what it holds, the size and SHA-256 of a file there
 * (checked locally, never by downloading), and a sink that puts a checked file in place. On the
 * machine the extension runs on, Node's file system streams ({@link nodeFolder}); a folder
 * elsewhere (a remote window) goes through VS Code's file system (ui/workspaceFolder.ts). Plain Node.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileSink } from '../api/fileSink';
import type { SaveSink } from '../api/saveSink';

/** A file already in the folder: its size, and its SHA-256 when asked (which reads it). */
export interface LocalFile {
  size: number;
  sha256(): Promise<string>;
}

export interface TargetFolder {
  /** Where it is, for messages and Reveal. */
  readonly location: string;
  /** Makes the folder (and its parents) when it does not exist yet. */
  ensure(): Promise<void>;
  /** The names of the entries it holds now. */
  names(): Promise<string[]>;
  /** The file `name` in it, or undefined when there is none (or it is not a file). */
  file(name: string): Promise<LocalFile | undefined>;
  /** Where the bytes of `name` go; `overwrite` says whether a file of that name may be replaced. */
  sink(name: string, overwrite: boolean): SaveSink;
  /** The folder `name` inside this one (a whole album's own folder). */
  child(name: string): TargetFolder;
}

/** A folder on this machine's disk, streamed to and from. */
export function nodeFolder(dir: string): TargetFolder {
  return {
    location: dir,
    ensure: async () => {
      await fs.mkdir(dir, { recursive: true });
    },
    names: async () => {
      try {
        return await fs.readdir(dir);
      } catch {
        return [];
      }
    },
    file: async (name) => {
      const full = path.join(dir, name);
      try {
        const stat = await fs.stat(full);
        return stat.isFile() ? { size: stat.size, sha256: () => hashFile(full) } : undefined;
      } catch {
        return undefined;
      }
    },
    sink: (name, overwrite) => fileSink(dir, name, { overwrite }),
    child: (name) => nodeFolder(path.join(dir, name)),
  };
}

/** The SHA-256 (lowercase hex) of a file, read as a stream. */
function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
