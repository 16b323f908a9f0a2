import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { PeriodicProbe } from './paletteProbe';

/**
 * Is the workbench page itself answering? Every 0.5 s it evaluates `1` in the page and times the
 * round trip: when the palette probe is slow and this one is not, the time went to the extension
 * host; when both are slow, the renderer (the tree drawing its rows) was busy. Nothing on screen
 * changes, so it runs throughout, also while a step's prompt is open.
 */
export class PageProbe extends PeriodicProbe {
  constructor(
    private readonly page: Page,
    everyMs = 500,
  ) {
    super(everyMs, 1000);
  }

  protected async tick(): Promise<void> {
    const at = performance.now();
    const answered = await this.page.evaluate(() => 1).then(() => true, () => false);
    if (answered) {
      this.results.push({ at, ms: performance.now() - at });
    }
  }
}
