import * as assert from 'node:assert/strict';
import type { FileDetails, SpaceInfo } from '../../../src/api/types';
import { type DetailsClient, FileDetailsService } from '../../../src/services/fileDetails';
import { Spaces, type SpacesClient } from '../../../src/services/spaces';

const ME = '1644817543959100032';
const RELATIVE = '1700618280076834305';
const STRANGER = '1811111111111111111';

/** A client of the test's own: spaces per owner, files per container, and a record of calls. */
function fakeClient(spaces: Record<string, string | Error>) {
  const calls: string[] = [];
  const client: DetailsClient & SpacesClient = {
    getSpace: (ownerId) => {
      calls.push(`space ${ownerId}`);
      const space = spaces[ownerId];
      return space instanceof Error || space === undefined ? Promise.reject(space ?? new Error('HTTP 400, code 13000410')) : Promise.resolve({ containerId: space } as SpaceInfo);
    },
    getFile: (fileId, containerId) => {
      calls.push(`file ${fileId} in ${containerId}`);
      return Promise.resolve({ id: fileId, fileName: `${fileId}.jpg` } as FileDetails);
    },
    getFullPath: (fileId, containerId) => {
      calls.push(`path ${fileId} in ${containerId}`);
      return Promise.resolve({ namePath: `/Photos/${fileId}.jpg` });
    },
  };
  return { client, calls };
}

/** The details of a session signed in as ME, over one lookup of each space. */
function detailsOf(client: DetailsClient & SpacesClient): { service: FileDetailsService; spaces: Spaces } {
  const spaces = new Spaces(client, () => ME);
  return { service: new FileDetailsService(client, spaces), spaces };
}

describe('file details of album items (D14)', () => {
  it('asks for the user’s own container once per session, then each file once', async () => {
    const { client, calls } = fakeClient({ [ME]: 'C-me' });
    const { service, spaces } = detailsOf(client);
    const names = await Promise.all(['F1', 'F2', 'F1'].map((id) => service.details(id, undefined).then((d) => d.fileName)));
    assert.deepEqual(names, ['F1.jpg', 'F2.jpg', 'F1.jpg']);
    assert.deepEqual(calls, [`space ${ME}`, 'file F1 in C-me', 'file F2 in C-me']);
    service.clear();
    spaces.clear();
    await service.details('F1', ME);
    assert.equal(calls.filter((call) => call.startsWith('space')).length, 2, 'a new session asks again');
  });

  it('asks for another owner’s file with that owner’s container when GetSpace answers', async () => {
    const { client, calls } = fakeClient({ [ME]: 'C-me', [RELATIVE]: 'C-relative' });
    const { service } = detailsOf(client);
    assert.equal((await service.details('F9', RELATIVE)).fileName, 'F9.jpg');
    assert.ok(calls.includes('file F9 in C-relative'));
  });

  it('gives up on a file whose owner’s space is refused, without asking again for that owner', async () => {
    const { client, calls } = fakeClient({ [ME]: 'C-me' });
    const { service } = detailsOf(client);
    await assert.rejects(service.details('F7', STRANGER), { name: 'OtherOwnerSpace' });
    await assert.rejects(service.details('F8', STRANGER), { name: 'OtherOwnerSpace' });
    assert.equal(calls.filter((call) => call === `space ${STRANGER}`).length, 1);
    assert.ok(!calls.some((call) => call.startsWith('file')), 'no getFile without a container');
  });

  it('asks for the own space again after it failed', async () => {
    const spaces: Record<string, string | Error> = { [ME]: new Error('HTTP 503') };
    const { client } = fakeClient(spaces);
    const { service } = detailsOf(client);
    await assert.rejects(service.details('F1', undefined), /HTTP 503/);
    spaces[ME] = 'C-me';
    assert.equal((await service.details('F1', undefined)).fileName, 'F1.jpg');
  });

  it('reads the folder path once per file', async () => {
    const { client, calls } = fakeClient({ [ME]: 'C-me' });
    const { service } = detailsOf(client);
    assert.equal(await service.fullPath('F1', ME), '/Photos/F1.jpg');
    assert.equal(await service.fullPath('F1', ME), '/Photos/F1.jpg');
    assert.equal(calls.filter((call) => call.startsWith('path')).length, 1);
  });

  it('stops waiting when the row no longer needs the details', async () => {
    const { client } = fakeClient({ [ME]: 'C-me' });
    const { service } = detailsOf(client);
    const collapse = new AbortController();
    collapse.abort();
    await assert.rejects(service.details('F1', undefined, collapse.signal), { name: 'Canceled' });
  });
});
