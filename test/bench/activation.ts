/**
 * require + activate() of the production bundle, in fresh child processes, against a minimal
 * stub `vscode` module that only the bench's children see (a temp node_modules on NODE_PATH;
 * no Module._load patching). The floor is requiring an empty module.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The stub: real shapes where the extension reads values at load or activation (l10n.t, settings,
 * EventEmitter, ExtensionMode), and for everything else an inert object that can be called,
 * constructed and read from without end.
 */
const STUB = `'use strict';
const stores = new WeakMap();
const handler = {
  get(target, prop) {
    const store = stores.get(target);
    if (prop in store) return store[prop];
    if (prop === 'then') return undefined;
    if (prop === Symbol.toPrimitive) return () => '';
    if (prop === Symbol.iterator) return function* () {};
    if (prop === 'prototype') return target.prototype;
    return anything();
  },
  set(target, prop, value) { stores.get(target)[prop] = value; return true; },
  apply() { return anything(); },
  construct() { return anything(); },
};
function anything() { const target = function () {}; stores.set(target, {}); return new Proxy(target, handler); }
const disposable = { dispose() {} };
class EventEmitter {
  constructor() { this.listeners = []; this.event = (listener) => { this.listeners.push(listener); return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } }; }; }
  fire(value) { for (const listener of this.listeners) listener(value); }
  dispose() { this.listeners = []; }
}
class Disposable { constructor(callOnDispose) { this.callOnDispose = callOnDispose; } static from(...items) { return new Disposable(() => items.forEach((item) => item.dispose())); } dispose() { if (this.callOnDispose) this.callOnDispose(); } }
const configuration = { get: (key, fallback) => fallback, inspect: () => undefined, has: () => false, update: () => Promise.resolve() };
const known = {
  EventEmitter,
  Disposable,
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  l10n: { t: (message, ...args) => (typeof message === 'string' ? message : String(message && message.message)), bundle: undefined, uri: undefined },
  env: { language: 'en', appName: 'Bench', uiKind: 1 },
  workspace: new Proxy({ getConfiguration: () => configuration, onDidChangeConfiguration: () => disposable }, { get: (t, p) => (p in t ? t[p] : anything()) }),
  commands: new Proxy({ registerCommand: () => disposable, executeCommand: () => Promise.resolve(undefined) }, { get: (t, p) => (p in t ? t[p] : anything()) }),
  authentication: new Proxy({ getSession: () => Promise.resolve(undefined), registerAuthenticationProvider: () => disposable }, { get: (t, p) => (p in t ? t[p] : anything()) }),
};
// A bundle copies the module's own properties when it loads it, so every name must be one.
for (const name of ['window', 'languages', 'extensions', 'authentication', 'debug', 'tasks', 'scm', 'tests', 'notebooks', 'chat', 'lm',
  'Uri', 'TreeItem', 'TreeItemCollapsibleState', 'ThemeIcon', 'ThemeColor', 'MarkdownString', 'StatusBarAlignment', 'ConfigurationTarget',
  'ProgressLocation', 'CancellationTokenSource', 'CancellationError', 'Range', 'Position', 'Selection', 'ViewColumn', 'QuickPickItemKind',
  'TreeItemCheckboxState', 'FileType', 'RelativePattern', 'DataTransfer', 'DataTransferItem', 'TextEdit', 'WorkspaceEdit', 'LogLevel',
  'FileSystemError', 'FilePermission', 'TabInputCustom', 'TabInputText']) {
  if (!(name in known)) known[name] = anything();
}
module.exports = known;
`;

/** Writes the stub and an empty module under `dir`; returns NODE_PATH and the empty module's path. */
export function prepareStub(dir: string): { nodePath: string; empty: string } {
  const nodeModules = path.join(dir, 'node_modules');
  mkdirSync(path.join(nodeModules, 'vscode'), { recursive: true });
  writeFileSync(path.join(nodeModules, 'vscode', 'index.js'), STUB);
  const empty = path.join(dir, 'empty.js');
  writeFileSync(empty, '');
  return { nodePath: nodeModules, empty };
}

/**
 * One child: require `modulePath` (and activate it) with the stub on NODE_PATH; with `preload`,
 * after loading what VS Code's extension host has loaded already (see activateChild.ts).
 */
export async function measureChild(nodePath: string, modulePath: string, activate: boolean, preload: boolean): Promise<{ requireMs: number; activateMs: number }> {
  const child = path.join(__dirname, 'activateChild.js');
  const { stdout } = await run(process.execPath, [child, modulePath, activate ? 'activate' : 'require', preload ? 'preload' : 'cold'], { env: { ...process.env, NODE_PATH: nodePath } });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { requireMs: number; activateMs: number };
}
