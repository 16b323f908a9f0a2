/** Shared by the tests of saving files (D22): a folder per test, getFile's save target, sink wrappers. */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contentToSave, type SaveOptions } from '../../../src/api/save';
import type { SaveSink } from '../../../src/api/saveSink';
import type { EmulatorUser } from '../../emulator/server';
import type { Harness } from './helpers';

/** A fresh folder for each test, and what is in it. */
export function useFolder(): { dir: string; list(): string[] } {
  const folder = { dir: '', list: () => readdirSync(folder.dir).sort() };
  beforeEach(() => {
    folder.dir = mkdtempSync(path.join(tmpdir(), 'koodrive-save-'));
  });
  afterEach(() => rmSync(folder.dir, { recursive: true, force: true }));
  return folder;
}

/** getFile's link, size and sha256 of `fileId`, asked by `user` in the owner's space. */
export async function target(h: Harness, fileId: string, owner: EmulatorUser = h.owner, user: EmulatorUser = h.owner): Promise<{ link: string } & SaveOptions> {
  const details = await h.client(user).getFile(fileId, owner.containerId);
  const content = contentToSave(details);
  assert.ok(content, `${fileId} can be saved`);
  assert.ok(content.sha256, 'the emulator gives a sha256');
  return content;
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
