import * as assert from 'node:assert/strict';
import { sendChange } from '../../../src/commands/common/change';
import { confirmDeletion } from '../../../src/commands/common/deletion';
import { renameRow } from '../../../src/commands/common/rename';
import type { TreeNode } from '../../../src/tree/node';
import type { KooTreeProvider } from '../../../src/tree/provider';
import { fakeApp } from './fakeApp';

const row = { title: 'Cat photos', nodeTypes: ['album'] } as unknown as TreeNode;

describe('commands/common: one change, the delete flow, the rename flow', () => {
  it('re-reads the branch after a change, whether it succeeded or failed', async () => {
    const { app } = fakeApp();
    let rereads = 0;
    assert.equal(await sendChange(app, { progress: 'Doing…', send: () => Promise.resolve(7), reread: () => void rereads++ }), 7);
    await assert.rejects(sendChange(app, { progress: 'Doing…', send: () => Promise.reject(new Error('refused')), reread: () => void rereads++ }), /refused/);
    assert.equal(rereads, 2);
  });

  it('shows the row busy while the change runs', async () => {
    const { app, record } = fakeApp();
    await sendChange(app, { progress: 'Deleting…', send: () => Promise.resolve(), reread: () => undefined, busy: { tree: app.albums, row, label: 'Deleting…' } });
    assert.deepEqual(record.busy, ['Cat photos: Deleting…']);
  });

  it('asks one question naming the count, then sends nothing when declined', async () => {
    const { app, record } = fakeApp({ confirm: [false] });
    const ok = await confirmDeletion(app, {
      title: 'Delete Album', name: 'Cat photos', counting: 'Counting…', count: () => Promise.resolve(8),
      confirmation: (count) => ({ message: `Delete “Cat photos” (${String(count)})?`, button: 'Delete' }), typePrompt: 'Type it',
    });
    assert.equal(ok, false);
    assert.deepEqual(record.confirms.map((question) => question.message), ['Delete “Cat photos” (8)?']);
    assert.deepEqual(record.inputs, []);
  });

  it('asks nothing when counting was cancelled', async () => {
    const { app, record } = fakeApp({ confirm: [true] });
    const ok = await confirmDeletion(app, { title: 'T', name: 'N', counting: 'C', count: () => Promise.resolve('cancelled'), confirmation: () => ({ message: 'm', button: 'b' }), typePrompt: 'p' });
    assert.equal(ok, false);
    assert.deepEqual(record.confirms, []);
  });

  it('with typeName, deletes only when the exact name is typed', async () => {
    const question = { title: 'Delete Album', name: 'Cat photos', counting: 'C', count: () => Promise.resolve(undefined), confirmation: () => ({ message: 'm', button: 'Delete' }), typePrompt: 'Type the name' };
    const wrong = fakeApp({ confirm: [true], input: ['cat photos'], deleteConfirmation: 'typeName' });
    assert.equal(await confirmDeletion(wrong.app, question), false);
    assert.equal(wrong.record.inputs[0].validate?.('Cat photo'), 'Type “Cat photos” exactly to confirm.');
    const right = fakeApp({ confirm: [true], input: ['Cat photos'], deleteConfirmation: 'typeName' });
    assert.equal(await confirmDeletion(right.app, question), true);
  });

  it('renames: the name box filled with the current name; an unchanged name sends nothing', async () => {
    const sent: string[] = [];
    const description = (app: ReturnType<typeof fakeApp>['app']) => ({
      title: 'Rename Album', row, tree: app.albums as unknown as KooTreeProvider, current: 'Cat photos', prompt: 'New name',
      problem: (name: string) => (name.length > 20 ? 'too long' : undefined),
      send: (name: string) => Promise.resolve(void sent.push(name)), reread: () => undefined, logged: 'renamed', done: (name: string) => `Renamed to “${name}”.`,
    });
    const same = fakeApp({ input: [' Cat photos '] });
    await renameRow(same.app, description(same.app));
    assert.deepEqual(sent, []);
    const renamed = fakeApp({ input: ['Kittens [x](command:y)'] });
    await renameRow(renamed.app, description(renamed.app));
    assert.equal(renamed.record.inputs[0].value, 'Cat photos');
    assert.deepEqual(sent, ['Kittens [x](command:y)']);
    assert.deepEqual(renamed.record.busy, ['Cat photos: Renaming…']);
    assert.deepEqual(renamed.record.notes.map((note) => note.message), ['Renamed to “Kittens [x] (command:y)”.'], 'the new name is shown inert');
  });
});
