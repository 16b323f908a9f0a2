import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';

/**
 * What one size of the scale benchmark found, and the small helpers its steps share. A time is
 * in seconds from the start of its step; `null` means "not within the step's limit", `undefined`
 * "not measured" (a step before it failed).
 */
export type Seconds = number | null | undefined;

/** A step's span, for the memory and responsiveness figures of that step. */
export interface StepWindow {
  name: string;
  from: number;
  to: number;
}

export interface SizeResult {
  size: number;
  limitS: number;
  baselineMb?: number;
  windows: StepWindow[];
  notes: string[];
  firstRows: Seconds;
  firstNames: Seconds;
  filter: {
    /** The question asked before the lookups, if one was ("modal: …" or "quick pick: …"). */
    question?: string;
    pagesS: Seconds;
    pageRequests: number;
    lookupsS: Seconds;
    lookups: number;
    /** Distinct items of the large album looked up by the end of the step. */
    lookedUp: number;
    lastLookupS?: number;
    firstMatchS: Seconds;
    matchesS: Seconds;
    matchesShown?: number;
    /** The count stopped short of all matches and did not change for 15 s after the last lookup. */
    matchesStuck?: boolean;
    /** When the number of matches in the tree changed: [seconds, count]. */
    timeline: [number, number][];
    expected: number;
    progressFromS?: number;
    progressUntilS?: number;
    progressText?: string;
    /** The progress notification was still on screen when the step ended. */
    progressAtEnd?: boolean;
  };
  other: { namesS: Seconds; lookupsS: Seconds; startedS?: number; outstanding?: number };
  clear: { backS: Seconds; settledS: Seconds; rows?: number; treeRows?: number; rendered?: number; skipped?: string };
  removeAll: { countS: Seconds; count?: string };
}

/** A fresh result for one size. */
/** The most matches an album shows at once (the tree's window, src/tree/albumNodes.ts); a "Next matches…" row follows when there are more. */
export const WINDOW_ROWS = 2000;

/** The matches the album's window holds once every match is known. */
export function windowMatches(expected: number): number {
  return Math.min(expected, WINDOW_ROWS);
}

export function newResult(size: number, limitS: number, expected: number): SizeResult {
  return {
    size,
    limitS,
    windows: [],
    notes: [],
    firstRows: undefined,
    firstNames: undefined,
    filter: { pagesS: undefined, pageRequests: 0, lookupsS: undefined, lookups: 0, lookedUp: 0, firstMatchS: undefined, matchesS: undefined, timeline: [], expected },
    other: { namesS: undefined, lookupsS: undefined },
    clear: { backS: undefined, settledS: undefined },
    removeAll: { countS: undefined },
  };
}

export const now = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds from `start` to `at`, or null when `at` never came. */
export function secs(at: number | undefined, start: number): number | null {
  return at === undefined ? null : (at - start) / 1000;
}

/**
 * Polls `check` every `everyMs` until it holds or `deadline` (performance.now()) passes; returns
 * when it first held, or undefined.
 */
export async function waitUntil(check: () => Promise<boolean>, deadline: number, everyMs = 150): Promise<number | undefined> {
  for (;;) {
    const at = now();
    if (await check().catch(() => false)) {
      return at;
    }
    if (at > deadline) {
      return undefined;
    }
    await sleep(everyMs);
  }
}

/** The notification toasts on screen, and whether each shows a running progress bar. */
export async function readToasts(page: Page): Promise<{ text: string; progress: boolean }[]> {
  return page.evaluate(() => {
    const visible = (element: Element | null | undefined): boolean => element instanceof HTMLElement && element.offsetParent !== null;
    return Array.from(document.querySelectorAll('.notifications-toasts .notification-list-item')).filter(visible).map((item) => {
      // The bar is drawn beside the item, in the same list row.
      const bar = item.parentElement?.querySelector('.monaco-progress-container') ?? item.querySelector('.monaco-progress-container');
      return {
        text: item.querySelector('.notification-list-item-message')?.textContent ?? '',
        progress: visible(bar) && !bar?.classList.contains('done'),
      };
    });
  });
}
