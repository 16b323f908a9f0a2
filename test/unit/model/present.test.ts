import * as assert from 'node:assert/strict';
import { formatEnglish as t } from '../../../src/model/localize';
import { folderOwnerId, ownsFolder } from '../../../src/model/ownership';
import { itemDescription, itemName } from '../../../src/model/itemText';
import { albumDescription, albumLabel, fieldsMarkdown, folderDescription, folderLabel, formatTime, isManual, memberDescription, memberLabel } from '../../../src/model/present';

describe('presentation of API objects', () => {
  it('labels albums by name, and nameless collection albums readably', () => {
    assert.equal(albumLabel({ id: '1805929618625036417', name: 'Cat photos', albumType: 2, albumKind: 1 }, t), 'Cat photos');
    assert.equal(albumLabel({ id: '1805929618625036417', albumType: 1, albumKind: 1, scopeDir: ['a', 'b'] }, t), 'Collection album from 2 folder(s) (…036417)');
    assert.equal(albumLabel({ id: '42', albumType: 1, name: '  ' }, t), 'Untitled album (…42)');
  });

  it('describes type and kind, and only manual albums are manual', () => {
    assert.equal(albumDescription({ id: '1', albumType: 2, albumKind: 2 }, t, 'Family Photos'), 'Manual · Family · Family Photos');
    assert.equal(isManual({ albumType: 2 }), true);
    assert.equal(isManual({ albumType: 1 }), false);
    assert.equal(isManual({ albumType: '2' as unknown as 2 }), true);
  });

  it('labels album items by the best name available, else the id', () => {
    assert.equal(itemName({ id: 'Fg7c', fileName: 'IMG_0001.jpg' }, undefined), 'IMG_0001.jpg');
    assert.equal(itemName({ id: 'Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW' }, undefined), 'Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW');
    assert.equal(itemDescription({ id: 'x', takeTime: '2025-09-01T02:34:57.815Z' }, undefined, t, 'en-GB'), 'taken 1 Sept 2025');
    assert.equal(itemDescription({ id: 'x' }, undefined, t, 'en-GB'), '');
  });

  it('reads the time formats the API mixes (§7.22)', () => {
    assert.equal(formatTime('Tue Sep 02 02:25:46 UTC 2025'), '2025-09-02 02:25');
    assert.equal(formatTime('1756780000000'), '2025-09-02 02:26');
    assert.equal(formatTime('not a date'), 'not a date');
  });

  it('describes a folder with owner, creation time and member limit', () => {
    assert.equal(folderDescription({ id: '1', ownerId: '1700618280076834305', createTime: '2025-09-01T02:34:57.815Z', maxMember: 10 }, false, t), 'owner: 170…305 · 2025-09-01 02:34 · up to 10 members');
    assert.match(folderDescription({ id: '1' }, true, t), /^owner: you/);
  });

  it('escapes API text in tooltips so it cannot inject Markdown or links', () => {
    const markdown = fieldsMarkdown('x', { name: '[click](command:evil) *bold* | pipe' });
    assert.ok(markdown.includes('| name | \\[click\\] \\(command\\:evil\\) \\*bold\\* \\| pipe |'), markdown);
  });

  it('masks people and phone numbers in tooltips, and shows people by nickname else masked id', () => {
    const markdown = fieldsMarkdown('Family Photos', { ownerId: '1700618280076834305', creator: 1700618280, mobile: '0027821234567', name: 'Family Photos' });
    assert.doesNotMatch(markdown, /1700618280076834305|1700618280 |0027821234567/);
    assert.match(markdown, /170…305/);
    assert.match(markdown, /0027\\\*\\\*\\\*\\\*567/);
    assert.equal(memberLabel({ userId: '1700618280076834305', userName: '王芳' }), '王芳');
    assert.equal(memberLabel({ userId: '1700618280076834305' }), '170…305');
    assert.equal(memberDescription({ userId: '1', mobile: '0027821234567' }, true, t), 'owner · 0027****567');
  });

  it('shows at most 30 fields in a tooltip, however many the server sends, and says how many more', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`field${index}`, 'v'.repeat(10_000)]));
    const markdown = fieldsMarkdown('x', many);
    assert.equal(markdown.split('\n').filter((line) => line.startsWith('| field')).length, 30);
    assert.match(markdown, /\| … \| \+470 \|$/);
    assert.ok(markdown.length < 30 * 500, `${markdown.length} characters`);
  });

  it('renders rows whose fields are missing, null or of another type (one bad row never breaks a listing)', () => {
    const odd = { id: '1805929618625036417', name: null, takeTime: 1756780000000, createTime: 1756780000, userName: 12345, maxMember: null } as unknown as Record<string, unknown>;
    assert.equal(albumLabel(odd as never, t), 'Untitled album (…036417)');
    assert.equal(itemDescription(odd as never, undefined, t, 'en-GB'), 'taken 2 Sept 2025');
    assert.equal(folderDescription(odd as never, true, t), 'owner: you · 2025-09-02 02:26');
    assert.equal(memberLabel(odd as never), '12345');
    assert.equal(itemName({ id: 'F1', fileName: 42 }, undefined), '42');
    assert.equal(formatTime('Sat, 13 Sep 275760 00:00:00 GMT'), 'Sat, 13 Sep 275760 00:00:00 GMT');
  });

  it('makes server names inert wherever they are shown (D18)', () => {
    assert.equal(albumLabel({ id: '1', name: '[OK](command:workbench.action.quickOpen)' }, t), '[OK] (command:workbench.action.quickOpen)');
    assert.equal(folderLabel({ id: '1', name: '$(zap) free\nline' }, t), '$ (zap) free line');
    assert.equal(itemName({ id: 'F\u202eexe.jpg' }, undefined), 'F exe.jpg');
  });
});

describe('folder ownership: one rule', () => {
  const me = '1644817543959100032';
  it('trusts the stated owner over the list the folder came from', () => {
    assert.equal(ownsFolder({ ownerId: me }, me, false), true);
    assert.equal(ownsFolder({ ownerId: '1700618280076834305' }, me, true), false);
    assert.equal(ownsFolder({ ownerId: 42 as unknown as string }, '42', false), true, 'a number is compared by its digits');
  });

  it('falls back to the list when the owner is missing, empty or null, and owns nothing without a user id', () => {
    for (const ownerId of [undefined, '', null]) {
      assert.equal(ownsFolder({ ownerId } as never, me, true), true);
      assert.equal(ownsFolder({ ownerId } as never, me, false), false);
    }
    assert.equal(ownsFolder({ ownerId: me }, undefined, true), false);
    assert.equal(folderOwnerId({}, me, true), me);
    assert.equal(folderOwnerId({}, me, false), undefined);
  });
});
