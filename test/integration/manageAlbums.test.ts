import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/constants';
import { SeedIds } from '../emulator/server';
import { albumRow, type Fixture, fixture, labelOf, row, rows, settings, signIn } from './fixture';

const EXPIRED = { type: 'status', status: 401, body: { code: 13000100, msg: 'token expired' } } as const;

describe('Create, rename and delete albums', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await fixture();
  });


  async function requests(pattern: RegExp): Promise<{ method: string; path: string; body?: unknown }[]> {
    return (await fx.emulator.control.requests()).filter((r) => pattern.test(`${r.method} ${r.path}`));
  }

  /** The user's manual albums of one kind, read with the signed-in user's credentials. */
  async function names(albumKind: 1 | 2, groupId?: string): Promise<string[]> {
    const page = await fx.ctx.client.listAlbums({ albumKind, albumType: 2, pageSize: 100, ...(groupId ? { groupId } : {}) });
    return page.albums.map((each) => each.name ?? '');
  }

  describe('Create Album', () => {
    it('creates a personal album from the Manual group, then shows and selects it', async () => {
      await signIn(fx, fx.owner);
      const group = await row(fx.ctx.albums, 'Personal', 'Manual');
      assert.match(group.treeItem().contextValue ?? '', /(^|;)canCreate(;|$)/);
      fx.prompter.script({ input: '  Trip 旅行  ', prompt: /^Name of the new personal album$/ });
      await vscode.commands.executeCommand(CommandId.createAlbum, group);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Created the album “Trip 旅行”\.$/);
      const [create] = await requests(/^POST .*\/album\/create$/);
      assert.deepEqual(create.body, { name: 'Trip 旅行', type: '2', albumKind: '1' });
      assert.ok((await names(1)).includes('Trip 旅行'));
      assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('Trip 旅行'), 'the group was re-read');
      assert.equal(fx.ctx.albumsView.selection[0]?.title, 'Trip 旅行', 'the new album is selected');
    });

    it('as a member, creates a family album in the family picked, with its groupId', async () => {
      await signIn(fx, fx.member);
      const group = await row(fx.ctx.albums, 'Family', 'Manual');
      let offered: string[] = [];
      fx.prompter.script(
        { pick: (labels) => { offered = labels; return ['Zhang Family 张家']; } },
        { input: 'Picnic 野餐', prompt: /family “Zhang Family 张家”/ },
      );
      await vscode.commands.executeCommand(CommandId.createAlbum, group);
      assert.deepEqual(fx.prompter.unexpected, []);
      assert.deepEqual(offered.sort(), ['Family Photos 家庭相册', 'Zhang Family 张家'], 'the families the member belongs to');
      const [create] = await requests(/^POST .*\/album\/create$/);
      assert.deepEqual(create.body, { name: 'Picnic 野餐', type: '2', albumKind: '2', groupId: SeedIds.groups.joined });
      assert.ok((await names(2, SeedIds.groups.joined)).includes('Picnic 野餐'));
      await fx.prompter.waitForNotification(/^Created the album “Picnic 野餐”/);
    });

    it('from the palette asks where, and checks the name (1 to 20 characters) before sending anything', async () => {
      await signIn(fx, fx.owner);
      let offered: string[] = [];
      fx.prompter.script({ pick: (labels) => { offered = labels; return ['Personal album']; } }, { input: '一二三四五六七八九十一二三四五六七八九十一' });
      await vscode.commands.executeCommand(CommandId.createAlbum);
      assert.deepEqual(offered, ['Personal album', 'Family album: Zhang Family 张家', 'Family album: Work Drafts 工作草稿', 'Family album: Family Photos 家庭相册']);
      assert.match(fx.prompter.unexpected.join('\n'), /An album name has 1 to 20 characters\./);
      assert.deepEqual(await requests(/album\/create/), [], 'nothing was sent');
    });

    it('creates nothing when the name is cancelled', async () => {
      await signIn(fx, fx.owner);
      fx.prompter.script({ input: undefined });
      await vscode.commands.executeCommand(CommandId.createAlbum, await row(fx.ctx.albums, 'Personal', 'Manual'));
      assert.deepEqual(await requests(/album\/create/), []);
      assert.deepEqual(fx.prompter.notifications, []);
    });

    it('words a refusal with its trace id, and re-reads the group', async () => {
      await signIn(fx, fx.owner);
      await fx.emulator.control.addFault({ pathPattern: 'album/create', fault: { type: 'status', status: 400, body: { code: 13000102, msg: 'Verify parameters failed.' } } });
      fx.prompter.script({ input: 'Refused' });
      await fx.emulator.control.clearRequests();
      await vscode.commands.executeCommand(CommandId.createAlbum, await row(fx.ctx.albums, 'Personal', 'Manual'));
      const failure = await fx.prompter.waitForNotification(/^Create Album failed: KooDrive rejected the request: 13000102 Verify parameters failed\. Trace id: \S{58}$/);
      assert.equal(failure.severity, 'error');
      await rows(fx.ctx.albums, 'Personal', 'Manual');
      const after = (await fx.emulator.control.requests()).map((r) => `${r.method} ${r.path}`);
      assert.ok(after.indexOf('GET /koodrive/ose/v1/album/list') > after.indexOf('POST /koodrive/ose/v1/album/create'), 'the group was listed again after the refusal');
      assert.ok(!(await names(1)).includes('Refused'));
    });

    it('after a 401 mid-way, signs in again once and creates the album exactly once', async () => {
      await signIn(fx, fx.owner);
      await fx.emulator.control.addFault({ pathPattern: 'album/create', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: 'Resumed' }, { input: fx.owner.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.createAlbum, await row(fx.ctx.albums, 'Personal', 'Manual'));
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Created the album “Resumed”/);
      assert.equal((await names(1)).filter((name) => name === 'Resumed').length, 1);
      assert.equal(fx.prompter.inputs.filter((input) => /Name of the new/.test(input.prompt)).length, 1, 'the name was asked once');
    });
  });

  describe('Rename Album', () => {
    it('renames the selected album with F2, the current name prefilled', async () => {
      await signIn(fx, fx.owner);
      const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
      await fx.ctx.albumsView.reveal(cats, { select: true, focus: true });
      fx.prompter.script({ input: 'Cats 猫', prompt: /New name for the album “Cat photos”/ });
      await vscode.commands.executeCommand(CommandId.renameAlbum, { target: 'selection' });
      assert.deepEqual(fx.prompter.unexpected, []);
      assert.equal(fx.prompter.inputs.find((input) => /New name/.test(input.prompt))?.value, 'Cat photos');
      await fx.prompter.waitForNotification(/^Renamed the album “Cat photos” to “Cats 猫”\.$/);
      const [update] = await requests(/^POST .*\/update$/);
      assert.deepEqual(update.body, { name: 'Cats 猫' });
      assert.ok((await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('Cats 猫'));
    });

    it('as a member, is refused on an album someone else created, and the group is re-read', async () => {
      await signIn(fx, fx.member);
      const reunion = await albumRow(fx, 'Family', 'Manual', 'Reunion Dinner 团圆饭');
      fx.prompter.script({ input: 'Mine now' });
      await vscode.commands.executeCommand(CommandId.renameAlbum, reunion);
      const failure = await fx.prompter.waitForNotification(/^Rename Album failed: KooDrive says you are not allowed to do this: 13000410 /);
      assert.match(failure.message, /Trace id: \S{58}$/);
      assert.ok((await rows(fx.ctx.albums, 'Family', 'Manual')).map(labelOf).includes('Reunion Dinner 团圆饭'));
    });

    it('sends nothing when cancelled or unchanged, and resumes after a 401', async () => {
      await signIn(fx, fx.owner);
      const cats = await albumRow(fx, 'Personal', 'Manual', 'Cat photos');
      fx.prompter.script({ input: undefined }, { input: 'Cat photos' });
      await vscode.commands.executeCommand(CommandId.renameAlbum, cats);
      await vscode.commands.executeCommand(CommandId.renameAlbum, cats);
      assert.deepEqual(await requests(/\/update$/), []);
      await fx.emulator.control.addFault({ pathPattern: '/update$', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ input: 'Kittens' }, { input: fx.owner.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.renameAlbum, cats);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Renamed the album “Cat photos” to “Kittens”/);
      assert.ok((await names(1)).includes('Kittens'));
    });
  });

  describe('Delete Album', () => {
    it('confirms once with the name and item count, deletes the album, and keeps the original files', async () => {
      await signIn(fx, fx.owner);
      const westLake = await albumRow(fx, 'Personal', 'Manual', 'West Lake 西湖 2025');
      const files = (await fx.ctx.client.listAlbumContent(westLake.albumId, { pageSize: 100 })).items.map((item) => item.id);
      fx.prompter.script({ confirm: true, message: /^Delete the album “West Lake 西湖 2025”\? It holds 12 items\. The original files stay in your KooDrive/ });
      await vscode.commands.executeCommand(CommandId.deleteAlbum, westLake);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Deleted the album “West Lake 西湖 2025”\. The original files are kept\.$/);
      assert.ok(!(await names(1)).includes('West Lake 西湖 2025'));
      assert.ok(!(await rows(fx.ctx.albums, 'Personal', 'Manual')).map(labelOf).includes('West Lake 西湖 2025'));
      const camera = (await fx.ctx.client.listAlbumContent(SeedIds.albums.ownerCamera, { pageSize: 100 })).items.map((item) => item.id);
      assert.equal(files.length, 12);
      assert.ok(files.every((id) => camera.includes(id)), 'the files are still there: the camera album still collects them');
    });

    it('with typeName, deletes only after the name is typed exactly; a dismissed warning deletes nothing', async () => {
      await settings(fx.ctx, { deleteConfirmation: 'typeName' });
      await signIn(fx, fx.owner);
      fx.prompter.script({ confirm: false });
      await vscode.commands.executeCommand(CommandId.deleteAlbum, await albumRow(fx, 'Personal', 'Manual', 'Cat photos'));
      fx.prompter.script({ pick: (labels) => labels.filter((label) => label === 'Empty album') }, { confirm: true, message: /It holds 0 items/ }, { input: 'Empty album', prompt: /Type the album’s name/ });
      await vscode.commands.executeCommand(CommandId.deleteAlbum);
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Deleted the album “Empty album”/);
      const left = await names(1);
      assert.ok(left.includes('Cat photos') && !left.includes('Empty album'));
    });

    it('as a member, is refused on an album someone else created; after a 401 it resumes', async () => {
      await signIn(fx, fx.member);
      fx.prompter.script({ confirm: true, message: /It holds 20 items/ });
      await vscode.commands.executeCommand(CommandId.deleteAlbum, await albumRow(fx, 'Family', 'Manual', 'Reunion Dinner 团圆饭'));
      await fx.prompter.waitForNotification(/^Delete Album failed: KooDrive says you are not allowed to do this: 13000410 .*Trace id: \S{58}$/);
      assert.ok((await names(2, SeedIds.groups.family)).includes('Reunion Dinner 团圆饭'));

      await fx.emulator.control.addFault({ method: 'DELETE', pathPattern: '/album/\\d+$', fault: EXPIRED });
      fx.prompter.click(/session has expired/, 'Sign In Again').script({ confirm: true }, { input: fx.member.token, prompt: /access token/ });
      await vscode.commands.executeCommand(CommandId.deleteAlbum, await albumRow(fx, 'Personal', 'Manual', 'Hiking 徒步'));
      assert.deepEqual(fx.prompter.unexpected, []);
      await fx.prompter.waitForNotification(/^Deleted the album “Hiking 徒步”/);
      assert.ok(!(await names(1)).includes('Hiking 徒步'));
    });
  });
});
