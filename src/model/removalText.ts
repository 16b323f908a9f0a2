import type { Confirmation } from './confirmation';
import type { Localize } from './localize';

/** Wording of the album-content removal: one confirmation, one summary. Pure and unit-tested. */

export function removeConfirmation(count: number, albumName: string, t: Localize): Confirmation {
  return {
    message: count === 1
      ? t('Remove 1 item from the album “{0}”?', albumName)
      : t('Remove {0} items from the album “{1}”?', count, albumName),
    detail: t('The original files stay in your KooDrive; only their place in this album is removed. You can undo this from the summary.'),
    button: t('Remove'),
  };
}

export interface RemovalTally {
  removed: number;
  failed: number;
  notAttempted: number;
}

/** The summary shown once at the end. */
export function removalSummary(tally: RemovalTally, albumName: string, cancelled: boolean, t: Localize): string {
  if (tally.failed === 0 && tally.notAttempted === 0) {
    return tally.removed === 1
      ? t('Removed 1 item from “{0}”. The original file is kept.', albumName)
      : t('Removed {0} items from “{1}”. The original files are kept.', tally.removed, albumName);
  }
  if (cancelled) {
    return t('Cancelled: {0} removed from “{1}”, {2} not removed.', tally.removed, albumName, tally.failed + tally.notAttempted);
  }
  return t('{0} removed, {1} failed (album “{2}”).', tally.removed, tally.failed + tally.notAttempted, albumName);
}

export function progressText(done: number, total: number, t: Localize): string {
  return t('{0} of {1} removed', done, total);
}

/** The one confirmation when the selection spans several albums. */
export function removeConfirmationMany(count: number, albumNames: string[], t: Localize): Confirmation {
  const shown = albumNames.slice(0, 3).map((name) => `“${name}”`).join(', ');
  const names = albumNames.length > 3 ? t('{0} and {1} more', shown, albumNames.length - 3) : shown;
  return {
    message: t('Remove {0} items from {1} albums ({2})?', count, albumNames.length, names),
    detail: t('The original files stay in your KooDrive; only their place in these albums is removed. You can undo this from the summary.'),
    button: t('Remove'),
  };
}
