import type { Locator, Page } from 'playwright-core';
import { treeItem, view } from '../e2e/workbench';

/**
 * Reading the Albums tree of the workbench from its DOM. The tree is virtual: only the rows on
 * screen exist, so counts come from what the tree announces to screen readers (a row's
 * `aria-setsize` is the number of children of its parent) and from the height of its row layer.
 */

/** What the tree shows of one album. */
export interface AlbumRows {
  /** The album's row is rendered (on screen). */
  found: boolean;
  expanded: boolean;
  /** How many children the tree holds for the album (its first child's aria-setsize), if a child is on screen. */
  childCount?: number;
  /** Labels of the album's children on screen, in order. */
  labels: string[];
  /** Rows the whole tree holds: the height of its row layer over the height of a row. */
  treeRows: number;
  /** Rows present in the DOM. */
  renderedRows: number;
}

/** A label that is a file name (the emulator's names all end in an extension; its file ids never hold a dot). */
export function isFileName(label: string): boolean {
  return /\.[A-Za-z0-9]{2,5}$/.test(label.trim());
}

/** Status rows the tree adds after an album's items. */
export function isStatusRow(label: string): boolean {
  return /^(Load more|Loading|No (loaded )?item|This album is empty)/.test(label.trim());
}

/** Reads one album of the Albums view (an album is at level 3: Personal › Manual › album). */
export async function readAlbum(page: Page, album: string): Promise<AlbumRows> {
  return page.evaluate((name) => {
    const pane = Array.from(document.querySelectorAll('.part.sidebar .pane')).find((each) => each.querySelector('.pane-header .title')?.textContent?.trim() === 'Albums');
    const rows = Array.from(pane?.querySelectorAll('.monaco-list-row[role="treeitem"]') ?? [])
      .map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        setSize: Number(row.getAttribute('aria-setsize')),
        expanded: row.getAttribute('aria-expanded') === 'true',
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        height: (row as HTMLElement).offsetHeight,
      }))
      .sort((a, b) => a.index - b.index);
    const layer = pane?.querySelector('.monaco-list-rows') as HTMLElement | null;
    const rowHeight = rows[0]?.height || 22;
    const treeRows = layer ? Math.round(parseFloat(layer.style.height || '0') / rowHeight) : 0;
    const at = rows.findIndex((row) => row.level === 3 && row.label === name);
    if (at < 0) {
      return { found: false, expanded: false, labels: [], treeRows, renderedRows: rows.length };
    }
    const labels: string[] = [];
    let childCount: number | undefined;
    for (let i = at + 1; i < rows.length && rows[i].level > 3 && rows[i].index === rows[at].index + (i - at); i++) {
      if (rows[i].level === 4) {
        childCount ??= rows[i].setSize;
        labels.push(rows[i].label);
      }
    }
    return { found: true, expanded: rows[at].expanded, childCount, labels, treeRows, renderedRows: rows.length };
  }, album);
}

/** The item labels of an album on screen, without status rows. */
export function itemLabels(rows: AlbumRows): string[] {
  return rows.labels.filter((label) => !isStatusRow(label));
}

/**
 * Brings an album's row on screen and returns it: the tree scrolls to its top (Home in the
 * focused list; the albums come before any album's items), then down a page at a time.
 * @throws when the row cannot be found.
 */
export async function revealAlbumRow(page: Page, album: string): Promise<Locator> {
  const albums = view(page, 'Albums');
  const row = treeItem(albums, album);
  if ((await readAlbum(page, album)).found && (await row.isVisible())) {
    return row;
  }
  const list = albums.locator('.monaco-list').first();
  await list.focus();
  await page.keyboard.press('Home');
  for (let turn = 0; turn < 40; turn++) {
    await page.waitForTimeout(150);
    if ((await readAlbum(page, album)).found && (await row.isVisible())) {
      return row;
    }
    await page.keyboard.press('PageDown');
  }
  throw new Error(`the album row "${album}" is not in the Albums tree`);
}
