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
  /** 401s this class already dealt with: the user declined to sign in, or it persisted after. */
  private readonly handled = new WeakMap<object, 'declined' | 'persisted'>();

  constructor(
    private readonly session: Session,
    private readonly prompter: () => Prompter,
    private readonly signIn: () => Promise<boolean>,
  ) {}

  recover(): Promise<boolean> {
    this.pending ??= this.ask().finally(() => {
      this.pending = undefined;
    });
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
      if (!(await this.recover())) {
        this.handled.set(error, 'declined');
        throw error;
      }
      try {
        return await call();
      } catch (again) {
        if (isKooDriveError(again) && again.kind === 'sessionExpired') {
          this.handled.set(again, 'persisted');
        }
        throw again;
      }
    }
  }

  /** Whether a 401 already went through {@link call}, and how it ended; undefined if it did not. */
  outcome(error: KooDriveError): 'declined' | 'persisted' | undefined {
    return this.handled.get(error);
  }
}
