import { Limits } from '../api/types';
import type { Confirmation } from './confirmation';
import { withoutStop } from './errorText';
import type { Localize } from './localize';

/** Wording of creating, deleting and adding to albums: confirmations and summaries. Pure. */

/** The message shown in the name box when a name breaks the rule the client enforces (§2.1). */
export function albumNameRule(t: Localize): string {
  return t('An album name has 1 to {0} characters.', Limits.albumNameMax);
}

/** The one confirmation of Delete Album: the album, its item count when known, the originals stay. */
export function deleteAlbumConfirmation(name: string, items: number | undefined, t: Localize): Confirmation {
  const count = items === undefined
    ? t('Its items could not be counted.')
    : items === 1 ? t('It holds 1 item.') : t('It holds {0} items.', items);
  return {
    message: t('Delete the album “{0}”?', name),
    detail: [count, t('The original files stay in your KooDrive; only the album is deleted. This cannot be undone.')].join(' '),
    button: t('Delete'),
  };
}

export interface AddTally {
  added: number;
  alreadyThere: number;
  failed: number;
  notAttempted: number;
}

/** The summary shown once at the end of Add to Album (and of a drop). */
export function addSummary(tally: AddTally, albumName: string, cancelled: boolean, reason: string | undefined, t: Localize): string {
  const parts: string[] = [];
  if (tally.failed === 0 && tally.notAttempted === 0) {
    parts.push(tally.added === 1 ? t('Added 1 item to “{0}”.', albumName) : t('Added {0} items to “{1}”.', tally.added, albumName));
  } else if (cancelled) {
    parts.push(t('Cancelled: {0} added to “{1}”, {2} not added.', tally.added, albumName, tally.failed + tally.notAttempted));
  } else {
    parts.push(t('{0} added to “{1}”, {2} not added.', tally.added, albumName, tally.failed + tally.notAttempted));
  }
  if (tally.alreadyThere > 0) {
    parts.push(tally.alreadyThere === 1 ? t('1 was already in it.') : t('{0} were already in it.', tally.alreadyThere));
  }
  if (reason && tally.failed > 0) {
    parts.push(t('Reason: {0}.', withoutStop(reason)));
  }
  return parts.join(' ');
}

export function addProgressText(done: number, total: number, t: Localize): string {
  return t('{0} of {1} added', done, total);
}

/** The summary of Undo: the removed items put back (an add, worded as restoring). */
export function restoreSummary(tally: AddTally, albumName: string, cancelled: boolean, reason: string | undefined, t: Localize): string {
  const restored = tally.added + tally.alreadyThere;
  const missing = tally.failed + tally.notAttempted;
  if (missing === 0) {
    return restored === 1 ? t('Restored 1 item to “{0}”.', albumName) : t('Restored {0} items to “{1}”.', restored, albumName);
  }
  if (cancelled) {
    return t('Cancelled: {0} restored to “{1}”, {2} not restored.', restored, albumName, missing);
  }
  return t('Restored {0} items to “{1}”; {2} could not be restored: {3}.', restored, albumName, missing, withoutStop(reason ?? t('not sent')));
}

export function restoreProgressText(done: number, total: number, t: Localize): string {
  return t('{0} of {1} restored', done, total);
}
