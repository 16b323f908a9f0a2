import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';

/**
 * Is the extension host answering? Every ~1.5 s the probe opens the command palette, runs
 * "KooDrive: Sort Album Items…" (a quick pick the extension shows at once, without network) and
 * times Enter → the quick pick on screen, then closes it with Escape. That round trip crosses the
 * workbench, the server and the extension host's event loop, as any click on a KooDrive row does.
 */

export const PROBE_COMMAND = 'KooDrive: Sort Album Items…';
const PROBE_TITLE = 'Sort Album Items';

/** Serialises keyboard and mouse use between the probe and the steps (reading the DOM needs no turn). */
export class InputLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** One probe: when it started and how long the quick pick took; undefined when it never showed. */
export interface ProbeResult {
  at: number;
  ms: number | undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A probe that measures every `everyMs` until stopped, keeping what it measured with when. Each
 * kind says what one round (`tick`) measures.
 */
export abstract class PeriodicProbe {
  readonly results: ProbeResult[] = [];
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly everyMs: number,
    /** How long stop waits for a round still running (one waiting for a frozen page fails when the page closes). */
    private readonly stopWaitMs: number,
  ) {}

  start(): void {
    this.running = true;
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.race([this.loop, sleep(this.stopWaitMs)]);
    this.loop = undefined;
  }

  /** The rounds that started between `from` and `to`. */
  between(from: number, to: number): ProbeResult[] {
    return this.results.filter((result) => result.at >= from && result.at <= to);
  }

  /** One round; it pushes onto `results` what it measured. */
  protected abstract tick(): Promise<void>;

  private async run(): Promise<void> {
    while (this.running) {
      await sleep(this.everyMs);
      if (this.running) {
        await this.tick();
      }
    }
  }
}

/** What is on screen that the probe must not disturb or may close. */
async function prompts(page: Page): Promise<{ dialog: boolean; quickInput: boolean; title: string; value: string }> {
  return page.evaluate(() => {
    const visible = (element: Element | null): boolean => element instanceof HTMLElement && element.offsetParent !== null;
    const widget = document.querySelector('.quick-input-widget');
    return {
      dialog: visible(document.querySelector('.monaco-dialog-box')),
      quickInput: visible(widget),
      title: (widget?.querySelector('.quick-input-title')?.textContent ?? '').trim(),
      value: (widget?.querySelector('input.input') as HTMLInputElement | null)?.value ?? '',
    };
  });
}

/**
 * Closes a Sort Album Items pick left on screen by a probe that gave up (the command ran late).
 * Call it with the input lock held.
 */
export async function closeStrayProbe(page: Page): Promise<void> {
  const shown = await prompts(page);
  if (!shown.dialog && shown.quickInput && (shown.title.includes(PROBE_TITLE) || shown.value.startsWith(`>${PROBE_COMMAND}`))) {
    await page.keyboard.press('Escape');
  }
}

export class PaletteProbe extends PeriodicProbe {
  /** Why probes did not run, by reason, with when (for the report: a skipped probe measures nothing). */
  readonly skipped: { at: number; why: string }[] = [];
  /** Steps turn this off while a prompt of theirs may be open or about to open. */
  allowed = false;

  constructor(
    private readonly page: Page,
    private readonly lock: InputLock,
    /** The longest a probe waits for its quick pick (the step's time limit). */
    private readonly limitMs: number,
    everyMs = 1500,
  ) {
    super(everyMs, 2000);
  }

  /** Why probes between `from` and `to` did not measure: each reason with its count. */
  skippedBetween(from: number, to: number): string {
    const counts = new Map<string, number>();
    for (const { at, why } of this.skipped) {
      if (at >= from && at <= to) {
        counts.set(why, (counts.get(why) ?? 0) + 1);
      }
    }
    return [...counts].map(([why, count]) => `${count}× ${why}`).join('; ');
  }

  protected async tick(): Promise<void> {
    if (!this.allowed) {
      return;
    }
    const at = performance.now();
    try {
      const why = await this.lock.run(() => this.probeOnce());
      if (why) {
        this.skipped.push({ at, why });
      }
    } catch (error) {
      // the page is being reloaded or closed, or did not answer: try again next time
      this.skipped.push({ at, why: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    }
  }

  /** One probe; says why when it did not measure. */
  private async probeOnce(): Promise<string | undefined> {
    if (!this.allowed) {
      return undefined; // a step asked for quiet meanwhile: not a probe that failed
    }
    const before = await prompts(this.page);
    if (before.dialog || before.quickInput) {
      await closeStrayProbe(this.page);
      return before.dialog ? 'a modal was open' : `a quick input was open (${before.title || before.value || 'untitled'})`; // a step's prompt: leave it alone
    }
    const page = this.page;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${PROBE_COMMAND}`);
    const entry = page.locator('.quick-input-widget .quick-input-list [role="option"] .label-name').filter({ hasText: PROBE_COMMAND }).first();
    if (!(await entry.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
      await page.keyboard.press('Escape');
      return 'the palette did not list the command within 10 s';
    }
    const at = performance.now();
    await page.keyboard.press('Enter');
    // Shown, or a prompt of the step took the screen (then this probe says nothing).
    const outcome = await page.waitForFunction((title) => {
      const widget = document.querySelector('.quick-input-widget');
      // The palette's own title is blank (a space), not empty.
      const shownTitle = widget instanceof HTMLElement && widget.offsetParent !== null ? (widget.querySelector('.quick-input-title')?.textContent ?? '').trim() : '';
      if (shownTitle.includes(title)) {
        return 'shown';
      }
      const dialog = document.querySelector('.monaco-dialog-box');
      if (dialog instanceof HTMLElement && dialog.offsetParent !== null) {
        return 'other: a modal';
      }
      return shownTitle !== '' ? `other: ${shownTitle}` : false;
    }, PROBE_TITLE, { timeout: this.limitMs, polling: 'raf' }).then((handle) => handle.jsonValue(), () => 'timeout' as const);
    const ms = performance.now() - at;
    if (outcome === 'shown') {
      this.results.push({ at, ms });
      if (!(await prompts(page)).dialog) {
        await page.keyboard.press('Escape'); // never into a step's modal that just opened above it
      }
    } else if (outcome === 'timeout') {
      this.results.push({ at, ms: undefined });
      await closeStrayProbe(page);
    } else {
      return `a prompt of the step came first (${outcome})`;
    }
    return undefined;
  }
}
