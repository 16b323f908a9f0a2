import type { Page } from 'playwright-core';
import { answerInputBox, contextMenu, runCommand } from '../e2e/workbench';
import { isFileName, isStatusRow, itemLabels, readAlbum, revealAlbumRow } from './albumTree';
import { closeStrayProbe } from './paletteProbe';
import { FILTER, LARGE, OTHER, type Session } from './scaleSession';
import { now, readToasts, secs, type SizeResult, sleep, waitUntil, windowMatches } from './scaleResult';

/**
 * Steps 2 to 4 of the scale benchmark: Filter Items… over the whole large album, with the
 * progress it shows, and another album opened while its lookups run.
 */

/** Waiting for the matches to change, this long after the last lookup, means they will not. */
export const SETTLE_MS = 15_000;

/**
 * A question the extension may ask before thousands of lookups (a modal or a quick pick with a
 * "Look Up All" choice): choose it, and say what was asked. Needs no input turn: a modal or the
 * product's pick sits above the probe's palette, and a click reaches it.
 */
async function answerLookUpAll(page: Page): Promise<string | undefined> {
  const dialog = page.locator('.monaco-dialog-box');
  if (await dialog.isVisible()) {
    const button = dialog.getByRole('button', { name: /look up all/i }).first();
    if (await button.isVisible()) {
      const text = (await dialog.innerText()).replace(/\s+/g, ' ').trim();
      await button.click();
      return `modal: ${text}`;
    }
  }
  const option = page.locator('.quick-input-widget .quick-input-list [role="option"]').filter({ hasText: /look up all/i }).first();
  if (await option.isVisible()) {
    const text = (await page.locator('.quick-input-widget').innerText()).replace(/\s+/g, ' ').trim();
    await option.click();
    return `quick pick: ${text}`;
  }
  return undefined;
}

/** Step 4: expands the other album and times its rows' names (and its lookups at the emulator). */
async function openOtherAlbum(s: Session, r: SizeResult, filterStart: number, limitMs: number): Promise<void> {
  const { page, counter } = s;
  const t0 = await s.lock.run(async () => {
    await closeStrayProbe(page);
    const row = await revealAlbumRow(page, OTHER);
    const at = now();
    await row.click();
    return at;
  });
  r.other.startedS = (t0 - filterStart) / 1000;
  r.other.outstanding = Math.max(0, Math.min(counter.listedItems, s.size) - counter.largeLookedUp.size);
  const wanted = counter.otherCount;
  const named = await waitUntil(async () => {
    const labels = itemLabels(await readAlbum(page, OTHER));
    return labels.length >= wanted && labels.every(isFileName);
  }, t0 + limitMs);
  r.other.namesS = secs(named, t0);
  r.other.lookupsS = counter.otherAllAt !== undefined && counter.otherAllAt >= t0 ? (counter.otherAllAt - t0) / 1000 : null;
}

/**
 * Step 2 (with 3 and 4): Filter Items… on the large album with a name filter, over the whole
 * album; then watches, until all is done or the limit: the listing pages and getFile lookups at
 * the emulator, the matches in the tree, and the filter's progress notification. Once the listing
 * is read (or after 10 s), while lookups still run, step 4 expands the other album.
 */
export async function filterStep(s: Session, r: SizeResult, limitMs: number): Promise<void> {
  const { page, counter } = s;
  const f = r.filter;
  s.probe.allowed = false; // the filter's own prompts come next
  await s.lock.run(async () => {
    await closeStrayProbe(page);
    await runCommand(page, 'Notifications: Clear All Notifications');
    const row = await revealAlbumRow(page, LARGE);
    await contextMenu(page, row, 'Filter Items…');
    await answerInputBox(page, FILTER, /Show the items whose name contains/);
  });
  const whole = page.locator('.quick-input-widget .quick-input-list [role="option"]').filter({ hasText: 'The whole album' }).first();
  await whole.waitFor({ timeout: 60_000 });
  const before = { lookups: counter.lookups, list: counter.listRequests };
  const t0 = now();
  await whole.click();
  const deadline = t0 + limitMs;
  let other: Promise<void> | undefined;
  let lastCount: number | undefined;
  let changedAt = t0;
  let firstMatch: number | undefined;
  let allMatches: number | undefined;
  let progressShown = false;
  const needle = FILTER.toLowerCase();

  while (now() < deadline) {
    await sleep(200);
    const at = now();
    f.question ??= await answerLookUpAll(page).catch(() => undefined);
    // Probing again once a question, if any, has had time to come (or was answered).
    s.probe.allowed = f.question !== undefined || at - t0 > 3000;

    const album = await readAlbum(page, LARGE).catch(() => undefined);
    if (album?.childCount !== undefined) {
      // The last child is "Load more…" until the listing is read, or a message when nothing matches.
      const status = album.labels.some(isStatusRow) || counter.listCoveredAt === undefined ? 1 : 0;
      const count = album.childCount - status;
      if (count !== lastCount) {
        lastCount = count;
        changedAt = at;
        f.timeline.push([(at - t0) / 1000, count]);
      }
      if (firstMatch === undefined && album.labels.some((label) => label.toLowerCase().includes(needle))) {
        firstMatch = at;
      }
      // The window full: every match, or the first 2,000 and the "Next matches…" row after them.
      const full = windowMatches(f.expected) + (f.expected > windowMatches(f.expected) ? 1 : 0);
      if (allMatches === undefined && count >= full) {
        allMatches = at;
      }
    }
    const progress = (await readToasts(page).catch(() => [])).find((toast) => toast.progress);
    progressShown = progress !== undefined;
    if (progress) {
      f.progressFromS ??= (at - t0) / 1000;
      f.progressUntilS = (at - t0) / 1000;
      f.progressText = progress.text.replace(/\s+/g, ' ').trim();
    }

    const lookupsDone = counter.largeAllAt !== undefined;
    if (!other && !lookupsDone && (counter.listCoveredAt !== undefined || at - t0 > 10_000)) {
      other = openOtherAlbum(s, r, t0, limitMs).catch((error: unknown) => {
        r.notes.push(`step 4 failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    if (counter.listCoveredAt !== undefined && lookupsDone && !progressShown) {
      if (allMatches !== undefined) {
        break;
      }
      if (at - Math.max(changedAt, counter.largeAllAt ?? 0) > SETTLE_MS) {
        f.matchesStuck = true; // every lookup answered, and the tree no longer changes
        break;
      }
    }
  }
  await other;

  f.pagesS = counter.listCoveredAt !== undefined && counter.listCoveredAt <= deadline ? (counter.listCoveredAt - t0) / 1000 : null;
  f.pageRequests = counter.listRequests - before.list;
  f.lookups = counter.lookups - before.lookups;
  f.lookedUp = counter.largeLookedUp.size;
  f.lookupsS = counter.largeAllAt !== undefined && counter.largeAllAt <= deadline ? (counter.largeAllAt - t0) / 1000 : null;
  f.lastLookupS = counter.lastLargeLookupAt !== undefined ? (counter.lastLargeLookupAt - t0) / 1000 : undefined;
  f.firstMatchS = secs(firstMatch, t0);
  f.matchesS = secs(allMatches, t0);
  f.matchesShown = lastCount;
  f.progressAtEnd = progressShown;
  if (!other) {
    r.notes.push('step 4 did not run: the lookups were over before the listing was read');
  }
}
