/**
 * Follow-ups that outlive the command that started them (a summary's Undo, Retry Failed…).
 * They run through the same error boundary, and tests can wait until none is left.
 */
export class Background {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly guard: (name: string, work: () => Promise<void>) => Promise<void>) {}

  run(name: string, work: () => Promise<void>): void {
    const task = this.guard(name, work).finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves once every follow-up, including ones started meanwhile, has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }
}
