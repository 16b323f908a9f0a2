import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

/**
 * The in-host entry point (`extensionTestsPath`): runs every `*.test.js` of this folder with
 * mocha inside the VS Code extension host. A web extension host has no stdout the harness can
 * read, so the report is also appended to a file the harness follows.
 */
export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  const report = path.resolve(__dirname, '../../../.vscode-test/integration-report.log');
  fs.mkdirSync(path.dirname(report), { recursive: true });
  const write = (...args: unknown[]): void => {
    const line = `${format(...args)}\n`;
    fs.appendFileSync(report, line);
    process.stdout.write(line);
  };
  Mocha.reporters.Base.consoleLog = write;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  write(`KOODRIVE_INTEGRATION_DONE failures=${failures}`);
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed`);
  }
}
