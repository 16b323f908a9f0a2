import type { App } from '../../app';
import type { TreeNode } from '../../tree/node';
import type { KooTreeProvider } from '../../tree/provider';

/** One change a command makes: the request, what to re-read afterwards, and the row to show busy. */
export interface Change<T> {
  /** Shown in a progress notification when the request takes more than a moment. */
  progress: string;
  send(signal: AbortSignal): Promise<T>;
  /** Re-reads the affected branch, whatever the outcome, so the tree shows the truth. */
  reread(): void;
  /** The row that says "Deleting…", "Renaming…"… until KooDrive answers. */
  busy?: { tree: KooTreeProvider; row: TreeNode; label: string };
}

/**
 * Sends a command's one change, under a progress notification that shows only if it takes more
 * than a moment. A 401 asks once to sign in again and then sends it once more, without asking
 * the command's questions anew (so it may be sent twice). Afterwards, succeeded or not, the
 * affected branch is re-read; a failure then goes on to the error boundary, which words it.
 */
export async function sendChange<T>(app: App, change: Change<T>): Promise<T> {
  const run = (): Promise<T> => app.prompter.progress(change.progress, (_reporter, signal) => app.recovery.call(() => change.send(signal)), { quietMs: 500 });
  try {
    return change.busy ? await change.busy.tree.withBusy([change.busy.row], change.busy.label, run) : await run();
  } finally {
    change.reread();
  }
}
