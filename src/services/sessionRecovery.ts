import * as vscode from 'vscode';
import { isKooDriveError, type KooDriveError } from '../api/errors';
import type { Session } from '../auth/session';
import type { Prompter } from '../ui/prompter';

const t = vscode.l10n.t;

/**
 * Turns a 401 into one "Sign In Again" message, however many requests failed at once, and
 * tells every caller whether the user signed in again, so each can resume where it stopped.
 */
export class SessionRecovery {
  private pending: Promise<boolean> | undefined;
  /** What the user answered for each 401 already asked about: one failure is never asked about twice. */
  private readonly asked = new WeakMap<object, Promise<boolean>>();
  /** 401s that came back right after the user signed in again. */
  private readonly persisted = new WeakSet<object>();

  constructor(
    private readonly session: Session,
    private readonly prompter: () => Prompter,
    private readonly signIn: () => Promise<boolean>,
  ) {}

  /**
   * Asks once to sign in again (however many callers ask at the same time) and resolves true
   * when the user did. With `cause`, a failure already asked about gets the same answer again
   * instead of a second question (a tree, a picker and the error boundary may all meet it).
   */
  recover(cause?: KooDriveError): Promise<boolean> {
    const known = cause ? this.asked.get(cause) : undefined;
    if (known) {
      return known;
    }
    this.pending ??= this.ask().finally(() => {
      this.pending = undefined;
    });
    if (cause) {
      this.asked.set(cause, this.pending);
    }
    return this.pending;
  }

  private async ask(): Promise<boolean> {
    this.session.markExpired();
    const again = t('Sign In Again');
    const choice = await this.prompter().notify('warning', t('Your KooDrive session has expired. Sign in again to continue where you left off.'), again);
    return choice === again ? this.signIn() : false;
  }

  /** Runs `call`; on a 401, asks to sign in again and then runs it once more. */
  async call<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!isKooDriveError(error) || error.kind !== 'sessionExpired') {
        throw error;
      }
      if (!(await this.recover(error))) {
        throw error;
      }
      try {
        return await call();
      } catch (again) {
        if (isKooDriveError(again) && again.kind === 'sessionExpired') {
          this.persisted.add(again);
        }
        throw again;
      }
    }
  }

  /** True for a 401 that came back right after the user signed in again: it is reported, not asked about. */
  persistedAfterSignIn(error: KooDriveError): boolean {
    return this.persisted.has(error);
  }
}
