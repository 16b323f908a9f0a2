import * as vscode from 'vscode';
import { isKooDriveError } from '../api/errors';
import { maskPhone } from '../model/mask';
import { inviteConfirmation, mobileRule } from '../model/memberText';
import { normaliseMobile } from '../model/phone';
import { personLabel, text } from '../model/present';
import type { SharedFolderNode } from '../tree/sharedFolderNodes';
import type { CommandContext } from './context';
import { oneFolder } from './folderCommands';
import { pickOwnedFolder } from './pickers';
import { sendOnce } from './send';

const t = vscode.l10n.t;

/**
 * Invite Member… (UserGroupInvite, §4.1; owner only): a mobile number in the documented form,
 * checked as it is typed and shown masked from then on; the number is looked up first
 * (GetUserInfo) so the owner sees whom they invite, and nobody is invited when KooDrive knows no
 * user with it (D20). Then the folder's Invitations are re-read.
 */
export async function inviteMemberCommand(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const title = t('Invite Member');
  const folder = await oneFolder(ctx, node, nodes, title, () => pickOwnedFolder(ctx, { title, placeholder: t('Choose the shared folder to invite someone to') }));
  if (!folder) {
    return;
  }
  const groupId = folder.groupId;
  if (!folder.owned || !groupId) {
    void ctx.prompter.notify('warning', folder.owned ? t('“{0}” has no user group to invite members to.', folder.title) : t('Only the owner of “{0}” can invite members. You joined this folder; ask its owner.', folder.title));
    return;
  }
  const typed = await ctx.prompter.input({
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
  const person = await ctx.prompter.progress(t('Looking up {0}…', masked), (_reporter, signal) => lookUp(ctx, mobile, signal), { quietMs: 1000 });
  if (person === undefined) {
    void ctx.prompter.notify('warning', t('No KooDrive user has the number {0}, so nobody was invited. Check the number and its international prefix.', masked));
    return;
  }
  const wording = inviteConfirmation(person, masked, folder.title, t);
  if (!(await ctx.prompter.confirm({ message: wording.message, detail: wording.detail, confirmLabel: wording.button }))) {
    return;
  }
  const inviteId = await sendOnce(ctx, t('Inviting {0}…', masked), (signal) => ctx.client.inviteMember(groupId, mobile, { signal }), () => rereadInvitations(ctx, folder));
  ctx.log.info(`Invited ${masked} to shared folder ${folder.folderId} (invitation ${inviteId})`);
  rereadInvitations(ctx, folder);
  void ctx.prompter.notify('info', t('Invited {0} ({1}) to “{2}”. The invitation waits for their answer under Invitations.', person, masked, folder.title));
}

/** The person KooDrive knows by this number, by name (else masked id); undefined when nobody. */
async function lookUp(ctx: CommandContext, mobile: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const user = await ctx.recovery.call(() => ctx.client.getUserInfo({ phone: mobile }, { signal }));
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
function rereadInvitations(ctx: CommandContext, folder: SharedFolderNode): void {
  const invitations = folder.invitationsNode();
  if (invitations && ctx.sharedFolders.owns(folder)) {
    ctx.sharedFolders.refresh(invitations);
  } else {
    ctx.sharedFolders.refreshCreated();
  }
}
