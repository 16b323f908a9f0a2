import { Limits } from '../api/types';
import type { Confirmation } from './confirmation';
import type { Localize } from './localize';

/** Wording of the member and invitation actions: confirmations and rules. Pure and unit-tested. */

/** The rule shown in the number box and when a typed number is not in the documented form. */
export function mobileRule(t: Localize): string {
  return t('Enter the number with its international prefix, for example 0086 138 0013 8000 or +86 13800138000.');
}

/** "Invite Wei Li (0027****567) to “Family Photos”?" — the person as KooDrive knows them, the number masked. */
export function inviteConfirmation(person: string | undefined, maskedPhone: string, folder: string, t: Localize): Confirmation {
  return {
    message: person
      ? t('Invite {0} ({1}) to the shared folder “{2}”?', person, maskedPhone, folder)
      : t('Invite {0} to the shared folder “{1}”?', maskedPhone, folder),
    detail: t('They see the invitation in KooDrive and can accept or reject it. Until then it is listed under Invitations.'),
    button: t('Invite'),
  };
}

export function removeMemberConfirmation(member: string, folder: string, t: Localize): Confirmation {
  return {
    message: t('Remove {0} from the shared folder “{1}”?', member, folder),
    detail: t('They lose access to the folder and its family albums. You can invite them again later.'),
    button: t('Remove'),
  };
}

export function leaveConfirmation(folder: string, t: Localize): Confirmation {
  return {
    message: t('Leave the shared folder “{0}”?', folder),
    detail: t('You lose access to the folder and its family albums until its owner invites you again.'),
    button: t('Leave'),
  };
}

export function rejectConfirmation(folder: string, t: Localize): Confirmation {
  return {
    message: t('Reject the invitation to the shared folder “{0}”?', folder),
    detail: t('The owner would have to invite you again.'),
    button: t('Reject'),
  };
}

/** The shared-folder name rule the client enforces (§3.1, §3.4), shown in the name box. */
export function folderNameRule(t: Localize): string {
  return t('Use 1 to {0} characters, no emoji, none of < > | : * ? " / and not just . or ..', Limits.sharedFolderNameMaxExclusive - 1);
}

/** The one confirmation of Delete Shared Folder: the folder, how many members lose access when known. */
export function deleteFolderConfirmation(name: string, members: number | undefined, t: Localize): Confirmation {
  const who = members === undefined
    ? t('The members could not be counted; everyone in this folder will lose access.')
    : members === 1 ? t('1 member will lose access.') : t('{0} members will lose access.', members);
  return {
    message: t('Delete the shared folder “{0}”?', name),
    detail: [who, t('The folder is deleted for everyone. This cannot be undone.')].join(' '),
    button: t('Delete'),
  };
}
