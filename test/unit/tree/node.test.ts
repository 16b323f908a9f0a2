import * as assert from 'node:assert/strict';
import { contextValue, rowId } from '../../../src/tree/node';

describe('tree/node: row ids and context values', () => {
  it('builds ids whose parts cannot run into one another', () => {
    assert.notEqual(rowId('content', 'a:b', 'c'), rowId('content', 'a', 'b:c'));
    assert.equal(rowId('content', 'a:b', 'c'), 'content:a%3Ab:c');
    assert.equal(rowId('pendingInvitations'), 'pendingInvitations');
  });

  it('joins the context tokens that apply', () => {
    assert.equal(contextValue('album', 'manual', false, undefined, 'removable'), 'album;manual;removable');
  });
});
