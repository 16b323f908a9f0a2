import * as assert from 'node:assert/strict';
import type { FileDetails, GetFileResponse } from '../../../src/api/types';
import { startEmulator, type EmulatorUser, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, member, outcome, outsider, owner } from './helpers';

const { files, users } = SeedIds;

/** getFile for `fileId` of `ownerId`, asked by the owner (who may read family members' files). */
async function details(emulator: RunningEmulator, fileId: string, ownerId: string = users.owner): Promise<FileDetails> {
  const result = await call(emulator, `/files/${fileId}/detail`, { method: 'POST', body: { containerId: `IAAFanxbXNArpAncA${ownerId}` } });
  assert.deepEqual(outcome(result), [200, 0], result.text);
  return (result.json as GetFileResponse).data as FileDetails;
}

function linkOf(file: FileDetails, usage: 'content' | 'thumbnail'): string {
  const link = file.downloadLinks?.find((candidate) => candidate.usage === usage)?.downloadLink;
  assert.ok(link, `${file.fileName} has a ${usage} link`);
  return link;
}

const auth = (user: EmulatorUser): Record<string, string> => ({ Authorization: `Bearer ${user.token}`, 'X-User-Id': user.userId });

async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('emulator: downloads (D15)', () => {
  describe('same origin (default)', () => {
    let emulator: RunningEmulator;
    before(async () => {
      emulator = await startEmulator();
    });
    after(() => emulator.close());
    beforeEach(() => emulator.control.reset());

    it('serves a photo as JPEG and its thumbnail as PNG, with Content-Type and Content-Length, to its owner', async () => {
      const photo = await details(emulator, files.brokenBridge);
      const link = linkOf(photo, 'content');
      assert.equal(emulator.downloadsUrl, undefined);
      assert.ok(link.startsWith(`${emulator.url}/__files/`), 'beside the API, outside its base path and /__emulator/');
      const response = await fetch(link, { headers: auth(owner(emulator)) });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/jpeg');
      const bytes = await bytesOf(response);
      assert.equal(Number(response.headers.get('content-length')), bytes.length);
      assert.equal(bytes.length, photo.size, 'getFile size is the byte length served');
      assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
      const thumbnail = await fetch(linkOf(photo, 'thumbnail'), { headers: { ...auth(owner(emulator)), Authorization: `Bearer+${owner(emulator).token}` } });
      assert.equal(thumbnail.headers.get('content-type'), 'image/png');
      const small = await bytesOf(thumbnail);
      assert.equal(small.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(small.length < bytes.length);
    });

    it("serves a family member's document and audio with their own type and exact size", async () => {
      for (const [fileId, type, magic, at] of [
        [files.tripPlan, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK', 0],
        [files.grandmaAudio, 'audio/mp4', 'ftyp', 4],
      ] as const) {
        const file = await details(emulator, fileId, users.member);
        const response = await fetch(linkOf(file, 'content'), { headers: auth(owner(emulator)) });
        assert.equal(response.headers.get('content-type'), type);
        const bytes = await bytesOf(response);
        assert.equal(bytes.length, file.size);
        assert.equal(bytes.subarray(at, at + magic.length).toString('latin1'), magic);
        assert.ok((await bytesOf(await fetch(linkOf(file, 'content'), { headers: auth(owner(emulator)) }))).equals(bytes), 'deterministic');
      }
    });

    it('streams the long video, over 50 MB, exactly as long as getFile says; HEAD shows the length only', async () => {
      const video = await details(emulator, files.longVideo);
      const head = await fetch(linkOf(video, 'content'), { method: 'HEAD', headers: auth(owner(emulator)) });
      assert.equal(Number(head.headers.get('content-length')), video.size);
      assert.ok(Number(video.size) > 50 * 1024 * 1024);
      const response = await fetch(linkOf(video, 'content'), { headers: auth(owner(emulator)) });
      let received = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        received += chunk.length;
      }
      assert.equal(received, video.size);
    });

    it('needs the Bearer token with a matching X-User-Id (401), and a file the caller may read (403)', async () => {
      const link = linkOf(await details(emulator, files.brokenBridge), 'content');
      const statusOf = async (headers: Record<string, string>) => {
        const response = await fetch(link, { headers });
        const body = (await response.json()) as { code: number; msg: string };
        return [response.status, body.code];
      };
      assert.deepEqual(await statusOf({}), [401, 13000100]);
      assert.deepEqual(await statusOf({ Authorization: `Bearer ${owner(emulator).token}` }), [401, 13000100]);
      assert.deepEqual(await statusOf({ ...auth(owner(emulator)), 'X-User-Id': users.member }), [401, 13000100]);
      assert.deepEqual(await statusOf({ Authorization: 'Bearer nope', 'X-User-Id': users.owner }), [401, 13000100]);
      assert.deepEqual(await statusOf(auth(outsider(emulator))), [403, 13000410]);
      assert.equal((await fetch(link, { headers: auth(member(emulator)) })).status, 200, 'a family member may');
    });

    it('answers 404 for an unknown file, a folder, and the thumbnail of a document; 405 for other methods', async () => {
      const base = `${emulator.url}/__files`;
      const get = (path: string, method = 'GET') => fetch(`${base}${path}`, { method, headers: auth(owner(emulator)) });
      assert.equal((await get('/content/Fnot-a-file')).status, 404);
      assert.equal((await get(`/content/${files.scansFolder}`)).status, 404);
      assert.equal((await get(`/thumbnail/${files.tripPlan}`)).status, 404);
      assert.equal((await get(`/preview/${files.brokenBridge}`)).status, 404);
      const post = await get(`/content/${files.brokenBridge}`, 'POST');
      assert.deepEqual([post.status, post.headers.get('allow')], [405, 'GET, HEAD']);
    });

    it('applies fault rules to downloads by method and path, and logs every download', async () => {
      const link = linkOf(await details(emulator, files.brokenBridge), 'content');
      await emulator.control.clearRequests();
      await emulator.control.addFault({ method: 'GET', pathPattern: '^/__files/content/', fault: { type: 'status', status: 503, headers: { 'Retry-After': '2' } } });
      const failed = await fetch(link, { headers: auth(owner(emulator)) });
      assert.deepEqual([failed.status, failed.headers.get('retry-after')], [503, '2']);
      assert.equal((await fetch(link, { headers: auth(owner(emulator)) })).status, 200);
      await emulator.control.addFault({ pathPattern: '^/__files/', fault: { type: 'drop' } });
      await assert.rejects(fetch(link, { headers: auth(owner(emulator)) }));
      const log = await emulator.control.requests();
      assert.deepEqual(log.map((entry) => [entry.method, entry.path, entry.status]), [
        ['GET', `/__files/content/${files.brokenBridge}`, 503],
        ['GET', `/__files/content/${files.brokenBridge}`, 200],
        ['GET', `/__files/content/${files.brokenBridge}`, 0],
      ]);
      assert.equal(log[1].headers.authorization, 'Bearer <redacted>');
      assert.equal(log[1].origin, undefined);
    });
  });

  describe("separate origin (downloads: 'separate')", () => {
    let emulator: RunningEmulator;
    before(async () => {
      emulator = await startEmulator({ downloads: 'separate' });
    });
    after(() => emulator.close());
    beforeEach(() => emulator.control.reset());

    it('links to a second loopback origin with pre-signed URLs that work bare', async () => {
      const photo = await details(emulator, files.brokenBridge);
      const link = new URL(linkOf(photo, 'content'));
      assert.match(emulator.downloadsUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(emulator.downloadsUrl, emulator.url);
      assert.equal(link.origin, emulator.downloadsUrl);
      assert.match(link.searchParams.get('expires') ?? '', /^\d+$/);
      assert.match(link.searchParams.get('sig') ?? '', /^[0-9a-f]{64}$/);
      const response = await fetch(link);
      assert.equal(response.status, 200);
      assert.equal((await bytesOf(response)).length, photo.size);
      assert.equal((await fetch(linkOf(photo, 'thumbnail'))).headers.get('content-type'), 'image/png');
    });

    it('refuses (403) a request that carries Authorization or X-User-Id, even with a good signature', async () => {
      const link = linkOf(await details(emulator, files.brokenBridge), 'content');
      for (const headers of [auth(owner(emulator)), { Authorization: `Bearer ${owner(emulator).token}` }, { 'X-User-Id': users.owner }]) {
        const response = await fetch(link, { headers });
        assert.equal(response.status, 403, JSON.stringify(Object.keys(headers)));
        assert.equal(((await response.json()) as { code: number }).code, 13000410);
      }
    });

    it('refuses a missing, forged or borrowed signature, and an expired link', async () => {
      const link = new URL(linkOf(await details(emulator, files.brokenBridge), 'content'));
      const other = new URL(linkOf(await details(emulator, files.boatRide), 'content'));
      const variants = [`${link.origin}${link.pathname}`, `${link.href.slice(0, -1)}${link.href.endsWith('0') ? '1' : '0'}`, `${other.origin}${other.pathname}${link.search}`];
      for (const href of variants) {
        assert.equal((await fetch(href)).status, 403, href);
      }
      await emulator.control.setClockOffset(2 * 3_600_000);
      const expired = await fetch(link);
      assert.equal(expired.status, 403);
      assert.match(((await expired.json()) as { msg: string }).msg, /expired/);
    });

    it('serves nothing else there, applies faults and logs with origin "downloads" and the signature redacted', async () => {
      const link = linkOf(await details(emulator, files.brokenBridge), 'content');
      assert.equal((await fetch(`${emulator.downloadsUrl}/koodrive/ose/v1/album/list?albumKind=1&albumType=2`)).status, 404);
      assert.equal((await fetch(`${emulator.downloadsUrl}/__emulator/users`)).status, 404);
      await emulator.control.clearRequests();
      await emulator.control.addFault({ pathPattern: '^/__files/content/', fault: { type: 'html', status: 502 } });
      assert.equal((await fetch(link)).status, 502);
      assert.equal((await fetch(link)).status, 200);
      const log = await emulator.control.requests();
      assert.deepEqual(log.map((entry) => [entry.origin, entry.status, entry.query.sig]), [['downloads', 502, '<redacted>'], ['downloads', 200, '<redacted>']]);
    });

    it('close() stops both origins', async () => {
      const other = await startEmulator({ downloads: 'separate' });
      await other.close();
      await assert.rejects(fetch(`${other.downloadsUrl}/__files/content/x`));
      await assert.rejects(fetch(`${other.url}/__emulator/users`));
    });
  });
});
