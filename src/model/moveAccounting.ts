import { withoutStop } from './errorText';
import type { Localize } from './localize';
import { safeText } from './safeText';

/**
 * The accounting of a move between manual albums: add to the target first, then remove from the
 * source exactly the items that are now in the target. Every item ends in one of three places,
 * and none is ever in neither album. Pure and unit-tested.
 */

/** A group of items that failed together, with the reason shown to the user. */
export interface FailedGroup {
  ids: string[];
  reason: string;
}

/** What adding to the target did. `alreadyThere` were in the target before (not sent). */
export interface AddStep {
  added: string[];
  alreadyThere: string[];
  failed: FailedGroup[];
  notAttempted: string[];
}

/** What removing from the source did; undefined when that step never ran (cancelled before it). */
export interface RemoveStep {
  removed: string[];
  failed: FailedGroup[];
  notAttempted: string[];
}

/** Where an item ended: moved; left in the source only; or in both albums (the removal did not happen). */
export type ItemFate =
  | { id: string; fate: 'moved' }
  | { id: string; fate: 'leftInSource'; reason: string }
  | { id: string; fate: 'inBoth'; reason: string };

export interface MoveAccount {
  fates: ItemFate[];
  moved: number;
  leftInSource: number;
  inBoth: number;
}

/** The ids to remove from the source after the add: those now in the target, and no others. */
export function removableAfterAdd(add: AddStep): string[] {
  return [...add.added, ...add.alreadyThere];
}

/**
 * Where each of `ids` (the items asked to move, in order, each once) ended up.
 * @param remove the removal step; undefined when it never ran (then items in the target are in both).
 */
export function accountMove(ids: string[], add: AddStep, remove: RemoveStep | undefined, t: Localize): MoveAccount {
  const inTarget = new Set(removableAfterAdd(add));
  const addFailure = reasons(add.failed);
  const notAdded = new Set(add.notAttempted);
  const removed = new Set(remove?.removed ?? []);
  const removeFailure = reasons(remove?.failed ?? []);
  const fates = [...new Set(ids)].map((id): ItemFate => {
    if (!inTarget.has(id)) {
      const reason = addFailure.get(id) ?? (notAdded.has(id) ? t('not added (stopped before it was sent)') : t('not added'));
      return { id, fate: 'leftInSource', reason };
    }
    if (removed.has(id)) {
      return { id, fate: 'moved' };
    }
    const reason = remove === undefined ? t('stopped before it was removed from the source') : (removeFailure.get(id) ?? t('not removed from the source (stopped before it was sent)'));
    return { id, fate: 'inBoth', reason };
  });
  const count = (fate: ItemFate['fate']): number => fates.filter((item) => item.fate === fate).length;
  return { fates, moved: count('moved'), leftInSource: count('leftInSource'), inBoth: count('inBoth') };
}

function reasons(groups: FailedGroup[]): Map<string, string> {
  return new Map(groups.flatMap((group) => group.ids.map((id) => [id, group.reason] as const)));
}

/** The first reason of an item that did not move, for the one-line summary. */
export function firstReason(account: MoveAccount): string | undefined {
  for (const item of account.fates) {
    if (item.fate !== 'moved') {
      return item.reason;
    }
  }
  return undefined;
}

/** The summary shown once at the end of a move. */
export function moveSummary(account: MoveAccount, source: string, target: string, t: Localize): string {
  const total = account.moved + account.leftInSource + account.inBoth;
  if (account.moved === total) {
    return total === 1
      ? t('Moved 1 item from “{0}” to “{1}”. The original file is kept.', source, target)
      : t('Moved {0} items from “{1}” to “{2}”. The original files are kept.', total, source, target);
  }
  const parts = [t('Moved {0} of {1} items from “{2}” to “{3}”.', account.moved, total, source, target)];
  if (account.leftInSource > 0) {
    parts.push(t('{0} left in “{1}”.', account.leftInSource, source));
  }
  if (account.inBoth > 0) {
    parts.push(t('{0} now in both albums.', account.inBoth));
  }
  const reason = firstReason(account);
  if (reason) {
    parts.push(t('Reason: {0}.', withoutStop(reason)));
  }
  return parts.join(' ');
}

/** A plain-text report of a move (no Markdown: no server text can become a link): every item by where it ended, with its reason. */
export function moveReport(account: MoveAccount, source: string, target: string, t: Localize): string {
  const lines = [t('Move from “{0}” to “{1}”', source, target), ''];
  const section = (title: string, fates: ItemFate[]): void => {
    if (fates.length === 0) {
      return;
    }
    lines.push(title, ...fates.map((item) => `  ${safeText(item.id, 120)}${item.fate === 'moved' ? '' : ` — ${item.reason}`}`), '');
  };
  section(t('Moved: {0}', account.moved), account.fates.filter((item) => item.fate === 'moved'));
  section(t('Left in “{0}”: {1}', source, account.leftInSource), account.fates.filter((item) => item.fate === 'leftInSource'));
  section(t('In both albums: {0}', account.inBoth), account.fates.filter((item) => item.fate === 'inBoth'));
  return lines.join('\n');
}
