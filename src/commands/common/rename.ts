import type { App } from '../../app';
import type { TreeNode } from '../../tree/node';
import type { KooTreeProvider } from '../../tree/provider';
import { safeText } from '../../model/safeText';
import { sendChange } from './change';

/** One kind of rename (an album, a shared folder): what to ask, send and re-read. */
export interface RenameDescription {
  title: string;
  /** The row renamed, shown "Renaming…" meanwhile. */
  row: TreeNode;
  tree: KooTreeProvider;
  /** The current name as KooDrive has it, filled in; undefined for a nameless row. */
  current: string | undefined;
  prompt: string;
  /** The rule's message for a name the client would refuse, else undefined. */
  problem(name: string): string | undefined;
  send(name: string, signal: AbortSignal): Promise<unknown>;
  reread(): void;
  /** The log line of a rename done. */
  logged: string;
  /** The message of a rename done, given the new name (inert). */
  done(name: string): string;
}

/**
 * Rename Album and Rename Shared Folder: the name box filled with the current name and checked as
 * it is typed, then the one request (busy row, progress, sign-in resume, re-read); an unchanged
 * name sends nothing.
 */
export async function renameRow(app: App, rename: RenameDescription): Promise<void> {
  const typed = await app.prompter.input({ title: rename.title, prompt: rename.prompt, value: rename.current, validate: (value) => rename.problem(value.trim()) });
  const name = typed?.trim();
  if (name === undefined || name === rename.current) {
    return;
  }
  await sendChange(app, {
    progress: app.t('Renaming “{0}”…', rename.row.title),
    send: (signal) => rename.send(name, signal),
    reread: () => rename.reread(),
    busy: { tree: rename.tree, row: rename.row, label: app.t('Renaming…') },
  });
  app.log.info(rename.logged);
  void app.prompter.notify('info', rename.done(safeText(name)));
}
