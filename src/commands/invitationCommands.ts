import * as vscode from 'vscode';
import { rejectConfirmation } from '../model/memberText';
import type { CommandContext } from './context';
import { pickPendingInvitation } from './pickers';
import { sendOnce } from './send';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/** Accept Invitation (InviteConfirm `confirm` 1, §4.2): the folder then appears under Joined. */
export async function acceptInvitationCommand(ctx: CommandContext, node?: unknown): Promise<void> {
  await answer(ctx, node, true);
}

/** Reject Invitation (InviteConfirm `confirm` 0), after one confirmation. */
export async function rejectInvitationCommand(ctx: CommandContext, node?: unknown): Promise<void> {
  await answer(ctx, node, false);
}

async function answer(ctx: CommandContext, node: unknown, accept: boolean): Promise<void> {
  const title = accept ? t('Accept Invitation') : t('Reject Invitation');
  const invite = isNode(node, 'pendingInvitation') ? node : await pickPendingInvitation(ctx, { title, placeholder: t('Choose an invitation waiting for you') });
  if (!invite) {
    return;
  }
  const groupId = invite.groupId;
  if (!groupId) {
    void ctx.prompter.notify('warning', t('The invitation to “{0}” names no user group, so it cannot be answered here.', invite.title));
    return;
  }
  if (!accept) {
    const wording = rejectConfirmation(invite.title, t);
    if (!(await ctx.prompter.confirm({ message: wording.message, detail: wording.detail, confirmLabel: wording.button }))) {
      return;
    }
  }
  // The whole tree is re-read: the invitations group (and the view's badge) and Joined both change.
  const reread = (): void => ctx.sharedFolders.refresh();
  await sendOnce(ctx, accept ? t('Accepting the invitation to “{0}”…', invite.title) : t('Rejecting the invitation to “{0}”…', invite.title), (signal) => ctx.client.confirmInvite(groupId, invite.inviteId, accept, { signal }), reread);
  ctx.log.info(`${accept ? 'Accepted' : 'Rejected'} invitation ${invite.inviteId}`);
  reread();
  if (accept) {
    ctx.albums.refreshFamilies();
  }
  void ctx.prompter.notify('info', accept ? t('You joined the shared folder “{0}”. It is listed under Joined.', invite.title) : t('Rejected the invitation to “{0}”.', invite.title));
}
