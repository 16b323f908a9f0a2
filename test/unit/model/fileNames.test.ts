import * as assert from 'node:assert/strict';
import { extensionForMime, numbered, safeFileName, uniqueNames } from '../../../src/model/fileNames';

const bytes = (text: string): number => Buffer.byteLength(text);
const photo = { id: 'Fk-iQUW1a2', mimeType: 'image/jpeg' };

describe('file names on disk (D22)', () => {
  describe('safeFileName', () => {
    const cases: [string, string | undefined, string][] = [
      ['a plain name', 'Tomatoes.jpg', 'Tomatoes.jpg'],
      ['Chinese', '西湖断桥残雪.jpg', '西湖断桥残雪.jpg'],
      ['path separators', 'a/b\\c.jpg', 'a_b_c.jpg'],
      ['a path climbing out', '../../etc/passwd', '.._.._etc_passwd'],
      ["Windows' forbidden characters", '<>:"|?*.txt', '_______.txt'],
      ['a newline and a tab', 'line\nbreak\t.txt', 'line_break_.txt'],
      ['C1 controls and DEL', 'a\u0085b\u007fc\u009f.txt', 'a_b_c_.txt'],
      ['a right-to-left override hiding .exe', 'photo\u202egpj.exe', 'photo_gpj.exe'],
      ['isolates and line separators', '\u2066x\u2069\u2028y\u2029.jpg', '_x__y_.jpg'],
      ['a lone surrogate half', 'bad\ud800name.jpg', 'bad_name.jpg'],
      ['white space around', '  spaced name.jpg \u3000', 'spaced name.jpg'],
      ['a newline after the extension', 'photo.jpg\r\n', 'photo.jpg'],
      ['trailing dots', 'ends with dots...', 'ends with dots'],
      ['trailing dots and spaces', 'ends. . .', 'ends'],
      ['a dotfile', '.profile', '.profile'],
      ['CON', 'CON', 'CON_'],
      ['con.txt', 'con.txt', 'con_.txt'],
      ['Nul', 'Nul', 'Nul_'],
      ['aux with two extensions', 'aux.tar.gz', 'aux_.tar.gz'],
      ['COM1', 'COM1.jpg', 'COM1_.jpg'],
      ['lpt9', 'lpt9', 'lpt9_'],
      ['COM¹', 'COM¹.png', 'COM¹_.png'],
      ['LPT³', 'lpt³', 'lpt³_'],
      ['a device name before spaces', 'PRN .txt', 'PRN_ .txt'],
      ['COM10 is no device', 'COM10.jpg', 'COM10.jpg'],
      ['COM0 is no device', 'COM0', 'COM0'],
      ['CONSOLE is no device', 'CONSOLE.txt', 'CONSOLE.txt'],
      ['a device name inside a word', 'con-log.txt', 'con-log.txt'],
      ['no name', undefined, 'Fk-iQUW1a2.jpg'],
      ['an empty name', '', 'Fk-iQUW1a2.jpg'],
      ['only white space', ' \t ', 'Fk-iQUW1a2.jpg'],
      ['.', '.', 'Fk-iQUW1a2.jpg'],
      ['..', '..', 'Fk-iQUW1a2.jpg'],
      ['dots and spaces only', '. . ...', 'Fk-iQUW1a2.jpg'],
    ];
    for (const [what, name, expected] of cases) {
      it(`${what}: ${JSON.stringify(name)} → ${JSON.stringify(expected)}`, () => {
        assert.equal(safeFileName(name, photo), expected);
      });
    }

    it('names a nameless file by its id made safe and the extension of its MIME type', () => {
      assert.equal(safeFileName(undefined, { id: 'F1', mimeType: 'Video/MP4; codecs="avc1"' }), 'F1.mp4');
      assert.equal(safeFileName('', { id: 'F1', mimeType: 'application/x-unknown' }), 'F1');
      assert.equal(safeFileName('', { id: 'F1' }), 'F1');
      assert.equal(safeFileName('', { id: 'F/../x', mimeType: 'image/png' }), 'F_.._x.png');
      assert.equal(safeFileName('', { id: 'CON', mimeType: 'text/plain' }), 'CON_.txt');
      assert.equal(safeFileName('..', { id: '', mimeType: 'image/jpeg' }), 'file.jpg');
      assert.equal(safeFileName(undefined, { id: '..' }), 'file');
    });

    it('cuts a name over 255 UTF-8 bytes in its stem, at a code-point boundary, keeping the extension', () => {
      const long = safeFileName(`${'é'.repeat(200)}.jpg`, photo);
      assert.equal(long, `${'é'.repeat(125)}.jpg`);
      assert.equal(bytes(long), 254);
      assert.equal(safeFileName('😀'.repeat(100), photo), '😀'.repeat(63), 'never half an emoji');
      assert.equal(safeFileName(`${'a'.repeat(254)} b`, photo), 'a'.repeat(254), 'no trailing space after the cut');
      assert.equal(safeFileName(`${'長'.repeat(100)}.${'x'.repeat(40)}`, photo).length, 85, 'an "extension" of 40 characters is no extension');
      assert.equal(safeFileName('x'.repeat(255), photo), 'x'.repeat(255));
    });

    it('never lets a name leave the folder, be . or .., or pass 255 bytes, whatever the server sends', () => {
      const alphabet = ['/', '\\', '.', '..', ' ', 'a', 'é', '長', '😀', '\u0000', '\n', '\u202e', 'con', 'COM1', ':', '\ud800', '\t', '\u3000'];
      let seed = 42;
      const random = (n: number): number => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed % n;
      };
      for (let i = 0; i < 2000; i++) {
        const name = Array.from({ length: random(120) }, () => alphabet[random(alphabet.length)]).join('');
        const safe = safeFileName(name, photo);
        assert.ok(safe !== '' && safe !== '.' && safe !== '..', JSON.stringify(name));
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(safe, /[/\\<>:"|?*\u0000-\u001f]/, JSON.stringify(name));
        assert.ok(bytes(safe) <= 255, JSON.stringify(name));
        assert.equal(safe, safe.trim());
        assert.doesNotMatch(safe, /^(con|com1)(\.|$)/i, JSON.stringify(name));
      }
    });
  });

  describe('extensionForMime', () => {
    for (const [mime, extension] of [
      ['image/jpeg', 'jpg'],
      ['IMAGE/PNG; q=1', 'png'],
      ['image/heic', 'heic'],
      ['video/quicktime', 'mov'],
      ['audio/mpeg', 'mp3'],
      ['audio/mp4', 'm4a'],
      ['application/pdf', 'pdf'],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
      ['application/zip', 'zip'],
      ['application/octet-stream', undefined],
      ['constructor', undefined],
      ['', undefined],
    ] as const) {
      it(`${JSON.stringify(mime)} → ${String(extension)}`, () => {
        assert.equal(extensionForMime(mime), extension);
      });
    }
  });

  describe('numbered', () => {
    for (const [name, n, expected] of [
      ['photo.jpg', 2, 'photo (2).jpg'],
      ['archive.tar.gz', 3, 'archive.tar (3).gz'],
      ['.profile', 2, '.profile (2)'],
      ['.profile.bak', 2, '.profile (2).bak'],
      ['README', 10, 'README (10)'],
      ['Report v1.2 final', 2, 'Report v1.2 final (2)'],
    ] as const) {
      it(`${name}, ${n} → ${expected}`, () => {
        assert.equal(numbered(name, n), expected);
      });
    }

    it('stays within 255 bytes, cutting the stem', () => {
      const name = numbered(`${'é'.repeat(125)}.jpg`, 12);
      assert.ok(bytes(name) <= 255, `${bytes(name)} bytes`);
      assert.ok(name.endsWith('é (12).jpg'));
    });
  });

  describe('uniqueNames', () => {
    for (const [what, names, expected] of [
      ['distinct names stay', ['a.jpg', 'b.jpg'], ['a.jpg', 'b.jpg']],
      ['duplicates are numbered in order', ['a.jpg', 'a.jpg', 'a.jpg'], ['a.jpg', 'a (2).jpg', 'a (3).jpg']],
      ['case is ignored, as Windows and macOS do', ['Photo.JPG', 'photo.jpg'], ['Photo.JPG', 'photo (2).jpg']],
      ['composed and decomposed accents are one name', ['Caf\u00e9.jpg', 'Cafe\u0301.jpg'], ['Caf\u00e9.jpg', 'Cafe\u0301 (2).jpg']],
      ['a number never takes another item’s own name', ['a.jpg', 'a.jpg', 'a (2).jpg'], ['a.jpg', 'a (3).jpg', 'a (2).jpg']],
      ['nor one given before', ['a (2).jpg', 'a.jpg', 'a.jpg', 'A.JPG'], ['a (2).jpg', 'a.jpg', 'a (3).jpg', 'A (4).JPG']],
      ['nothing', [], []],
    ] as const) {
      it(what, () => {
        assert.deepEqual(uniqueNames(names), expected);
      });
    }
  });
});
