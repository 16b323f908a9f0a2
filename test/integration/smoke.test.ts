import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const extensionId = 'koodrive-tools.koodrive';

/** What every other integration test relies on: the extension is there and starts. Runs first (see index.ts). */
describe('Smoke', () => {
  it('is installed in the extension host', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    assert.equal((extension.packageJSON as { main?: unknown }).main, './dist/extension.js');
  });

  it('activates when its view container is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await vscode.commands.executeCommand('workbench.view.extension.koodrive');
    // The views' implicit activation events start the extension; activation itself is async.
    const deadline = Date.now() + 10_000;
    while (!extension.isActive && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(extension.isActive, true, 'opening the KooDrive view container did not activate the extension');
  });

  it('registers exactly the commands package.json declares', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    // The views contribute koodrive.albums.* and koodrive.sharedFolders.* commands of their own.
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('koodrive.') && !/^koodrive\.(albums|sharedFolders)\b/.test(id)).sort();
    assert.deepEqual(registered, declared);
  });
});
