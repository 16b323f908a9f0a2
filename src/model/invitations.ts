import type { InviteeConfirmDetail, InviteeDetail } from '../api/types';
import type { Localize } from './localize';
import { maskPhone } from './mask';
import { formatTime, parseTime, text } from './present';
import { safeText } from './safeText';

/** How invitations are shown (InviteList for owners, InviteConfrimList for invitees). Pure. */

export type InviteState = 'pending' | 'accepted' | 'rejected' | 'expired' | 'unknown';

/**
 * An invitation's state: `status` 1 accepted, 2 rejected, 0 pending until `expireTime` has
 * passed (then expired); anything else is unknown. `expireTime` may be ISO or Java's
 * `Date.toString()` (§7.22).
 */
export function inviteState(invite: Pick<InviteeDetail, 'status' | 'expireTime'>, now: number): InviteState {
  const status = invite.status === undefined || invite.status === null ? undefined : Number(invite.status);
  if (status === 1) {
    return 'accepted';
  }
  if (status === 2) {
    return 'rejected';
  }
  if (status !== 0) {
    return 'unknown';
  }
  const expires = parseTime(invite.expireTime);
  return expires !== undefined && expires < now ? 'expired' : 'pending';
}

export function inviteStateText(state: InviteState, t: Localize): string {
  switch (state) {
    case 'pending':
      return t('pending');
    case 'accepted':
      return t('accepted');
    case 'rejected':
      return t('rejected');
    case 'expired':
      return t('expired');
    default:
      return t('state unknown');
  }
}

/**
 * A phone number the API gave, masked; undefined when it is none (the reference's example of
 * `inviterPhone` is Base64 or ciphertext, §7.23: that is not shown).
 */
export function shownPhone(value: unknown): string | undefined {
  const phone = text(value);
  return phone && /^\+?[\d*]+$/.test(phone) ? maskPhone(safeText(phone)) : undefined;
}

/** The owner's row for one invitee: the masked number. */
export function inviteeLabel(invite: InviteeDetail, t: Localize): string {
  return shownPhone(invite.inviteePhone) ?? t('Invitation {0}', safeText(invite.inviteId, 40));
}

/** "pending · expires 2025-09-02 02:25", "accepted · sent 2025-09-01 02:40". */
export function inviteeDescription(invite: InviteeDetail, now: number, t: Localize): string {
  const state = inviteState(invite, now);
  const parts = [inviteStateText(state, t)];
  if (state === 'pending' && text(invite.expireTime)) {
    parts.push(t('expires {0}', formatTime(invite.expireTime)));
  } else if (text(invite.createTime)) {
    parts.push(t('sent {0}', formatTime(invite.createTime)));
  }
  return parts.join(' · ');
}

/** The invitee's row for one invitation to them: the folder's name. */
export function pendingLabel(invite: InviteeConfirmDetail, t: Localize): string {
  const name = text(invite.shareFolderName);
  return name ? safeText(name) : t('Unnamed shared folder ({0})', safeText(invite.groupId ?? invite.inviteId, 40));
}

/** "from 0027****932 · expires 2025-09-02 02:25". */
export function pendingDescription(invite: InviteeConfirmDetail, t: Localize): string {
  const parts: string[] = [];
  const inviter = shownPhone(invite.inviterPhone);
  if (inviter) {
    parts.push(t('from {0}', inviter));
  }
  if (text(invite.expireTime)) {
    parts.push(t('expires {0}', formatTime(invite.expireTime)));
  }
  return parts.join(' · ');
}
