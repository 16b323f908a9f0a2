import * as assert from 'node:assert/strict';
import { formatEnglish as t } from '../../../src/model/localize';
import { inviteConfirmation, leaveConfirmation, rejectConfirmation, removeMemberConfirmation } from '../../../src/model/memberText';

describe('member wording', () => {
  it('names whom the owner invites, the number masked, and where', () => {
    assert.equal(inviteConfirmation('Wei Li', '0027****567', 'Family', t).message, 'Invite Wei Li (0027****567) to the shared folder “Family”?');
    assert.equal(inviteConfirmation(undefined, '0027****567', 'Family', t).message, 'Invite 0027****567 to the shared folder “Family”?');
    assert.equal(inviteConfirmation('x', 'y', 'z', t).button, 'Invite');
  });

  it('names the member removed, the folder left, the invitation rejected', () => {
    const remove = removeMemberConfirmation('Zhang Min', 'Family', t);
    assert.equal(remove.message, 'Remove Zhang Min from the shared folder “Family”?');
    assert.match(remove.detail ?? '', /lose access/);
    assert.equal(leaveConfirmation('Zhang Family', t).message, 'Leave the shared folder “Zhang Family”?');
    assert.equal(leaveConfirmation('Zhang Family', t).button, 'Leave');
    assert.equal(rejectConfirmation('Book Club', t).message, 'Reject the invitation to the shared folder “Book Club”?');
  });
});
