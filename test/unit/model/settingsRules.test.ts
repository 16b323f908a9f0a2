import * as assert from 'node:assert/strict';
import { formatEnglish as t } from '../../../src/model/localize';
import { InvalidSettingError, isUserId, readDeleteConfirmation, readLanguage, readPageSize, readTimeoutMs, readUserId } from '../../../src/model/settingsRules';

describe('settings rules', () => {
  it('treats an empty user id as not set and trims a valid one', () => {
    assert.equal(readUserId('', t), undefined);
    assert.equal(readUserId('   ', t), undefined);
    assert.equal(readUserId(' 1644817543959100032 ', t), '1644817543959100032');
  });

  it('rejects a user id that is not digits, naming the setting and what to do', () => {
    assert.throws(() => readUserId('li.wei@example.com', t), (error: unknown) => {
      assert.ok(error instanceof InvalidSettingError);
      assert.equal(error.setting, 'koodrive.userId');
      assert.match(error.message, /digits only/);
      return true;
    });
    assert.equal(isUserId('12a'), false);
    assert.equal(isUserId('1700618280076834305'), true);
  });

  it('never replaces a bad page size with a default', () => {
    assert.equal(readPageSize(undefined, t), 50);
    assert.equal(readPageSize(100, t), 100);
    for (const bad of [0, 101, 2.5, '20', -1]) {
      assert.throws(() => readPageSize(bad, t), /koodrive\.pageSize must be a whole number from 1 to 100/);
    }
  });

  it('turns the timeout into milliseconds and rejects out-of-range values', () => {
    assert.equal(readTimeoutMs(30, t), 30_000);
    assert.equal(readTimeoutMs(0.5 + 0.5, t), 1000);
    assert.throws(() => readTimeoutMs(0, t), /requestTimeoutSeconds/);
    assert.throws(() => readTimeoutMs(301, t), /requestTimeoutSeconds/);
  });

  it('accepts the two delete confirmations only', () => {
    assert.equal(readDeleteConfirmation(undefined, t), 'modal');
    assert.equal(readDeleteConfirmation('typeName', t), 'typeName');
    assert.throws(() => readDeleteConfirmation('none', t), /"modal" or "typeName"/);
  });

  it('follows the display language for auto, and sends the chosen language otherwise (D5)', () => {
    assert.equal(readLanguage('auto', 'zh-cn', t), 'zh-CN');
    assert.equal(readLanguage(undefined, 'zh-tw', t), 'zh-CN');
    assert.equal(readLanguage('auto', 'en', t), 'en-US');
    assert.equal(readLanguage('auto', 'de', t), 'en-US');
    assert.equal(readLanguage('zh-CN', 'en', t), 'zh-CN');
    assert.throws(() => readLanguage('fr-FR', 'en', t), /koodrive\.language/);
  });
});
