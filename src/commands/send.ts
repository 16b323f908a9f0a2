import type { CommandContext } from './context';

/**
 * The one request of a command, under a progress notification that shows only if it takes more
 * than a moment. A 401 asks once to sign in again and sends it again, without asking the
 * command's questions anew. Any other failure (a refusal, a lost answer, a cancel) first re-reads
 * the affected branch through `reread`, so the tree shows the truth, then goes on to the error
 * boundary, which words it with its trace id.
 */
export async function sendOnce<T>(ctx: CommandContext, title: string, call: (signal: AbortSignal) => Promise<T>, reread: () => void): Promise<T> {
  try {
    return await ctx.prompter.progress(title, (_reporter, signal) => ctx.recovery.call(() => call(signal)), { quietMs: 500 });
  } catch (error) {
    reread();
    throw error;
  }
}
