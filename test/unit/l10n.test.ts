import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Every literal passed to `t(…)` (vscode.l10n.t, or the Localize handed to pure modules). */
function messagesInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(path.join(root, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      found.set(match[1].replace(/\\'/g, "'"), path.relative(root, file));
    }
  }
  return found;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('Simplified Chinese strings in code (l10n/bundle.l10n.zh-cn.json)', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const inCode = messagesInCode();

  it('finds the messages in the code', () => {
    assert.ok(inCode.size > 100, `only ${inCode.size} messages found`);
  });

  it('translates every message the code shows', () => {
    const missing = [...inCode.keys()].filter((message) => !(message in bundle)).map((m) => `${inCode.get(m) ?? ''}: ${m}`);
    assert.deepEqual(missing, []);
  });

  it('keeps no translation the code no longer uses', () => {
    assert.deepEqual(Object.keys(bundle).filter((message) => !inCode.has(message)), []);
  });

  it('keeps every placeholder in each translation', () => {
    for (const [message, translation] of Object.entries(bundle)) {
      assert.deepEqual(placeholders(translation), placeholders(message), message);
    }
  });

  it('never calls the localizer with a template literal, which could not be translated', () => {
    for (const file of sources(path.join(root, 'src'))) {
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\bt\(\s*`/, file);
    }
  });
});
