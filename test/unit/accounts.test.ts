import * as assert from 'node:assert/strict';
import { type Account, accountLabel, accountName, accountTag, isAccountKey, legacyTarget, LEGACY_TOKEN_KEY, originOf, parseIndex, serializeIndex, serverHost, tokenKey } from '../../src/model/accounts';
import { formatEnglish as t } from '../../src/model/localize';

const owner: Account = { endpoint: 'https://drive.example.com/api', origin: 'https://drive.example.com', userId: '1644817543959100032', nickname: 'Li Wei 李伟' };
const member: Account = { endpoint: 'http://127.0.0.1:8080', origin: 'http://127.0.0.1:8080', userId: '1700618280076834305' };

describe('accounts (D23)', () => {
  describe('the key of a token', () => {
    it('is made of the server’s origin and the user id, so two accounts never share one', () => {
      assert.equal(tokenKey(owner), 'koodrive.token:https%3A%2F%2Fdrive.example.com:1644817543959100032');
      assert.notEqual(tokenKey(owner), tokenKey({ ...owner, origin: 'https://drive.example.com:8443' }), 'another port is another server');
      assert.notEqual(tokenKey(owner), tokenKey({ ...owner, origin: 'http://drive.example.com' }), 'another scheme is another server');
      assert.notEqual(tokenKey(owner), tokenKey({ ...owner, userId: '1644817543959100033' }));
    });

    it('ignores the endpoint’s path: one server, one token per user', () => {
      assert.equal(tokenKey(owner), tokenKey({ origin: originOf('https://drive.example.com/other/path') as string, userId: owner.userId }));
    });

    it('cannot be forged by an origin or id holding the separator', () => {
      assert.notEqual(tokenKey({ origin: 'https://a:1', userId: '2' }), tokenKey({ origin: 'https://a', userId: '1:2' }));
    });

    it('tells the keys of tokens and of the index from the rest of the secret storage', () => {
      assert.ok(isAccountKey(tokenKey(owner)));
      assert.ok(isAccountKey('koodrive.accounts'));
      assert.ok(isAccountKey(LEGACY_TOKEN_KEY));
      assert.ok(!isAccountKey('other.extension.token'));
    });
  });

  describe('the index of accounts', () => {
    it('round-trips without a token in it', () => {
      const text = serializeIndex([owner, member]);
      assert.deepEqual(parseIndex(text), [owner, member]);
      assert.doesNotMatch(text, /token/i);
    });

    it('keeps each account once and leaves out what is not an account', () => {
      const text = JSON.stringify([owner, { ...owner, nickname: 'again' }, { endpoint: 'not a url', userId: '1' }, { endpoint: 'https://x.example', userId: '12a' }, null, 7, member]);
      assert.deepEqual(parseIndex(text).map((account) => account.userId), [owner.userId, member.userId]);
      assert.deepEqual(parseIndex('{oops'), []);
      assert.deepEqual(parseIndex(undefined), []);
    });

    it('takes the origin from the endpoint, whatever origin the stored text claims', () => {
      const [account] = parseIndex(JSON.stringify([{ ...owner, origin: 'https://evil.example' }]));
      assert.equal(account.origin, 'https://drive.example.com');
    });
  });

  describe('migration of the single-account token', () => {
    it('goes to the account of the endpoint and user id configured now', () => {
      assert.deepEqual(legacyTarget([], 'https://drive.example.com/api', owner.userId), { account: { endpoint: 'https://drive.example.com/api', origin: 'https://drive.example.com', userId: owner.userId }, add: true });
    });

    it('does not replace the token of an account already signed in', () => {
      assert.equal(legacyTarget([owner], 'https://drive.example.com', owner.userId)?.add, false);
    });

    it('waits while the endpoint or the user id is missing or unusable', () => {
      assert.equal(legacyTarget([], undefined, owner.userId), undefined);
      assert.equal(legacyTarget([], 'https://drive.example.com', undefined), undefined);
      assert.equal(legacyTarget([], 'not a url', owner.userId), undefined);
      assert.equal(legacyTarget([], 'https://drive.example.com', 'me'), undefined);
    });
  });

  describe('wording', () => {
    it('names an account by nickname, else by masked id, with its server', () => {
      assert.equal(accountLabel(owner), 'Li Wei 李伟');
      assert.equal(accountLabel(member), '170…305');
      assert.equal(accountName(owner, t), 'Li Wei 李伟 (drive.example.com)');
      assert.equal(accountName(member, t), '170…305 (127.0.0.1:8080)');
      assert.equal(serverHost({ origin: 'https://drive.example.com:8443' }), 'drive.example.com:8443');
    });

    it('makes a hostile nickname inert', () => {
      const label = accountLabel({ userId: member.userId, nickname: 'Eve\n[x](command:workbench.action.quit)\u202e' });
      assert.doesNotMatch(label, /[\n\u202e]/);
    });

    it('tags preview addresses by account without the id or server in clear', () => {
      assert.match(accountTag(owner), /^[0-9a-f]{8}$/);
      assert.equal(accountTag(owner), accountTag({ origin: owner.origin, userId: owner.userId }));
      assert.notEqual(accountTag(owner), accountTag(member));
      assert.ok(!accountTag(owner).includes(owner.userId.slice(0, 6)));
    });
  });
});
