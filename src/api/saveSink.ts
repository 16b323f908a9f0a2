/**
 * Where a saved file's bytes go (D22). The client streams into a sink and decides, once the last
 * byte is checked, whether it is committed or discarded; the sink decides where the bytes live
 * (a temporary file beside the target for {@link fileSink}, VS Code's file system for another).
 */

/**
 * One file being saved. The client calls `open()`, then `write()` for each chunk in order (the
 * next only after the previous settled), then exactly one of `commit()` (the bytes were checked:
 * put them in place) or `discard()` (nothing may stay). A retried save calls `open()` again after
 * `discard()`, for a fresh start. What these throw is reported as a `disk` failure, with the
 * error's system `code` (`ENOSPC`…) when it has one.
 */
export interface SaveSink {
  open(): Promise<void>;
  write(chunk: Buffer): Promise<void>;
  commit(): Promise<void>;
  /** Never throws, and may be called at any time, more than once. */
  discard(): Promise<void>;
}

/**
 * A sink's failure, reduced to the operating system's code (`ENOSPC`, `EACCES`, `EROFS`, `EEXIST`
 * when a file appeared where one was to be created…): Node's own errors name the full path, which
 * may hold the user's name.
 */
export class SaveSinkError extends Error {
  constructor(readonly code: string) {
    super(`the file could not be written (${code})`);
    this.name = 'SaveSinkError';
  }
}

/** The system code of `error` (`ENOSPC`…), or undefined when it has none. */
export function systemCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9_]+$/.test(code) ? code : undefined;
}
