import type { Locator } from 'playwright-core';
import { openWorkbench, runCommand, view } from '../e2e/workbench';
import { isFileName, itemLabels, readAlbum, revealAlbumRow } from './albumTree';
import { closeStrayProbe } from './paletteProbe';
import { LARGE, type Session, signIn } from './scaleSession';
import { now, readToasts, secs, type SizeResult, sleep, waitUntil } from './scaleResult';

/** Steps 1, 5 and 6 of the scale benchmark, and what keeps the workbench usable between steps. */

/** Step 1: expands the large album; times its first rows, then the names of the rows on screen. */
export async function firstRowsStep(s: Session, r: SizeResult, limitMs: number): Promise<void> {
  const { page } = s;
  const t0 = await s.lock.run(async () => {
    await closeStrayProbe(page);
    const row = await revealAlbumRow(page, LARGE);
    const at = now();
    await row.click();
    return at;
  });
  const deadline = t0 + limitMs;
  const first = await waitUntil(async () => itemLabels(await readAlbum(page, LARGE)).length > 0, deadline, 50);
  r.firstRows = secs(first, t0);
  if (first !== undefined) {
    const named = await waitUntil(async () => {
      const labels = itemLabels(await readAlbum(page, LARGE));
      return labels.length > 0 && labels.every(isFileName);
    }, deadline, 50);
    r.firstNames = secs(named, t0);
  }
}

/** The Albums view's "Clear Item Filter" title action (shown while a filter is set). */
function clearAction(s: Session): Locator {
  return view(s.page, 'Albums').locator('.pane-header .action-label[aria-label^="Clear Item Filter"]').first();
}

/**
 * Step 5: Clear Item Filter from the view's title; times until the album shows its own rows again
 * (its child count is no longer the filter's: a window of the listing holds fewer rows than the
 * matches of a long album, a list of every row more), then until their number stops changing
 * (3 s without change, or every item listed), and reads how many rows the tree then holds.
 */
export async function clearStep(s: Session, r: SizeResult, limitMs: number): Promise<void> {
  const { page, counter } = s;
  const header = view(page, 'Albums').locator('.pane-header').first();
  if (!(await header.innerText()).includes('Filter:')) {
    r.clear.skipped = 'no item filter was set';
    return;
  }
  const before = (await readAlbum(page, LARGE)).childCount ?? 0;
  const t0 = await s.lock.run(async () => {
    await closeStrayProbe(page);
    await header.hover();
    const action = clearAction(s);
    const visible = await action.waitFor({ timeout: 5000 }).then(() => true, () => false);
    const at = now();
    await (visible ? action.click() : runCommand(page, 'KooDrive: Clear Item Filter'));
    return at;
  });
  const deadline = t0 + limitMs;
  let count = before;
  let changedAt = t0;
  const back = await waitUntil(async () => {
    const album = await readAlbum(page, LARGE);
    if (!album.found) {
      await s.lock.run(() => revealAlbumRow(page, LARGE)); // the tree kept a scroll position past it
    }
    count = album.childCount ?? count;
    return count !== before;
  }, deadline);
  r.clear.backS = secs(back, t0);
  if (back !== undefined) {
    changedAt = back;
    const listed = Math.min(counter.listedItems, s.size);
    const settled = await waitUntil(async () => {
      const next = (await readAlbum(page, LARGE)).childCount ?? count;
      if (next !== count) {
        count = next;
        changedAt = now();
      }
      return count >= listed || now() - changedAt > 3000;
    }, deadline);
    r.clear.settledS = settled === undefined ? null : (Math.min(settled, changedAt) - t0) / 1000;
  }
  const album = await readAlbum(page, LARGE);
  r.clear.rows = album.childCount ?? count;
  r.clear.treeRows = album.treeRows;
  r.clear.rendered = album.renderedRows;
}

/**
 * Step 6: Remove All from Album… on the large album; times until the confirmation shows the
 * count, then cancels it: nothing is removed.
 */
export async function removeAllStep(s: Session, r: SizeResult, limitMs: number): Promise<void> {
  const { page } = s;
  s.probe.allowed = false; // its confirmation is a modal: the probe would wait behind it
  const item = page.getByRole('menuitem', { name: /^Remove All from Album/ }).first();
  const t0 = await s.lock.run(async () => {
    await closeStrayProbe(page);
    await (await revealAlbumRow(page, LARGE)).click({ button: 'right' });
    await item.waitFor();
    await page.waitForTimeout(300); // menu items ignore a click that comes too soon after they render
    const at = now();
    await item.click();
    await page.waitForTimeout(200);
    if (await item.isVisible()) {
      await item.click();
    }
    return at;
  });
  s.probe.allowed = true; // while it counts; the probe keeps away from a modal
  const dialog = page.locator('.monaco-dialog-box');
  let text = '';
  const shown = await waitUntil(async () => {
    text = (await dialog.isVisible()) ? await dialog.innerText() : '';
    return /Remove all [\d,]+ items/.test(text);
  }, t0 + limitMs);
  r.removeAll.countS = secs(shown, t0);
  r.removeAll.count = /Remove all ([\d,]+) items/.exec(text)?.[1];
  s.probe.allowed = false;
  await s.lock.run(async () => {
    if (shown !== undefined) {
      // A busy renderer may take long to take the click: as long as the step may.
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click({ timeout: limitMs });
      await dialog.waitFor({ state: 'hidden', timeout: limitMs });
    } else {
      // Still counting: cancel its progress so no confirmation comes later.
      const counting = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: /Counting the items/ }).first();
      await counting.getByRole('button', { name: /Cancel/ }).first().click({ timeout: 5000 }).catch(() => undefined);
    }
  });
}

/**
 * Between steps: closes a modal or prompt a step left open (Escape cancels them: nothing is
 * removed), and waits up to 5 s for toasts with running progress to end.
 */
export async function tidy(s: Session): Promise<void> {
  const { page } = s;
  await s.lock.run(async () => {
    for (let i = 0; i < 2; i++) {
      const open = await page.locator('.monaco-dialog-box, .quick-input-widget').filter({ visible: true }).count();
      if (open === 0) {
        break;
      }
      await page.keyboard.press('Escape');
      await sleep(300);
    }
  });
  await waitUntil(async () => !(await readToasts(page)).some((toast) => toast.progress), now() + 5000, 250);
}

/** Loads the workbench again (after a step broke it) and signs in if the session was lost. */
export async function reload(s: Session): Promise<void> {
  await s.lock.run(async () => {
    await openWorkbench(s.page, s.url);
    await signIn(s.page, s.owner);
  });
}
