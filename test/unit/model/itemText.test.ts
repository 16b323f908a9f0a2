import * as assert from 'node:assert/strict';
import type { FileDetails } from '../../../src/api/types';
import { fileKind, humanSize, itemDescription, itemName, itemSentence, itemTooltip, kindIcon, localDate } from '../../../src/model/itemText';
import { formatEnglish as t } from '../../../src/model/localize';

const TOMATOES: FileDetails = { id: 'F1', fileName: 'Tomatoes.jpg', fileType: '15', mimeType: 'image/jpeg', size: 2516582, createdTime: '2024-05-03T08:00:00.000Z', editedTime: '2024-05-04T08:00:00.000Z' };

describe('album items with their file details', () => {
  it('writes sizes the way people read them', () => {
    assert.equal(humanSize(2516582, 'en'), '2.4 MB');
    assert.equal(humanSize(512, 'en'), '512 B');
    assert.equal(humanSize(18_874, 'en'), '18 KB');
    assert.equal(humanSize('1073741824', 'en'), '1.0 GB');
    assert.equal(humanSize(undefined, 'en'), undefined);
    assert.equal(humanSize('large', 'en'), undefined);
    assert.equal(humanSize(2516582, 'de'), '2,4 MB');
  });

  it('writes dates in the user’s locale', () => {
    const may3 = Date.parse('2024-05-03T08:00:00Z');
    assert.equal(localDate(may3, 'en-GB'), '3 May 2024');
    assert.equal(localDate(may3, 'en'), 'May 3, 2024');
    assert.equal(localDate(may3, 'zh-cn'), '2024年5月3日');
    assert.equal(localDate(may3, 'not a locale!'), 'May 3, 2024');
  });

  it('knows the kind of a file by fileType, else by MIME type, with a codicon for each', () => {
    assert.equal(fileKind({ fileType: '15' }), 'image');
    assert.equal(fileKind({ fileType: '20' }), 'video');
    assert.equal(fileKind({ fileType: '30' }), 'audio');
    assert.equal(fileKind({ fileType: '27' }), 'document');
    assert.equal(fileKind({ fileType: '35' }), 'archive');
    assert.equal(fileKind({ fileType: '10' }), 'folder');
    assert.equal(fileKind({ mimeType: 'video/mp4' }), 'video');
    assert.equal(fileKind({ fileType: '45', mimeType: 'application/zip' }), 'archive');
    assert.equal(fileKind(undefined), 'other');
    assert.deepEqual(['image', 'video', 'audio', 'document', 'archive', 'folder', 'other'].map((kind) => kindIcon(kind as never)), ['file-media', 'device-camera-video', 'unmute', 'file-text', 'file-zip', 'folder', 'file']);
  });

  it('names a row by the file, else by the listing, else by the id, always inert', () => {
    assert.equal(itemName({ id: 'F1' }, TOMATOES), 'Tomatoes.jpg');
    assert.equal(itemName({ id: 'F1', fileName: 'from-list.jpg' }, undefined), 'from-list.jpg');
    assert.equal(itemName({ id: 'F1' }, undefined), 'F1');
    assert.equal(itemName({ id: 'F1' }, { id: 'F1', fileName: '[x](command:y).jpg' }), '[x] (command:y).jpg');
  });

  it('describes a row with size and the date taken, else created', () => {
    assert.equal(itemDescription({ id: 'F1', takeTime: '2024-05-03T08:00:00Z' }, TOMATOES, t, 'en-GB'), '2.4 MB · taken 3 May 2024');
    assert.equal(itemDescription({ id: 'F1' }, TOMATOES, t, 'en-GB'), '2.4 MB · created 3 May 2024');
    assert.equal(itemDescription({ id: 'F1' }, undefined, t, 'en-GB'), '');
  });

  it('reads a row as a sentence for screen readers', () => {
    assert.equal(itemSentence({ id: 'F1', takeTime: '2024-05-03T08:00:00Z' }, TOMATOES, t, 'en-GB'), 'photo Tomatoes.jpg, 2.4 MB, taken 3 May 2024');
    assert.equal(itemSentence({ id: 'F1' }, undefined, t, 'en-GB'), 'item F1');
  });

  it('builds a tooltip with every fact, the thumbnail and the folder, escaping server text', () => {
    const tooltip = itemTooltip({ id: 'F1', takeTime: '2024-05-03T08:00:00Z' }, { ...TOMATOES, fileName: '*bold* [x](command:y)' }, { path: '/Photos/Garden', thumbnail: 'data:image/png;base64,AAAA' }, t, 'en-GB');
    assert.match(tooltip, /^\*\*\\\*bold\\\* \\\[x\\\] \\\(command\\:y\\\)\*\*/);
    assert.match(tooltip, /!\[.*\]\(data:image\/png;base64,AAAA\)/);
    assert.match(tooltip, /Size: 2\\\.4 MB/);
    assert.match(tooltip, /Taken: 3 May 2024/);
    assert.match(tooltip, /Folder: \/Photos\/Garden/);
    assert.doesNotMatch(tooltip, /\[x\]\(command/);
  });

  it('says in the tooltip why details are missing', () => {
    assert.match(itemTooltip({ id: 'F1' }, undefined, { problem: 'KooDrive did not answer in time' }, t, 'en'), /Details could not be loaded\\: KooDrive did not answer in time/);
  });
});
