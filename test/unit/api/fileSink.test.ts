import * as assert from 'node:assert/strict';
import { promises as fsp, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileSink } from '../../../src/api/fileSink';
import { SaveSinkError } from '../../../src/api/saveSink';
import { useFolder } from './saveHelpers';

const PART = /^\..*\.[0-9a-f]{12}\.koodrive-part$/;

describe('api/fileSink: a saved file on disk (D22)', () => {
  const folder = useFolder();
  const read = (name: string): string => readFileSync(path.join(folder.dir, name), 'utf8');

  it('writes to a hidden, clearly named temporary file in the folder, and renames it into place on commit', async () => {
    const sink = fileSink(folder.dir, 'photo.jpg', { overwrite: false });
    await sink.open();
    await sink.write(Buffer.from('JPEG'));
    await sink.write(Buffer.from('!'));
    const [temp] = folder.list();
    assert.match(temp, PART);
    assert.ok(temp.startsWith('.photo.jpg.'));
    assert.deepEqual(folder.list(), [temp], 'nothing under the real name yet');
    await sink.commit();
    assert.deepEqual(folder.list(), ['photo.jpg']);
    assert.equal(read('photo.jpg'), 'JPEG!');
  });

  it('keeps the temporary name within 255 bytes for a name of 254', async () => {
    const name = `${'é'.repeat(125)}.jpg`;
    const sink = fileSink(folder.dir, name, { overwrite: false });
    await sink.open();
    const [temp] = folder.list();
    assert.match(temp, PART);
    assert.ok(Buffer.byteLength(temp) <= 255, `${Buffer.byteLength(temp)} bytes`);
    await sink.commit();
    assert.deepEqual(folder.list(), [name]);
  });

  it('discard deletes the temporary file, at any time, more than once; open again starts afresh', async () => {
    const sink = fileSink(folder.dir, 'a.bin', { overwrite: false });
    await sink.discard();
    await sink.open();
    await sink.write(Buffer.from('first attempt'));
    const [first] = folder.list();
    await sink.open();
    const [second] = folder.list();
    assert.notEqual(second, first, 'a new temporary file; the old one is gone');
    await sink.write(Buffer.from('second'));
    await sink.discard();
    await sink.discard();
    assert.deepEqual(folder.list(), []);
  });

  it('without overwrite, never replaces a file that is there at commit: EEXIST, and the other file intact', async () => {
    const sink = fileSink(folder.dir, 'photo.jpg', { overwrite: false });
    await sink.open();
    await sink.write(Buffer.from('ours'));
    writeFileSync(path.join(folder.dir, 'photo.jpg'), 'theirs');
    await assert.rejects(sink.commit(), (error: unknown) => error instanceof SaveSinkError && error.code === 'EEXIST');
    assert.equal(read('photo.jpg'), 'theirs');
    await sink.discard();
    assert.deepEqual(folder.list(), ['photo.jpg']);
  });

  it('with overwrite, replaces the file', async () => {
    writeFileSync(path.join(folder.dir, 'photo.jpg'), 'old');
    const sink = fileSink(folder.dir, 'photo.jpg', { overwrite: true });
    await sink.open();
    await sink.write(Buffer.from('new'));
    await sink.commit();
    assert.deepEqual(folder.list(), ['photo.jpg']);
    assert.equal(read('photo.jpg'), 'new');
  });

  describe('on a file system without hard links (FAT, exFAT)', () => {
    const link = fsp.link;
    beforeEach(() => {
      fsp.link = () => Promise.reject(Object.assign(new Error('operation not permitted'), { code: 'EPERM' }));
    });
    afterEach(() => {
      fsp.link = link;
    });

    it('claims the name exclusively, then moves the file onto its own placeholder', async () => {
      const sink = fileSink(folder.dir, 'photo.jpg', { overwrite: false });
      await sink.open();
      await sink.write(Buffer.from('ours'));
      await sink.commit();
      assert.deepEqual(folder.list(), ['photo.jpg']);
      assert.equal(read('photo.jpg'), 'ours');
    });

    it('still never replaces a file that is there', async () => {
      writeFileSync(path.join(folder.dir, 'photo.jpg'), 'theirs');
      const sink = fileSink(folder.dir, 'photo.jpg', { overwrite: false });
      await sink.open();
      await assert.rejects(sink.commit(), (error: unknown) => error instanceof SaveSinkError && error.code === 'EEXIST');
      assert.equal(read('photo.jpg'), 'theirs');
    });
  });

  it('reports a failure by its system code, never by the path', async () => {
    const missing = path.join(folder.dir, 'no such folder');
    const sink = fileSink(missing, 'a.jpg', { overwrite: false });
    const error = await sink.open().then(
      () => assert.fail('opened a file in a missing folder'),
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof SaveSinkError);
    assert.equal(error.code, 'ENOENT');
    assert.ok(!error.message.includes(folder.dir) && !(error.stack ?? '').includes(folder.dir), error.message);
  });

  it('refuses a name that is not a plain file name', () => {
    for (const name of ['', '.', '..', 'a/b.jpg', '..\\up.jpg', '/etc/passwd']) {
      assert.throws(() => fileSink(folder.dir, name, { overwrite: false }), RangeError, name);
    }
  });
});
