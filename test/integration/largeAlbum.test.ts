import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import type { AlbumContentNode, AlbumNode } from '../../src/tree/albumNodes';
import type { TreeNode } from '../../src/tree/node';
import { albumIds, albumRow, eventually, type Fixture, fixture, labelOf, row, settings, signIn } from './fixture';

/** The rows an album shows, and the status row after them, as VS Code would get them. */
async function shown(fx: Fixture, album: AlbumNode): Promise<{ items: AlbumContentNode[]; other: string[] }> {
  const children = await fx.ctx.albums.getChildren(album);
  const items = children.filter((node): node is AlbumContentNode => node.nodeTypes.includes('albumContent'));
  return { items, other: children.filter((node) => !items.includes(node as AlbumContentNode)).map(labelOf) };
}

/** Clicks the status row whose label starts with `label` (Load more…, Next items…, Previous items…). */
async function click(fx: Fixture, album: AlbumNode, label: string): Promise<void> {
  const row = (await fx.ctx.albums.getChildren(album)).find((node: TreeNode) => labelOf(node).startsWith(label));
  assert.ok(row, `no "${label}" row`);
  await vscode.commands.executeCommand(CommandId.loadMore, row);
}

/** The album's first `count` item ids, in the order the tree lists them. */
async function listedIds(fx: Fixture, albumId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await fx.ctx.client.listAlbumContent(albumId, { pageSize: 100, ...fx.ctx.albums.contentSort(), ...(cursor ? { pageCursor: cursor } : {}) });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor || undefined;
  } while (cursor && ids.length < count);
  return ids.slice(0, count);
}

/** getFile requests the emulator has seen since its log was last cleared. */
/**
 * How many getFile lookups were sent, for the files in `of` only when given: the workbench, its
 * views open, also names the rows of albums an earlier test left expanded.
 */
async function lookups(fx: Fixture, of?: ReadonlySet<string>): Promise<number> {
  return (await fx.emulator.control.requests()).filter((request) => {
    const match = /\/files\/([^/]+)\/detail$/.exec(request.path);
    return match !== null && (!of || of.has(decodeURIComponent(match[1])));
  }).length;
}

describe('A long album', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
    await signIn(fx, fx.owner);
  });

  it('is shown a window of 2,000 rows at a time, with Next items and Previous items', async () => {
    const large = await albumRow(fx, 'Personal', 'Manual', 'Large album');
    const ids = await listedIds(fx, large.albumId, 2100);
    await shown(fx, large);
    for (let page = 1; page < 20; page++) {
      await click(fx, large, 'Load more');
    }
    let view = await shown(fx, large);
    assert.equal(view.items.length, 2000);
    assert.deepEqual(view.other, ['Next items (2,001 onwards)…']);
    await click(fx, large, 'Next items');
    view = await shown(fx, large);
    assert.deepEqual(view.items.map((item) => item.fileId), ids.slice(2000, 2100));
    assert.deepEqual(view.other, ['Previous items…', 'Load more…']);
    await click(fx, large, 'Previous items');
    view = await shown(fx, large);
    assert.deepEqual(view.items.map((item) => item.fileId), ids.slice(0, 100));
    assert.deepEqual(view.other, ['Load more…']);
  });

  it('asks before thousands of name lookups, and filters the loaded rows only when told so', async () => {
    const large = await albumRow(fx, 'Personal', 'Manual', 'Large album');
    const first = (await shown(fx, large)).items;
    await eventually(() => first.every((item) => item.details !== undefined), 'the first page has its names');
    await fx.emulator.control.clearRequests();
    let question = '';
    fx.prompter.script(
      { input: 'VID_' },
      { pick: (labels) => labels.filter((label) => label === 'The whole album') },
      { pick: (labels) => { question = labels.join(' | '); return labels.filter((label) => label.startsWith('Filter the')); } },
    );
    await vscode.commands.executeCommand(CommandId.filterItems, large);
    assert.deepEqual(fx.prompter.unexpected, []);
    assert.match(question, /^Look up all 10,000 names \| Filter the 100 items loaded only$/);
    assert.ok(fx.prompter.progressMessages.some((message) => /^[\d,]+ items read$/.test(message)), 'the pages were counted in the progress');
    const view = await shown(fx, large);
    assert.ok(view.items.length <= 100 && view.items.every((item) => item.title.startsWith('VID_') || item.details === undefined));
    const rest = new Set((await albumIds(fx, large.albumId)).filter((id) => !first.some((item) => item.fileId === id)));
    assert.equal(await lookups(fx, rest), 0, 'no bulk lookups');
  });

  it('looks names up as bulk work with progress, shows the matches, and an album opened meanwhile is named first', async () => {
    await settings(fx.ctx, { pageSize: 20 });
    const paging = await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页');
    const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
    await shown(fx, paging);
    await fx.emulator.control.addFault({ pathPattern: '/detail$', times: 1000, fault: { type: 'delay', ms: 40 } });
    fx.prompter.script({ input: 'IMG_' }, { pick: (labels) => labels.filter((label) => label === 'The whole album') });
    const filtering = vscode.commands.executeCommand(CommandId.filterItems, paging);
    await eventually(async () => (await shown(fx, paging)).other.some((label) => /names looked up/.test(label)), 'the lookups run');
    const catRows = (await shown(fx, cats)).items;
    await eventually(() => catRows.every((row) => row.details !== undefined), 'the album opened meanwhile has its names', 20_000);
    assert.ok((await shown(fx, paging)).other.some((label) => /names looked up/.test(label)), 'named while the filter still ran');
    await filtering;
    assert.ok(fx.prompter.progressMessages.some((message) => /^\d+ of 250 names looked up · \d+ matches$/.test(message)), 'the lookups were counted in the progress');
    const view = await shown(fx, paging);
    assert.ok(view.items.length > 0 && view.items.every((item) => item.title.startsWith('IMG_')), JSON.stringify(view.items.map((item) => item.title)));
    assert.deepEqual(view.other, []);
    assert.match(fx.ctx.albumsView.description ?? '', /^Filter: Paging 250 翻页 · img_$/i);
  });

  it('filters a whole album by date with no lookup at all where the listing gives the dates', async () => {
    await settings(fx.ctx, { pageSize: 20 });
    const group = await row(fx.ctx.albums, 'Personal', 'Collection');
    const [camera] = (await fx.ctx.albums.getChildren(group)) as AlbumNode[];
    const first = (await shown(fx, camera)).items;
    await eventually(() => first.every((item) => item.details !== undefined), 'the first page has its names');
    await fx.emulator.control.clearRequests();
    fx.prompter.script({ input: 'after:2000-01-01' }, { pick: (labels) => labels.filter((label) => label === 'The whole album') });
    await vscode.commands.executeCommand(CommandId.filterItems, camera);
    assert.deepEqual(fx.prompter.unexpected, []);
    const view = await shown(fx, camera);
    assert.equal(view.items.length, (await albumIds(fx, camera.albumId)).length, 'every item of the album matches, decided from the listing alone');
    assert.ok(view.items.length > 20, 'more than the page loaded');
    assert.deepEqual(view.other, []);
    assert.ok(fx.prompter.progressMessages.every((message) => !/names looked up/.test(message)), 'no name was looked up to filter');
    const asked = await lookups(fx, new Set(await albumIds(fx, camera.albumId)));
    assert.ok(asked <= view.items.length - first.length, `only the rows now shown ask for their names (${asked} lookups for ${view.items.length} rows, ${first.length} named before)`);
  });

  it('returns to the album’s own window when the filter is cleared, even mid-run', async () => {
    const large = await albumRow(fx, 'Personal', 'Manual', 'Large album');
    const first = (await shown(fx, large)).items;
    fx.prompter.script(
      { input: 'VID_' },
      { pick: (labels) => labels.filter((label) => label === 'The whole album') },
      { pick: (labels) => labels.filter((label) => label.startsWith('Look up all')) },
    ).cancelProgressWhen((message) => /^[1-9][\d,]* of 10,000 names looked up/.test(message));
    await vscode.commands.executeCommand(CommandId.filterItems, large);
    assert.deepEqual(fx.prompter.unexpected, []);
    await vscode.commands.executeCommand(CommandId.clearItemFilter);
    const back = await shown(fx, large);
    assert.deepEqual(back.items.map((item) => item.fileId), first.map((item) => item.fileId));
    assert.deepEqual(back.other, ['Load more…']);
    assert.equal(fx.ctx.albumsView.description, undefined);
  });

  it('stops reading and looking up when cancelled, and says how far it got', async () => {
    await settings(fx.ctx, { pageSize: 20 });
    const paging = await albumRow(fx, 'Personal', 'Manual', 'Paging 250 翻页');
    const first = (await shown(fx, paging)).items;
    await eventually(() => first.every((item) => item.details !== undefined), 'the first page has its names');
    await fx.emulator.control.addFault({ pathPattern: '/detail$', times: 1000, fault: { type: 'delay', ms: 40 } });
    fx.prompter.script({ input: 'IMG_' }, { pick: (labels) => labels.filter((label) => label === 'The whole album') })
      .cancelProgressWhen((message) => /^[1-9]\d* of 250 names looked up/.test(message));
    await vscode.commands.executeCommand(CommandId.filterItems, paging);
    await fx.ctx.background.idle();
    await new Promise((resolve) => setTimeout(resolve, 300)); // lookups sent before the cancel still get their (delayed) answer
    const before = await lookups(fx);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await lookups(fx), before, 'no lookup after the cancel');
    assert.ok(before < 250);
    await eventually(async () => (await shown(fx, paging)).other.some((label) => /^Filter stopped/.test(label)), 'the album says the filter stopped');
  });
});

