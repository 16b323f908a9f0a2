import * as assert from 'node:assert/strict';
import { inviteeDescription, inviteeLabel, inviteState, pendingDescription, pendingLabel, shownPhone } from '../../../src/model/invitations';
import { formatEnglish as t } from '../../../src/model/localize';

const NOW = Date.parse('2025-09-02T00:00:00.000Z');

describe('invitation wording', () => {
  it('reads the state from status and expiry, in either date format (§7.22)', () => {
    assert.equal(inviteState({ status: 1, expireTime: '2025-01-01T00:00:00Z' }, NOW), 'accepted');
    assert.equal(inviteState({ status: 2 }, NOW), 'rejected');
    assert.equal(inviteState({ status: 0, expireTime: 'Tue Sep 02 02:25:46 UTC 2025' }, NOW), 'pending');
    assert.equal(inviteState({ status: 0, expireTime: 'Mon Sep 01 02:25:46 UTC 2025' }, NOW), 'expired');
    assert.equal(inviteState({ status: 0, expireTime: 'soon' }, NOW), 'pending');
    assert.equal(inviteState({ status: '0' as unknown as 0, expireTime: '2025-09-01T00:00:00Z' }, NOW), 'expired');
    assert.equal(inviteState({}, NOW), 'unknown');
    assert.equal(inviteState({ status: 7 as unknown as 0 }, NOW), 'unknown');
  });

  it('shows the invitee by masked number with state and date', () => {
    const pending = { inviteId: '1', inviteePhone: '0027761234500', status: 0 as const, createTime: '2025-09-01T00:00:00Z', expireTime: '2025-09-03T00:00:00Z' };
    assert.equal(inviteeLabel(pending, t), '0027****500');
    assert.equal(inviteeDescription(pending, NOW, t), 'pending · expires 2025-09-03 00:00');
    assert.equal(inviteeDescription({ ...pending, status: 1 }, NOW, t), 'accepted · sent 2025-09-01 00:00');
    assert.equal(inviteeDescription({ ...pending, expireTime: '2025-09-01T12:00:00Z' }, NOW, t), 'expired · sent 2025-09-01 00:00');
    assert.equal(inviteeLabel({ inviteId: '42' }, t), 'Invitation 42');
    assert.equal(inviteeLabel({ inviteId: '42', inviteePhone: '0027176****932' }, t), '0027176****932', 'a number masked by the server stays as it is');
  });

  it('shows an invitation to the user by folder name, inviter masked, never a ciphertext (§7.23)', () => {
    const invite = { inviteId: '5', groupId: '9', shareFolderName: 'Book Club [x](command:evil)', inviterPhone: '0027188460911', expireTime: '2025-09-03T00:00:00Z' };
    assert.equal(pendingLabel(invite, t), 'Book Club [x] (command:evil)');
    assert.equal(pendingDescription(invite, t), 'from 0027****911 · expires 2025-09-03 00:00');
    assert.equal(pendingDescription({ ...invite, inviterPhone: '5ZtlPNpaVJyjDuY+1nPvDYE/HzdLIBZK6wiGjFYI4C4=' }, t), 'expires 2025-09-03 00:00');
    assert.equal(pendingLabel({ inviteId: '5', groupId: '9' }, t), 'Unnamed shared folder (9)');
    assert.equal(shownPhone(null), undefined);
  });
});
