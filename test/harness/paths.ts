import * as path from 'node:path';

/** The repository root (this file compiles to out/test/harness/). */
export const repoRoot = path.resolve(__dirname, '../../..');

/** Where installed tools live: git-ignored, reused across runs. */
export const toolsDir = process.env.KOODRIVE_TOOLS_DIR ?? path.join(repoRoot, '.vscode-test');

/** Where failed UI tests leave screenshots and runs leave logs worth reading (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');

/** Prints a progress line of the harness. */
export function log(message: string): void {
  process.stdout.write(`[harness] ${message}\n`);
}

/** Reads `--name=value` from the command line. */
export function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
