// Bundles the extension into one file. `--production` minifies; `--watch` rebuilds on change.
// The options come from buildOptions(), which the bundle-size unit test builds with too.
import * as esbuild from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Modules node-fetch 2 requires at load but does not need then, replaced by a few bytes each:
 * - `whatwg-url` (with tr46's 265 KB mapping table) is only its fallback for runtimes without a
 *   global URL, which every VS Code has;
 * - `encoding` is only for `textConverted()`, which the client never calls; without the shim the
 *   bundle would look it up on disk at every start;
 * - `zlib` is only for compressed answers: it is loaded on the first one, not at activation.
 */
const shims = {
  'whatwg-url': 'module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };',
  encoding: 'module.exports = {};',
  zlib: "let zlib; module.exports = new Proxy({}, { get: (_target, name) => (zlib ??= require('node:zlib'))[name] });",
};

/** @type {esbuild.Plugin} */
const shimPlugin = {
  name: 'runtime-shims',
  setup(build) {
    // Only node-fetch's own imports: our code gets the real modules.
    build.onResolve({ filter: /^(whatwg-url|encoding|zlib)$/ }, (args) =>
      /[\\/]node_modules[\\/]node-fetch[\\/]/.test(args.importer) ? { path: args.path, namespace: 'shim' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({ contents: shims[args.path], loader: 'js' }));
  },
};

/**
 * `import * as vscode from 'vscode'` in each of our modules would make the bundle copy every
 * property of the vscode API object (hundreds) once per importing module at load; routed through
 * one ES module that re-exports it, the copy is made once.
 * @type {esbuild.Plugin}
 */
const vscodeOncePlugin = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * The command handlers are a bundle of their own, dist/commands.js, loaded on the first command
 * (src/commands/lazy.ts): in the extension's bundle, lazy.ts's `import('./handlers.js')` stays a
 * run-time load of that file.
 * @type {esbuild.Plugin}
 */
const lazyHandlersPlugin = {
  name: 'lazy-handlers',
  setup(build) {
    build.onResolve({ filter: /^\.\/handlers\.js$/ }, (args) => (args.importer.endsWith('lazy.ts') ? { path: './commands.js', external: true } : undefined));
  },
};

/**
 * node-fetch is a bundle of its own, dist/fetch.js, loaded with the first request
 * (src/api/nodeFetch.ts): activation neither reads nor compiles its 19 KB.
 * @type {esbuild.Plugin}
 */
const lazyFetchPlugin = {
  name: 'lazy-fetch',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, (args) => (/[\\/]src[\\/]api[\\/]nodeFetch\.ts$/.test(args.importer) ? { path: './fetch.js', external: true } : undefined));
  },
};

/**
 * The esbuild options of the extension bundle (dist/extension.js: what activation loads).
 * @param {{ production?: boolean, outfile?: string }} settings
 * @returns {esbuild.BuildOptions}
 */
export function buildOptions({ production = false, outfile = 'dist/extension.js' } = {}) {
  return {
    absWorkingDir: root,
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile,
    external: ['vscode'],
    plugins: [shimPlugin, vscodeOncePlugin, lazyHandlersPlugin, lazyFetchPlugin],
    // import() becomes require(): the extension host's module loader (which answers
    // require('vscode')) must load the handlers, not Node's ESM loader.
    supported: { 'dynamic-import': false },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
  };
}

/**
 * The esbuild options of the command handlers' bundle (dist/commands.js, loaded on first use),
 * built like the extension's.
 * @param {{ production?: boolean, outfile?: string }} settings
 * @returns {esbuild.BuildOptions}
 */
export function commandsBuildOptions({ production = false, outfile = 'dist/commands.js' } = {}) {
  return { ...buildOptions({ production, outfile }), entryPoints: ['src/commands/handlers.ts'] };
}

/**
 * The esbuild options of node-fetch's bundle (dist/fetch.js, loaded with the first request),
 * with the same shims as before it had a file of its own.
 * @param {{ production?: boolean, outfile?: string }} settings
 * @returns {esbuild.BuildOptions}
 */
export function fetchBuildOptions({ production = false, outfile = 'dist/fetch.js' } = {}) {
  return { ...buildOptions({ production, outfile }), entryPoints: ['node_modules/node-fetch/lib/index.js'], plugins: [shimPlugin] };
}

// Build only when run as a script, not when imported (by the bundle test).
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const production = process.argv.includes('--production');
  const all = [buildOptions({ production }), commandsBuildOptions({ production }), fetchBuildOptions({ production })];
  if (process.argv.includes('--watch')) {
    for (const options of all) {
      const context = await esbuild.context(options);
      await context.watch();
    }
    console.log('[esbuild] watching for changes');
  } else {
    await Promise.all(all.map((options) => esbuild.build(options)));
  }
}
