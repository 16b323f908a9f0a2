import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KooDriveClient } from '../../src/api/client';
import { SeedIds } from '../emulator/server';
import { e2e } from './context';
import { answerFolderDialog, clearNotifications, contextMenu, expandTreeItem, multiSelect, treeItem, useAccount, view, waitForNotification } from './workbench';

/** Taking files home through the workbench: select items, Download…, the folder dialog, the files on disk. */
describe('Downloading album items in the workbench', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-e2e-download-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('downloads three items chosen in the tree into the folder chosen in the dialog, byte for byte', async () => {
    const { page, emulator } = e2e();
    const owner = emulator.users.find((user) => user.role === 'owner');
    assert.ok(owner);
    await clearNotifications(page);
    await useAccount(page, owner);
    const client = new KooDriveClient({ endpoint: () => emulator.url, userId: () => owner.userId, getToken: () => Promise.resolve(owner.token), language: () => 'en-US', timeoutMs: () => 10_000 });
    const ids = (await client.listAlbumContent(SeedIds.albums.westLake, { pageSize: 3, sortType: 1, sortDirection: 2 })).items.map((item) => item.id);
    const files = await Promise.all(ids.map((id) => client.getFile(id, owner.containerId)));
    const names = files.map((file) => String(file.fileName));
    const albums = view(page, 'Albums');
    await expandTreeItem(albums, 'West Lake 西湖 2025');
    for (const name of names) {
      await treeItem(albums, name).waitFor({ timeout: 30_000 });
    }
    await multiSelect(albums, names);
    await contextMenu(page, treeItem(albums, names[0]), 'Download…');
    await answerFolderDialog(page, dir, 'Download Here');
    await waitForNotification(page, `Downloaded 3 files to “${path.basename(dir)}”.`);
    for (const file of files) {
      const local = path.join(dir, String(file.fileName));
      assert.equal(createHash('sha256').update(fs.readFileSync(local)).digest('hex'), file.sha256, `${String(file.fileName)} byte for byte`);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), [...names].sort(), 'nothing else in the folder');
  });
});
