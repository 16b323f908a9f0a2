import * as path from 'node:path';

/** The repository root (this file compiles to out/test/harness/). */
export const repoRoot = path.resolve(__dirname, '../../..');

/** Where downloaded tools live: git-ignored, reused across runs. */
export const toolsDir = process.env.KOODRIVE_TOOLS_DIR ?? path.join(repoRoot, '.vscode-test');

/** Where failed UI tests leave screenshots. */
export const resultsDir = path.join(repoRoot, 'test-results');

/** The file the in-host integration suite writes its report to (the web host has no usable stdout). */
export const integrationReport = path.join(toolsDir, 'integration-report.log');

export function log(message: string): void {
  process.stdout.write(`[harness] ${message}\n`);
}
