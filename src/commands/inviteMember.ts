import type { App } from '../app';
import { isKooDriveError } from '../api/errors';
import { maskPhone } from '../model/mask';
import { inviteConfirmation, mobileRule } from '../model/memberText';
import { normaliseMobile } from '../model/phone';
import { personLabel, text } from '../model/present';
import type { SharedFolderNode } from '../tree/sharedFolderNodes';
import { sendChange } from './common/change';
import { pickOwnedFolder } from './common/pickers';
import { oneRow } from './common/selection';

/**
 * Invite Member… (UserGroupInvite, §4.1; owner only): a mobile number in the documented form,
 * checked as it is typed and shown masked from then on; the number is looked up first
 * (GetUserInfo) so the owner sees whom they invite, and nobody is invited when KooDrive knows no
 * user with it (D20). Then the folder's Invitations are re-read.
 */
export async function inviteMemberCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Invite Member');
  const folder = await oneRow(app, 'sharedFolders', 'sharedFolder', { node, nodes }, t('{0} works on one shared folder at a time. Select a single folder.', title), () => pickOwnedFolder(app, { title, placeholder: t('Choose the shared folder to invite someone to') }));
  if (!folder) {
    return;
  }
  const groupId = folder.groupId;
  if (!folder.owned || !groupId) {
    void app.prompter.notify('warning', folder.owned ? t('“{0}” has no user group to invite members to.', folder.title) : t('Only the owner of “{0}” can invite members. You joined this folder; ask its owner.', folder.title));
    return;
  }
  const typed = await app.prompter.input({
    title,
    prompt: t('Mobile number of the person to invite to “{0}”, in the documented form: a 4-digit international prefix, then the subscriber number', folder.title),
    placeholder: '0086 138 0013 8000',
    validate: (value) => (normaliseMobile(value) ? undefined : mobileRule(t)),
  });
  const mobile = typed === undefined ? undefined : normaliseMobile(typed);
  if (!mobile) {
    return;
  }
  const masked = maskPhone(mobile);
  const person = await app.prompter.progress(t('Looking up {0}…', masked), (_reporter, signal) => lookUp(app, mobile, signal), { quietMs: 1000 });
  if (person === undefined) {
    void app.prompter.notify('warning', t('No KooDrive user has the number {0}, so nobody was invited. Check the number and its international prefix.', masked));
    return;
  }
  if (!(await app.prompter.confirm(inviteConfirmation(person, masked, folder.title, t)))) {
    return;
  }
  const inviteId = await sendChange(app, {
    progress: t('Inviting {0}…', masked),
    send: (signal) => app.client.inviteMember(groupId, mobile, { signal }),
    reread: () => rereadInvitations(app, folder),
  });
  app.log.info(`Invited ${masked} to shared folder ${folder.folderId} (invitation ${inviteId})`);
  void app.prompter.notify('info', t('Invited {0} ({1}) to “{2}”. The invitation waits for their answer under Invitations.', person, masked, folder.title));
}

/** The person KooDrive knows by this number, by name (else masked id); undefined when nobody. */
async function lookUp(app: App, mobile: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const user = await app.recovery.call(() => app.client.getUserInfo({ phone: mobile }, { signal }));
    const name = [text(user.firstname), text(user.surname)].filter(Boolean).join(' ');
    return text(user.userId) ? personLabel(name, user.userId) : undefined;
  } catch (error) {
    if (isKooDriveError(error) && error.kind === 'notFound') {
      return undefined;
    }
    throw error;
  }
}

/** Re-reads the folder's Invitations (or its group, when the folder's row is from an older tree). */
function rereadInvitations(app: App, folder: SharedFolderNode): void {
  const invitations = folder.invitationsNode();
  if (invitations && app.sharedFolders.owns(folder)) {
    app.sharedFolders.refresh(invitations);
  } else {
    app.sharedFolders.refreshCreated();
  }
}
