import * as assert from 'node:assert/strict';
import { oneRow, selectedRows, selectionArgument } from '../../../src/commands/common/selection';
import type { AlbumNode } from '../../../src/tree/albumNodes';
import type { TreeNode } from '../../../src/tree/node';
import { fakeApp } from './fakeApp';

/** A row as the trees build them: its kind tag and a title. */
const row = (title: string, type = 'album'): AlbumNode => ({ nodeTypes: [type], title } as unknown as AlbumNode);

describe('commands/common/selection: which rows a command acts on', () => {
  const a = row('A');
  const b = row('B');
  const c = row('C');
  const tree = { resolve: (value: unknown) => ([a, b, c].includes(value as AlbumNode) ? (value as TreeNode) : undefined) };

  it('takes the multi-selection when the clicked row is part of it', () => {
    assert.deepEqual(selectedRows(tree, [], b, [a, b]), [a, b]);
  });

  it('takes only the clicked row when it is outside the selection', () => {
    assert.deepEqual(selectedRows(tree, [a, b], c, [a, b]), [c]);
  });

  it('takes the view’s selection for the Delete key', () => {
    assert.deepEqual(selectedRows(tree, [a, c], selectionArgument, undefined), [a, c]);
  });

  it('takes nothing from the palette, so the command asks', () => {
    assert.deepEqual(selectedRows(tree, [a], undefined, undefined), []);
  });

  it('treats an object that only claims to be a row (a command: link, another extension) as absent', () => {
    const forged = { nodeTypes: ['album'], title: 'Forged', albumId: 'someone-else' };
    assert.deepEqual(selectedRows(tree, [], forged, undefined), []);
    assert.deepEqual(selectedRows(tree, [], forged, [forged, a]), [a]);
  });

  it('acts on one row: the selected one, else the one picked; more than one says so and does nothing', async () => {
    const { app, record } = fakeApp({}, [a, b]);
    assert.equal(await oneRow(app, 'albums', 'album', { node: a, nodes: undefined }, 'one at a time', () => Promise.resolve(c)), a);
    assert.equal(await oneRow(app, 'albums', 'album', { node: undefined, nodes: undefined }, 'one at a time', () => Promise.resolve(c)), c);
    assert.equal(await oneRow(app, 'albums', 'album', { node: a, nodes: [a, b] }, 'one at a time', () => Promise.resolve(c)), undefined);
    assert.deepEqual(record.notes.map((note) => note.message), ['one at a time']);
  });

  it('picks from the palette when the argument is forged', async () => {
    const { app } = fakeApp({}, [a]);
    const forged = { nodeTypes: ['album'], title: 'Forged' };
    assert.equal(await oneRow(app, 'albums', 'album', { node: forged, nodes: undefined }, 'one at a time', () => Promise.resolve(c)), c);
  });
});
