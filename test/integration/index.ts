import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

/** Names the variable through which the code-server runner asks for prefixed output lines. */
export const SUITE_PREFIX_ENV = 'KOODRIVE_SUITE_OUTPUT_PREFIX';
/**
 * In code-server, the extension host's output reaches the harness mixed with the workbench's
 * own log (through `codeAutomationLog`); this prefix marks the suite's lines.
 */
export const SUITE_OUTPUT_PREFIX = '@@koodrive-suite@@|';
/** The suite's closing line (prefixed), after which no more output comes. */
export const SUITE_DONE = 'KOODRIVE_SUITE_DONE';

/**
 * Every `*.test.js` below `dir` that still has its source, in a stable order, the smoke test first: it checks that opening
 * the view container activates the extension, which only a fresh extension host can show.
 */
function testFiles(dir: string): string[] {
  const rank = (name: string): string => (name === 'smoke.test.js' ? `0${name}` : `1${name}`);
  // tsc never deletes from out/: a compiled test whose source is gone is not run.
  const sources = path.resolve(dir, '../../../test/integration');
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => fs.existsSync(path.join(sources, name.replace(/\.js$/, '.ts'))))
    .sort((a, b) => rank(a).localeCompare(rank(b)))
    .map((name) => path.join(dir, name));
}

/**
 * The in-host entry point (`extensionTestsPath`): runs every `*.test.js` below this folder with
 * mocha (bdd, spec reporter, 60 s per test) inside the VS Code extension host.
 * @throws when a test fails (the launcher then exits with code 1).
 */
export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  const prefix = process.env[SUITE_PREFIX_ENV] ?? '';
  const write = (text: string): void => {
    process.stdout.write(text.split('\n').map((line) => `${prefix}${line}\n`).join(''));
  };
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => write(format(...args));
  const grep = process.env.KOODRIVE_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  for (const file of testFiles(__dirname)) {
    mocha.addFile(file);
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (prefix) {
    write(`${SUITE_DONE} failures=${failures}`);
  }
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed`);
  }
}
