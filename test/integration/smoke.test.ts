import * as assert from 'node:assert/strict';
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

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['koodrive.signIn', 'koodrive.refresh']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });
});
