import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { fixture } from './fixture';

describe('Commands', () => {
  before(async () => {
    await fixture();
  });

  it('registers exactly the commands package.json declares', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('koodrive.') && !id.startsWith('koodrive.albums') && !id.startsWith('koodrive.sharedFolders')).sort();
    assert.deepEqual(registered, declared);
    assert.deepEqual(declared, Object.values(CommandId).sort());
  });

  it('opens the KooDrive view container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.koodrive');
    assert.equal(vscode.extensions.getExtension('koodrive-tools.koodrive')?.isActive, true);
  });
});
