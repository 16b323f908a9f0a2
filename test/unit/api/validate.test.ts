import * as assert from 'node:assert/strict';
import { isKind } from '../../../src/api/errors';
import { apiPath } from '../../../src/api/http';
import { albumNameProblem, isUsableId, pathFor, sharedFolderNameProblem } from '../../../src/api/validate';

describe('api/validate', () => {
  it('puts each id in its own encoded path segment', () => {
    assert.equal(pathFor('GET', '/album/{albumId}/list', { albumId: '1805929618625036421' }), '/koodrive/ose/v1/album/1805929618625036421/list');
    assert.equal(pathFor('GET', '/album/{albumId}/list', { albumId: 'a/b?c=d#e f' }), '/koodrive/ose/v1/album/a%2Fb%3Fc%3Dd%23e%20f/list');
    assert.equal(pathFor('DELETE', '/{albumId}/batchDelete', { albumId: '%2e%2e' }), '/koodrive/ose/v1/%252e%252e/batchDelete');
    assert.equal(apiPath('sharefolder', 'metadata', '../x'), '/koodrive/ose/v1/sharefolder/metadata/..%2Fx');
  });

  it('refuses ids that are empty or would be a path step', () => {
    for (const bad of ['', '  ', '.', '..']) {
      assert.throws(() => pathFor('GET', '/album/{albumId}/list', { albumId: bad }), (error: unknown) => isKind(error, 'invalidInput') && error.path === '/koodrive/ose/v1/album/{albumId}/list' && error.traceId === '');
    }
    assert.throws(() => pathFor('GET', '/album/{albumId}/list', {}), (error: unknown) => isKind(error, 'invalidInput'));
    assert.ok(isUsableId('F-x_1'));
    assert.ok(!isUsableId(17));
  });

  it('checks album names (1-20 characters)', () => {
    assert.equal(albumNameProblem('Cats'), undefined);
    assert.equal(albumNameProblem('猫'.repeat(20)), undefined);
    assert.ok(albumNameProblem(''));
    assert.ok(albumNameProblem('   '));
    assert.ok(albumNameProblem('x'.repeat(21)));
  });

  it('checks shared-folder names as §3.1 says', () => {
    assert.equal(sharedFolderNameProblem('Family Photos 家庭相册'), undefined);
    assert.equal(sharedFolderNameProblem('x'.repeat(31)), undefined);
    for (const bad of ['', '.', '..', 'x'.repeat(32), 'a<b', 'a>b', 'a|b', 'a:b', 'a*b', 'a?b', 'a"b', 'a/b', 'a\nb', 'a\rb', 'a\bb', 'a\tb', 'party 🎉']) {
      assert.ok(sharedFolderNameProblem(bad), JSON.stringify(bad));
    }
  });
});
