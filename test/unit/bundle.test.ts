import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { startEmulator } from '../emulator/server';

/** The repository root, from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');
const MAX_BYTES = 120 * 1024;

type Options = (settings: { production: boolean; outfile: string }) => esbuild.BuildOptions;

interface BuildModule {
  buildOptions: Options;
  commandsBuildOptions: Options;
  fetchBuildOptions: Options;
}

/** The options `npm run package` builds with, from esbuild.mjs itself so they cannot drift. */
async function productionOptions(outfile: string, bundle: 'extension' | 'commands' | 'fetch' = 'extension'): Promise<esbuild.BuildOptions> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as Partial<BuildModule>;
  assert.equal(typeof module.buildOptions, 'function', 'esbuild.mjs exports buildOptions');
  const options = { extension: module.buildOptions, commands: module.commandsBuildOptions, fetch: module.fetchBuildOptions }[bundle];
  return { ...options?.({ production: true, outfile }), logLevel: 'silent', absWorkingDir: ROOT };
}

/** The modules of src/commands that activation needs; every other command loads on first use. */
const EAGER_COMMANDS = ['index', 'lazy', 'refresh', 'runCommand'];

describe('the production bundle', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'koodrive-bundle-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it(`is at most ${MAX_BYTES / 1024} KB, node-fetch left to dist/fetch.js, loaded with the first request`, async () => {
    const outfile = path.join(dir, 'extension.js');
    const result = await esbuild.build({ ...(await productionOptions(outfile)), metafile: true });
    const size = statSync(outfile).size;
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    assert.deepEqual(inputs.filter((input) => input.includes('node_modules')), [], 'no dependency in the activation bundle');
    const text = readFileSync(outfile, 'utf8');
    assert.match(text, /require\(["']\.\/fetch\.js["']\)/, 'node-fetch loaded at run time, beside the extension');
    // zlib is loaded on the first compressed answer, not when the extension starts.
    assert.doesNotMatch(text, /require\(["']zlib["']\)/);
    // One require of vscode, so its hundreds of exports are copied once, not once per module.
    assert.equal(text.match(/require\(["']vscode["']\)/g)?.length, 1);
    assert.ok(size <= MAX_BYTES, `dist/extension.js would be ${(size / 1024).toFixed(1)} KB`);
  });

  it('leaves the command handlers to dist/commands.js, which carries no second copy of a tree class', async () => {
    const main = await esbuild.build({ ...(await productionOptions(path.join(dir, 'extension.js'))), metafile: true });
    const eager = Object.keys(main.metafile?.inputs ?? {}).filter((input) => input.startsWith('src/commands/')).map((input) => path.basename(input, '.ts')).sort();
    assert.deepEqual(eager, EAGER_COMMANDS);
    assert.match(readFileSync(path.join(dir, 'extension.js'), 'utf8'), /require\(["']\.\/commands\.js["']\)/, 'loaded at run time, beside the extension');
    const commands = await esbuild.build({ ...(await productionOptions(path.join(dir, 'commands.js'), 'commands')), metafile: true });
    const tree = Object.keys(commands.metafile?.inputs ?? {}).filter((input) => input.startsWith('src/tree/'));
    assert.deepEqual(tree, ['src/tree/kinds.ts']);
  });

  it('bundles node-fetch without whatwg-url\'s tables, which no VS Code runs', async () => {
    const result = await esbuild.build({ ...(await productionOptions(path.join(dir, 'fetch.js'), 'fetch')), metafile: true });
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    assert.deepEqual(inputs.filter((input) => /node_modules[\\/](tr46|whatwg-url|webidl-conversions|encoding)[\\/]/.test(input)), []);
    assert.ok(inputs.some((input) => input.includes('node-fetch')));
  });

  it('still talks to KooDrive through the bundled node-fetch, gzip answers included', async () => {
    const outfile = path.join(dir, 'api.js');
    await esbuild.build({ ...(await productionOptions(path.join(dir, 'fetch.js'), 'fetch')) });
    await esbuild.build({ ...(await productionOptions(outfile)), entryPoints: [path.join(ROOT, 'src/api/index.ts')] });
    const api = ((await import(pathToFileURL(outfile).href)) as { default: typeof import('../../src/api/index') }).default;
    const emulator = await startEmulator();
    const gzipped = gzipSync('{"code":0,"msg":"Success.","albumList":[{"id":"1765148492881313793"}]}');
    const gzipServer = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipped);
    });
    await new Promise<void>((resolve) => gzipServer.listen(0, '127.0.0.1', resolve));
    try {
      const [owner] = emulator.users;
      const clientOf = (endpoint: string): InstanceType<typeof api.KooDriveClient> =>
        new api.KooDriveClient({ endpoint: () => endpoint, userId: () => owner.userId, getToken: () => Promise.resolve(owner.token), language: () => 'en-US', timeoutMs: () => 5_000 });
      const { albums } = await clientOf(emulator.url).listAlbums({ albumKind: 1, albumType: 2 });
      assert.ok(albums.length > 0);
      const gzip = await clientOf(`http://127.0.0.1:${(gzipServer.address() as AddressInfo).port}`).listAlbums({ albumKind: 1, albumType: 2 });
      assert.deepEqual(gzip.albums, [{ id: '1765148492881313793' }]);
    } finally {
      gzipServer.closeAllConnections();
      gzipServer.close();
      await emulator.close();
    }
  });
});
