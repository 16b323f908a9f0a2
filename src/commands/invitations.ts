import type { App } from '../app';
import { rejectConfirmation } from '../model/memberText';
import { sendChange } from './common/change';
import { pickPendingInvitation } from './common/pickers';
import { oneRow } from './common/selection';

/** Accept Invitation (InviteConfirm `confirm` 1, §4.2): the folder then appears under Joined. */
export async function acceptInvitationCommand(app: App, node?: unknown): Promise<void> {
  await answer(app, node, true);
}

/** Reject Invitation (InviteConfirm `confirm` 0), after one confirmation. */
export async function rejectInvitationCommand(app: App, node?: unknown): Promise<void> {
  await answer(app, node, false);
}

async function answer(app: App, node: unknown, accept: boolean): Promise<void> {
  const { t } = app;
  const title = accept ? t('Accept Invitation') : t('Reject Invitation');
  const invite = await oneRow(app, 'sharedFolders', 'pendingInvitation', { node, nodes: undefined }, '', () => pickPendingInvitation(app, { title, placeholder: t('Choose an invitation waiting for you') }));
  if (!invite) {
    return;
  }
  const groupId = invite.groupId;
  if (!groupId) {
    void app.prompter.notify('warning', t('The invitation to “{0}” names no user group, so it cannot be answered here.', invite.title));
    return;
  }
  if (!accept && !(await app.prompter.confirm(rejectConfirmation(invite.title, t)))) {
    return;
  }
  await sendChange(app, {
    progress: accept ? t('Accepting the invitation to “{0}”…', invite.title) : t('Rejecting the invitation to “{0}”…', invite.title),
    send: (signal) => app.client.confirmInvite(groupId, invite.inviteId, accept, { signal }),
    // The whole tree is re-read: the invitations group (and the view's badge) and Joined both change.
    reread: () => {
      app.sharedFolders.refresh();
      if (accept) {
        app.albums.refreshFamilies();
      }
    },
  });
  app.log.info(`${accept ? 'Accepted' : 'Rejected'} invitation ${invite.inviteId}`);
  void app.prompter.notify('info', accept ? t('You joined the shared folder “{0}”. It is listed under Joined.', invite.title) : t('Rejected the invitation to “{0}”.', invite.title));
}
