import * as vscode from 'vscode';
import { isKooDriveError, type KooDriveError } from '../api/errors';
import type { Accounts } from '../auth/accounts';
import { type Account, accountName } from '../model/accounts';
import type { Prompter } from '../ui/prompter';

const t = vscode.l10n.t;

/**
 * Turns a 401 into one "Sign In Again" message, however many requests failed at once, and
 * tells every caller whether the user signed in again, so each can resume where it stopped.
 * One per account (D23): a 401 marks only its own account expired, and signing in again renews
 * only that account, whichever is active by then.
 */
export class SessionRecovery {
  private pending: Promise<boolean> | undefined;
  /** What the user answered for each 401 already asked about: one failure is never asked about twice. */
  private readonly asked = new WeakMap<object, Promise<boolean>>();
  /** 401s that came back right after the user signed in again. */
  private readonly persisted = new WeakSet<object>();

  constructor(
    private readonly account: Account | undefined,
    private readonly accounts: Pick<Accounts, 'markExpired' | 'all'>,
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
    if (this.account) {
      this.accounts.markExpired(this.account);
    }
    const again = t('Sign In Again');
    // With several accounts, the message says which one expired.
    const message = this.account && this.accounts.all().length > 1
      ? t('Your KooDrive session has expired ({0}). Sign in again to continue where you left off.', accountName(this.account, t))
      : t('Your KooDrive session has expired. Sign in again to continue where you left off.');
    const choice = await this.prompter().notify('warning', message, again);
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
