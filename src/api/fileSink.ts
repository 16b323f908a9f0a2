/**
 * A {@link SaveSink} on Node's file system (D22): the bytes go to a hidden temporary file in the
 * target folder (`.<name>.<random>.koodrive-part`), so they never show under the real name until
 * they are checked, and the final rename stays on one file system, where it is atomic.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import * as path from 'node:path';
import { SaveSinkError, type SaveSink, systemCodeOf } from './saveSink';
import { cutUtf8, MAX_NAME_BYTES } from './utf8';

/** What ends every temporary file of ours, so a person (or a cleanup) can tell it apart. */
export const PART_SUFFIX = '.koodrive-part';

/** Failures of `link` that mean the file system has no hard links (FAT, exFAT, some shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL']);

/**
 * A sink that writes `name` in the folder `dir`. `overwrite: true` replaces a file of that name
 * atomically on commit; `overwrite: false` never replaces one, even one that appeared while the
 * bytes were arriving: commit then fails with code `EEXIST` and the other file stays as it was.
 * Every failure is a {@link SaveSinkError} that carries the system code only, never the path.
 * @throws RangeError at once for a name that is empty, `.`, `..` or holds a path separator:
 * names from KooDrive go through `safeFileName` first.
 */
export function fileSink(dir: string, name: string, options: { overwrite: boolean }): SaveSink {
  if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name)) {
    throw new RangeError('a saved file needs a plain file name, without a path');
  }
  return new FileSink(dir, name, options.overwrite);
}

/**
 * The file is written through a write stream: it accepts chunks while less than this many bytes
 * wait for the disk (writing overlaps with the network, as a pipe would), then asks the caller to
 * wait; memory stays bounded whatever the file's size.
 */
const AHEAD_BYTES = 2 * 2 ** 20;

class FileSink implements SaveSink {
  private stream?: WriteStream;
  private temp?: string;
  private failure: SaveSinkError | undefined;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly overwrite: boolean,
  ) {}

  async open(): Promise<void> {
    await this.discard();
    const temp = path.join(this.dir, partName(this.name));
    this.temp = temp;
    const stream = createWriteStream(temp, { flags: 'wx', highWaterMark: AHEAD_BYTES });
    this.stream = stream;
    stream.on('error', (error) => {
      if (this.stream === stream) {
        this.failure ??= new SaveSinkError(systemCodeOf(error) ?? 'EIO');
      }
    });
    await new Promise<void>((resolve) => {
      stream.once('open', () => resolve());
      stream.once('error', () => resolve());
    });
    this.throwFailure();
  }

  /** Accepts `chunk`; resolves at once unless the disk is behind, then when it has caught up. A failed write fails this call or the next. */
  async write(chunk: Buffer): Promise<void> {
    const stream = this.opened();
    this.throwFailure();
    if (!stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
        stream.on('close', done);
      });
    }
    this.throwFailure();
  }

  async commit(): Promise<void> {
    const stream = this.opened();
    this.throwFailure();
    await new Promise<void>((resolve) => {
      stream.once('close', () => resolve());
      stream.end();
    });
    this.throwFailure();
    const temp = this.temp as string;
    this.stream = undefined;
    const target = path.join(this.dir, this.name);
    await onDisk(() => (this.overwrite ? fs.rename(temp, target) : placeWithoutReplacing(temp, target)));
    this.temp = undefined;
  }

  async discard(): Promise<void> {
    const { stream, temp } = this;
    this.stream = undefined;
    this.temp = undefined;
    this.failure = undefined;
    if (stream && !stream.closed) {
      // Never delete under a write: the file is removed once the stream has let it go.
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy();
      });
    }
    if (temp !== undefined) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  private throwFailure(): void {
    if (this.failure) {
      throw this.failure;
    }
  }

  private opened(): WriteStream {
    if (!this.stream) {
      throw new Error('the file sink is not open');
    }
    return this.stream;
  }
}

/** `.<name>.<random>.koodrive-part`, the name cut so the whole stays within 255 bytes. */
function partName(name: string): string {
  const random = randomBytes(6).toString('hex');
  const room = MAX_NAME_BYTES - Buffer.byteLength(`..${random}${PART_SUFFIX}`);
  return `.${cutUtf8(name, room)}.${random}${PART_SUFFIX}`;
}

/**
 * Moves `temp` to `target` unless `target` exists, without a window in which another file could be
 * replaced: a hard link fails if the name is taken. Without hard links, an exclusive create claims
 * the name first, and the rename then replaces only our own empty placeholder.
 */
async function placeWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    if (!NO_HARD_LINKS.has(systemCodeOf(error) ?? '')) {
      throw error;
    }
    const claim = await fs.open(target, 'wx');
    await claim.close();
    await fs.rename(temp, target);
    return;
  }
  // The file is in place; a temporary name left behind would only be litter, not a failure.
  await fs.unlink(temp).catch(() => undefined);
}

/** Runs a file-system call, reducing its failure to the system code (Node's message names the path). */
async function onDisk<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new SaveSinkError(systemCodeOf(error) ?? 'EIO');
  }
}
