import * as assert from 'node:assert/strict';
import { formatEnglish as t } from '../../../src/model/localize';
import { albumDescription, albumLabel, contentDescription, contentLabel, fieldsMarkdown, folderDescription, formatTime, isManual } from '../../../src/model/present';

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
    assert.equal(contentLabel({ id: 'Fg7c', fileName: 'IMG_0001.jpg' }), 'IMG_0001.jpg');
    assert.equal(contentLabel({ id: 'Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW' }), 'Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW');
    assert.equal(contentDescription({ id: 'x', takeTime: '2025-09-01T02:34:57.815Z' }), '2025-09-01 02:34');
    assert.equal(contentDescription({ id: 'x' }), '');
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
    assert.match(markdown, /\\\[click\\\]\\\(command:evil\\\) \\\*bold\\\* \\\| pipe/);
  });
});
