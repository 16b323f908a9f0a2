import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function files(dir: string, extension: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full, extension) : extension.test(entry.name) ? [full] : [];
  });
}

const sources = [...files(path.join(root, 'src'), /\.ts$/), ...files(path.join(root, 'test'), /\.(ts|mjs|md)$/)];

describe('the repository stands alone', () => {
  it('holds, in docs/api.md, a heading for every § the code and tests cite', () => {
    const headings = new Set([...fs.readFileSync(path.join(root, 'docs/api.md'), 'utf8').matchAll(/^#+ (§\d+(?:\.\d+)*) /gm)].map((match) => match[1]));
    const missing = new Set<string>();
    for (const file of sources) {
      for (const [cited] of fs.readFileSync(file, 'utf8').matchAll(/§\d+(?:\.\d+)*/g)) {
        if (!headings.has(cited)) {
          missing.add(`${path.relative(root, file)}: ${cited}`);
        }
      }
    }
    assert.deepEqual([...missing], []);
  });

  it('holds, in docs/decisions.md, every decision the code and tests cite (D1, D14…)', () => {
    const decisions = new Set([...fs.readFileSync(path.join(root, 'docs/decisions.md'), 'utf8').matchAll(/^\| (D\d+) \|/gm)].map((match) => match[1]));
    const missing = new Set<string>();
    for (const file of sources) {
      for (const [cited] of fs.readFileSync(file, 'utf8').matchAll(/\bD\d{1,2}\b/g)) {
        if (!decisions.has(cited)) {
          missing.add(`${path.relative(root, file)}: ${cited}`);
        }
      }
    }
    assert.deepEqual([...missing], []);
  });

  it('names no document outside the repository, no past issue, and no "(README)" in code or tests', () => {
    const outside = /\bshared\/[\w-]+\.(md|txt)\b|koodrive-api\.md|house-style\.md|\bissue \d+\b|\(README\)/i;
    const offenders = sources.filter((file) => file !== __filename.replace(/out[\\/](test[\\/].*)\.js$/, '$1.ts') && outside.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(root, file));
    assert.deepEqual(offenders, []);
  });
});
