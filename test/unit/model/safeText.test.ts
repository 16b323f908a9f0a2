import * as assert from 'node:assert/strict';
import { escapeMarkdown, safeText } from '../../../src/model/safeText';

/** The pattern VS Code's notifications and dialogs turn into a clickable link. */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
/** The pattern quick picks, tree descriptions and the status bar turn into an icon. */
const ICON = /\$\([A-Za-z0-9-]+(~[A-Za-z-]+)?\)/;

describe('safeText: untrusted text made inert (D18)', () => {
  it('keeps ordinary names exactly as they are', () => {
    for (const name of ['Cat photos', '西湖 2025', 'Family Photos 家庭相册', 'a [note] (2)', 'cost $5', 'x](y']) {
      assert.equal(safeText(name), name === 'x](y' ? 'x] (y' : name);
    }
  });

  it('turns a Markdown command link into plain text', () => {
    for (const hostile of ['[Confirm deletion](command:workbench.action.quickOpen)', '[x](https://evil.example)', '[x]  (command:a)', '[x](FILE:///etc/passwd)']) {
      const safe = safeText(hostile);
      assert.doesNotMatch(safe, LINK, hostile);
      assert.match(safe, /\[.+\]/, 'the text stays readable');
    }
  });

  it('turns codicon syntax into plain text', () => {
    for (const hostile of ['$(zap) free money', '$(sync~spin)', 'a$( x )']) {
      assert.doesNotMatch(safeText(hostile), ICON, hostile);
    }
  });

  it('makes one line: no newline, control or bidi character survives', () => {
    const safe = safeText('ok\n[warn] forged line\r\u0000\u001b[31m\u2028\u202eevil\u2066');
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(safe, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.match(safe, /^ok \[warn\] forged line/);
  });

  it('shows non-strings as data and cuts long text with an ellipsis', () => {
    assert.equal(safeText(42), '42');
    assert.equal(safeText(null), '');
    assert.equal(safeText({ a: '[x](command:y)' }), '{"a":"[x] (command:y)"}');
    assert.equal(safeText('长'.repeat(300), 10), `${'长'.repeat(9)}…`);
    assert.equal([...safeText('x'.repeat(1000))].length, 200);
  });

  it('replaces lone surrogate halves instead of passing them on', () => {
    assert.equal(safeText('a\ud800b'), 'a\ufffdb');
    assert.equal(safeText('😀'), '😀');
  });

  it('escapes Markdown for tooltips after making the text one line', () => {
    assert.equal(escapeMarkdown('[click](command:evil) *b*\n#h'), '\\[click\\] \\(command\\:evil\\) \\*b\\* \\#h');
  });
});
