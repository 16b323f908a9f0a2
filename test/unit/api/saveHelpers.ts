/** Shared by the tests of saving files (D22): a folder per test, sink wrappers. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SaveSink } from '../../../src/api/saveSink';

/** A fresh folder for each test, and what is in it. */
export function useFolder(): { dir: string; list(): string[] } {
  const folder = { dir: '', list: () => readdirSync(folder.dir).sort() };
  beforeEach(() => {
    folder.dir = mkdtempSync(path.join(tmpdir(), 'koodrive-save-'));
  });
  afterEach(() => rmSync(folder.dir, { recursive: true, force: true }));
  return folder;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** `inner` with some of its steps replaced (a sink's methods live on its prototype: no spreading). */
export function wrap(inner: SaveSink, steps: Partial<SaveSink>): SaveSink {
  return {
    open: steps.open ?? (() => inner.open()),
    write: steps.write ?? ((chunk) => inner.write(chunk)),
    commit: steps.commit ?? (() => inner.commit()),
    discard: steps.discard ?? (() => inner.discard()),
  };
}
