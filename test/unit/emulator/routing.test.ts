import * as assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SeedIds } from '../../emulator/seedIds';
import { call, outcome } from './helpers';

describe('emulator: routing, bodies and the Date header', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  it('answers an unknown path with 404 and the 13000102 envelope', async () => {
    const result = await call(emulator, '/album/list/extra');
    assert.deepEqual(outcome(result), [404, 13000102]);
    assert.equal(typeof result.json.msg, 'string');
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const result = await call(emulator, '/sharefolder/delete', { method: 'GET' });
    assert.deepEqual(outcome(result), [405, 13000102]);
    assert.equal(result.headers.get('allow'), 'POST');
  });

  it('puts a Date header on every response, success or error', async () => {
    for (const result of [await call(emulator, '/nowhere'), await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 } })]) {
      const date = Date.parse(result.headers.get('date') ?? '');
      assert.ok(Math.abs(date - Date.now()) < 3000);
    }
  });

  it('sends code as a number (D6)', async () => {
    const result = await call(emulator, '/album/list', { query: { albumKind: 1, albumType: 2 } });
    assert.match(result.text, /"code":0/);
  });

  describe('JSON bodies', () => {
    const rename = (options: Parameters<typeof call>[2]) => call(emulator, '/sharefolder/rename', { method: 'POST', ...options });

    it('accepts application/json with a charset', async () => {
      const result = await rename({ rawBody: JSON.stringify({ id: SeedIds.folders.solo, fileName: 'Drafts' }), headers: { 'Content-Type': 'application/json; charset=utf-8' } });
      assert.deepEqual(outcome(result), [200, 0]);
    });

    it('rejects a missing body, a wrong Content-Type, invalid JSON and a non-object', async () => {
      const valid = JSON.stringify({ id: SeedIds.folders.solo, fileName: 'Drafts' });
      for (const options of [
        { headers: { 'Content-Type': 'application/json' } },
        { rawBody: valid },
        { rawBody: valid, headers: { 'Content-Type': 'text/plain' } },
        { rawBody: '{"id": ', headers: { 'Content-Type': 'application/json' } },
        { rawBody: '[1]', headers: { 'Content-Type': 'application/json' } },
      ]) {
        assert.deepEqual(outcome(await rename(options)), [400, 13000102], JSON.stringify(options));
      }
    });
  });
});
