import * as assert from 'node:assert/strict';
import { folderOwnerId, ownsFolder } from '../../../src/model/ownership';

const ME = '1644817543959100032';
const OTHER = '1700618280076834305';

describe('model/ownership: the one rule for "do I own this shared folder"', () => {
  it('lets the folder’s stated owner decide, whichever list it came from', () => {
    assert.equal(ownsFolder({ ownerId: ME }, ME, false), true);
    assert.equal(ownsFolder({ ownerId: OTHER }, ME, true), false);
  });

  it('falls back to the list it came from when the server leaves the owner out or sends null', () => {
    assert.equal(ownsFolder({}, ME, true), true, 'listed under Created by me');
    assert.equal(ownsFolder({ ownerId: undefined }, ME, false), false, 'listed under Joined');
    assert.equal(ownsFolder({ ownerId: null as unknown as string }, ME, true), true);
  });

  it('gives nobody a folder without a user id', () => {
    assert.equal(ownsFolder({ ownerId: ME }, undefined, true), false);
  });

  it('names the owner as stated, else the user when the listing implies they own it', () => {
    assert.equal(folderOwnerId({ ownerId: OTHER }, ME, false), OTHER);
    assert.equal(folderOwnerId({}, ME, true), ME);
    assert.equal(folderOwnerId({}, ME, false), undefined);
  });
});
