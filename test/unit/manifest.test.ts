import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandId, ContextKey, ViewId } from '../../src/constants';

const root = path.resolve(__dirname, '../../..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; key: string; when: string; args?: unknown }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> };
    walkthroughs: { steps: { id: string; description: string; media: { image: string; altText: string }; completionEvents: string[] }[] }[];
  };
  icon?: string;
  extensionKind?: string[];
  activationEvents: string[];
}

describe('package.json agrees with the code', () => {
  const manifest = read('package.json') as Manifest;
  const declared = manifest.contributes.commands.map((c) => c.command).sort();

  it('declares exactly the command ids of src/constants.ts', () => {
    assert.deepEqual(declared, Object.values(CommandId).sort());
  });

  it('binds keys and menus only to declared commands', () => {
    for (const binding of manifest.contributes.keybindings) {
      assert.ok(declared.includes(binding.command), `keybinding for undeclared ${binding.command}`);
    }
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        assert.ok(declared.includes(entry.command), `${menu} names undeclared ${entry.command}`);
      }
    }
  });

  it('gives every command a category and an icon, and hides node-only commands from the palette', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, '%category%', command.command);
      assert.ok(command.icon, `${command.command} has no icon`);
    }
    const hidden = manifest.contributes.menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command).sort();
    assert.deepEqual(hidden, [CommandId.copyId, CommandId.loadMore, CommandId.refreshNode, CommandId.retryLoad, CommandId.showDetails, CommandId.statusBarClick].sort());
  });

  it('binds Delete, F2 (rename) and Ctrl+Alt+N (create) only when their tree has focus, acting on its selection', () => {
    const bindings = manifest.contributes.keybindings.map((b) => `${b.command} ${b.key} ${b.when} ${JSON.stringify(b.args)}`).sort();
    const albums = `focusedView == ${ViewId.albums} && !inputFocus`;
    const folders = `focusedView == ${ViewId.sharedFolders} && !inputFocus`;
    assert.deepEqual(bindings, [
      `${CommandId.createAlbum} ctrl+alt+n ${albums} {"target":"selection"}`,
      `${CommandId.createSharedFolder} ctrl+alt+n ${folders} undefined`,
      `${CommandId.deleteSharedFolder} delete ${folders} {"target":"selection"}`,
      `${CommandId.removeFromAlbum} delete ${albums} {"target":"selection"}`,
      `${CommandId.renameAlbum} f2 ${albums} {"target":"selection"}`,
      `${CommandId.renameSharedFolder} f2 ${folders} {"target":"selection"}`,
    ]);
  });

  it('shows tree actions only on the rows whose context value carries their token', () => {
    const contextMenu = manifest.contributes.menus['view/item/context'];
    const tokens = (command: string): string[] => contextMenu.filter((entry) => entry.command === command).map((entry) => /\(\^\|;\)(\w+)\(;\|\$\)/.exec(entry.when ?? '')?.[1] ?? '?');
    assert.deepEqual([...new Set(tokens(CommandId.createAlbum))], ['canCreate']);
    assert.deepEqual([...new Set(tokens(CommandId.renameAlbum))], ['editable']);
    assert.deepEqual([...new Set(tokens(CommandId.inviteMember))], ['canInvite']);
    assert.deepEqual([...new Set(tokens(CommandId.leaveSharedFolder))], ['canLeave']);
    assert.deepEqual([...new Set(tokens(CommandId.removeMember))], ['removableMember']);
    assert.deepEqual([...new Set(tokens(CommandId.acceptInvitation))], ['pendingInvitation']);
    assert.deepEqual([...new Set(tokens(CommandId.download))], ['downloadable', 'album'], 'the context menu of items and albums; inline on albums');
    for (const entry of contextMenu) {
      assert.match(entry.when ?? '', /^view (==|=~) \S+ && viewItem =~ \/\(\^\|;\)\w+\(;\|\$\)\//, `${entry.command}: ${entry.when ?? ''}`);
    }
  });

  it('contributes the two views under the KooDrive container and activates lazily', () => {
    assert.deepEqual(manifest.contributes.views[ViewId.container].map((v) => v.id), [ViewId.albums, ViewId.sharedFolders]);
    assert.deepEqual(manifest.activationEvents, []); // VS Code derives onView/onCommand events
  });

  it('scopes every setting explicitly; a workspace may set the page size only (D13)', () => {
    const properties = manifest.contributes.configuration.properties;
    for (const [key, property] of Object.entries(properties)) {
      assert.ok(property.scope, `${key} has no scope`);
      assert.ok(property.markdownDescription, `${key} has no markdown description`);
    }
    const workspaceSettable = Object.entries(properties).filter(([, property]) => property.scope !== 'application').map(([key]) => key);
    assert.deepEqual(workspaceSettable, ['koodrive.pageSize']);
  });

  it('prefers to run on the user’s own machine, so a loopback endpoint means this computer', () => {
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
  });

  it('uses the context keys of src/constants.ts in its when clauses', () => {
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = new Set([...text.matchAll(/koodrive\.[a-zA-Z]+(?=[\s'"&|)])/g)].map((m) => m[0]));
    for (const key of Object.values(ContextKey)) {
      assert.ok(used.has(key), `${key} is never used in package.json`);
    }
  });

  it('has an English and a Simplified Chinese text for every %key%', () => {
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    const en = read('package.nls.json') as Record<string, string>;
    const zh = read('package.nls.zh-cn.json') as Record<string, string>;
    assert.deepEqual(Object.keys(en).sort(), keys);
    assert.deepEqual(Object.keys(zh).sort(), keys);
    const untranslated = keys.filter((key) => zh[key] === en[key] && !/^KooDrive$/.test(en[key]));
    assert.deepEqual(untranslated, []);
  });

  it('walks a first-time user through signing in, finding an album, removing, downloading and inviting, each step with its picture', () => {
    const en = read('package.nls.json') as Record<string, string>;
    const zh = read('package.nls.zh-cn.json') as Record<string, string>;
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['signIn', 'findAlbum', 'remove', 'download', 'invite']);
    const views = Object.values(manifest.contributes.views).flat().map((entry) => `${entry.id}.focus`);
    for (const step of walkthrough.steps) {
      for (const texts of [en, zh]) {
        const description = texts[step.description.replace(/%/g, '')];
        const links = [...description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]);
        assert.ok(links.length > 0, `${step.id} offers a button`);
        assert.deepEqual(links.filter((command) => !declared.includes(command) && !views.includes(command)), [], `${step.id} runs only commands that exist`);
      }
      assert.ok(fs.existsSync(path.join(root, step.media.image)), `${step.media.image} exists`);
      for (const event of step.completionEvents) {
        const [kind, id] = event.split(':');
        assert.ok((kind === 'onCommand' && declared.includes(id)) || (kind === 'onContext' && Object.values(ContextKey).includes(id as never)), `${step.id}: ${event}`);
      }
    }
    assert.match(en['walkthrough.signIn.description'], /emulator/, 'it says how to try everything on the local emulator');
  });

  it('ships a 128 × 128 PNG icon and keeps the pictures small', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const icon = fs.readFileSync(path.join(root, 'media', 'icon.png'));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    const pictures = ['media/walkthrough', 'docs/images'].flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)));
    const total = pictures.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    assert.ok(total < 400 * 1024, `the pictures weigh ${Math.round(total / 1024)} KB`);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)) {
      assert.ok(fs.existsSync(path.join(root, image)), `README shows ${image}`);
    }
  });
});
