import * as assert from 'node:assert/strict';
import type { FileDetails } from '../../../src/api/types';
import { downloadLink, previewExtension, thumbnailDataUri, withExtension } from '../../../src/services/itemFiles';

const photo: FileDetails = {
  id: 'F1', fileName: 'Tomatoes.jpg', mimeType: 'image/jpeg',
  downloadLinks: [{ usage: 'content', downloadLink: 'https://drive.example/c/F1' }, { usage: 'thumbnail', downloadLink: 'https://cdn.example/t/F1?sig=x' }],
};

describe('album item files (D15)', () => {
  it('finds the content and thumbnail links', () => {
    assert.equal(downloadLink(photo, 'content'), 'https://drive.example/c/F1');
    assert.equal(downloadLink(photo, 'thumbnail'), 'https://cdn.example/t/F1?sig=x');
    assert.equal(downloadLink({ id: 'F2', downloadLinks: [null, { usage: 'other' }] as never }, 'content'), undefined);
    assert.equal(downloadLink({ id: 'F3' }, 'thumbnail'), undefined);
  });

  it('previews what VS Code’s media preview shows, by MIME type or name', () => {
    assert.equal(previewExtension(photo), 'jpg');
    assert.equal(previewExtension({ id: 'F', fileName: 'scan.PNG' }), 'png');
    assert.equal(previewExtension({ id: 'F', fileName: 'IMG_1.HEIC', mimeType: 'image/heic' }), undefined);
    assert.equal(previewExtension({ id: 'F', fileName: 'Trip plan.docx' }), undefined);
    assert.equal(previewExtension({ id: 'F', fileName: 'Boat ride.mp4', mimeType: 'video/mp4' }), 'mp4', 'the media preview plays mp4');
    assert.equal(previewExtension({ id: 'F', fileName: 'Birthday.m4a', mimeType: 'audio/mp4' }), undefined);
    assert.equal(withExtension('Tomatoes', 'jpg'), 'Tomatoes.jpg');
    assert.equal(withExtension('Tomatoes.JPG', 'jpg'), 'Tomatoes.JPG');
  });

  it('makes a raster thumbnail a data URI, and refuses anything else', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const asked: string[] = [];
    const uri = await thumbnailDataUri((link, options) => { asked.push(`${options.usage} ${link}`); return Promise.resolve({ bytes: png, contentType: 'image/png' }); }, photo, new AbortController().signal);
    assert.equal(uri, `data:image/png;base64,${png.toString('base64')}`);
    assert.deepEqual(asked, ['thumbnail https://cdn.example/t/F1?sig=x']);
    const svg = await thumbnailDataUri(() => Promise.resolve({ bytes: Buffer.from('<svg/>'), contentType: 'image/svg+xml' }), photo, new AbortController().signal);
    assert.equal(svg, undefined);
    assert.equal(await thumbnailDataUri(() => Promise.reject(new Error('never asked')), { id: 'F9' }, new AbortController().signal), undefined);
  });
});
