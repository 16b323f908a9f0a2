import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { ProbeResult } from './paletteProbe';

/**
 * Is the workbench page itself answering? Every 0.5 s it evaluates `1` in the page and times the
 * round trip: when the palette probe is slow and this one is not, the time went to the extension
 * host; when both are slow, the renderer (the tree drawing its rows) was busy. Nothing on screen
 * changes, so it runs throughout, also while a step's prompt is open.
 */
export class PageProbe {
  readonly results: ProbeResult[] = [];
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly page: Page,
    private readonly everyMs = 500,
  ) {}

  start(): void {
    this.running = true;
    this.loop ??= this.run();
  }

  /** Stops; a round trip still waiting for a frozen page is left to fail when the page closes. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.race([this.loop, new Promise((resolve) => setTimeout(resolve, 1000))]);
    this.loop = undefined;
  }

  /** The round trips that started between `from` and `to`. */
  between(from: number, to: number): ProbeResult[] {
    return this.results.filter((result) => result.at >= from && result.at <= to);
  }

  private async run(): Promise<void> {
    while (this.running) {
      await new Promise((resolve) => setTimeout(resolve, this.everyMs));
      const at = performance.now();
      const answered = await this.page.evaluate(() => 1).then(() => true, () => false);
      if (answered) {
        this.results.push({ at, ms: performance.now() - at });
      }
    }
  }
}
