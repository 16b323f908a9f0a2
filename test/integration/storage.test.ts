import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { type Fixture, fixture, signIn, signOutAll } from './fixture';

describe('Storage', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });

  /** What GetSpace says, in the units the emulator uses (capacity GB, spaceUsed KB). */
  async function expected(): Promise<RegExp> {
    const space = await fx.ctx.client.getSpace(fx.ctx.config.userId() ?? '');
    const usedGb = Math.round((Number(space.spaceUsed) / 1024 / 1024) * 10) / 10;
    return new RegExp(`${String(usedGb).replace('.', '\\.')} GB of ${String(space.capacity)} GB used \\(\\d+%\\)`);
  }

  it('shows the user’s storage in the status bar tooltip after signing in, and clears it on sign-out', async () => {
    assert.doesNotMatch(fx.ctx.statusBar.tooltip, /Storage/);
    await signIn(fx, fx.owner);
    const spaces = (await fx.emulator.control.requests()).filter((r) => r.path.includes('/space/'));
    assert.deepEqual(spaces.map((r) => r.method).sort(), ['GET', 'POST'], 'GetSpace and GetSpaceUsageByUser, once each');
    assert.match(fx.ctx.statusBar.tooltip, new RegExp(`^Signed in to KooDrive as Li Wei 李伟 \\(127\\.0\\.0\\.1:\\d+\\)\\. Click to switch accounts\\.\\nStorage: ${(await expected()).source}$`));
    await signOutAll(fx.ctx);
    assert.doesNotMatch(fx.ctx.statusBar.tooltip, /Storage/);
  });

  it('Show Storage reads it afresh; Show Details shows both answers, ids masked', async () => {
    await signIn(fx, fx.member);
    fx.prompter.click(/^Your KooDrive storage/, 'Show Details');
    await vscode.commands.executeCommand(CommandId.showStorage);
    const message = await fx.prompter.waitForNotification(/^Your KooDrive storage: /);
    assert.match(message.message, await expected());
    await fx.ctx.background.idle();
    const text = (await vscode.workspace.openTextDocument(fx.prompter.documents[0])).getText();
    assert.match(text, /"GetSpace": \{/);
    assert.match(text, /"GetSpaceUsageByUser": \{[^}]*"quota": "200"/);
    assert.match(text, /"ownerId": "170…305"/);
    assert.match(text, /"userId": "170…305"/);
  });

  it('does without GetSpaceUsageByUser when it fails, and words a GetSpace failure with its trace id', async () => {
    await signIn(fx, fx.owner);
    await fx.emulator.control.addFault({ pathPattern: 'space/usage/user', fault: { type: 'status', status: 500 } });
    await vscode.commands.executeCommand(CommandId.showStorage);
    assert.match((await fx.prompter.waitForNotification(/^Your KooDrive storage: /)).message, await expected());
    await fx.emulator.control.addFault({ pathPattern: '/space/\\d+$', fault: { type: 'status', status: 400, body: { code: 13000301, msg: 'Space not found.' } } });
    await vscode.commands.executeCommand(CommandId.showStorage);
    await fx.prompter.waitForNotification(/^Show Storage failed: .*13000301 Space not found\. Trace id: \S{58}$/);
  });

  it('resumes after a 401', async () => {
    await signIn(fx, fx.owner);
    await fx.emulator.control.addFault({ pathPattern: '/space/\\d+$', fault: { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } });
    fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: fx.owner.token, prompt: /access token/ });
    await vscode.commands.executeCommand(CommandId.showStorage);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.match((await fx.prompter.waitForNotification(/^Your KooDrive storage: /)).message, await expected());
  });
});
