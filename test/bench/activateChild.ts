/**
 * Child process of the activation benchmark: `node activateChild.js <module> <activate|require> [preload]`.
 * Requires `<module>` (the production bundle, or an empty file for the floor) and, with
 * `activate`, awaits its `activate()` with a minimal ExtensionContext. The `vscode` module is
 * the bench's stub, found through NODE_PATH. With `preload`, first loads the Node modules that
 * VS Code's extension host has loaded before any extension starts (its proxy resolver patches
 * http, https, net and tls). Prints `{"requireMs":…,"activateMs":…}`.
 */
import { createRequire } from 'node:module';

interface Extension {
  activate?: (context: unknown) => Promise<unknown>;
}

const noop = (): void => undefined;
const disposable = { dispose: noop };

async function main(): Promise<void> {
  const [modulePath, mode, preload] = process.argv.slice(2);
  const load = createRequire(__filename);
  if (preload === 'preload') {
    for (const name of ['http', 'https', 'net', 'tls', 'stream', 'url', 'crypto']) {
      load(`node:${name}`);
    }
  }
  const start = process.hrtime.bigint();
  const extension = load(modulePath) as Extension;
  const required = process.hrtime.bigint();
  if (mode === 'activate') {
    const context = {
      subscriptions: [] as unknown[],
      secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: () => disposable },
      workspaceState: { get: () => undefined, update: () => Promise.resolve(), keys: () => [] },
      globalState: { get: () => undefined, update: () => Promise.resolve(), keys: () => [], setKeysForSync: noop },
      extension: { packageJSON: { version: '0.0.0-bench' } },
      extensionMode: 1,
    };
    await extension.activate?.(context);
  }
  const activated = process.hrtime.bigint();
  process.stdout.write(`${JSON.stringify({ requireMs: Number(required - start) / 1e6, activateMs: Number(activated - required) / 1e6 })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
