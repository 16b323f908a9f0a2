import * as vscode from 'vscode';
import { SecretKey } from '../constants';
import type { SessionState } from './state';

/**
 * The only module that touches SecretStorage. It knows whether a token is stored, hands it to the
 * client per request, and keeps windows in step through `secrets.onDidChange`. A 401 marks the
 * session expired until a new token is stored.
 */
export class Session implements vscode.Disposable {
  private hasToken = false;
  private expired = false;
  private announced: SessionState | undefined;
  private readonly changes = new vscode.EventEmitter<SessionState>();
  /** Fires when {@link state} changes (sign-in, sign-out, expiry, another window, the user id setting). */
  readonly onDidChange = this.changes.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** Must not throw: an unusable setting counts as no user id. */
    private readonly userId: () => string | undefined,
  ) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key === SecretKey.accessToken) {
        await this.reload();
      }
    });
  }

  /** Reads whether a token is stored (not the token itself). */
  async reload(): Promise<void> {
    const present = Boolean(await this.secrets.get(SecretKey.accessToken));
    if (present !== this.hasToken) {
      this.hasToken = present;
      this.expired = false;
    }
    this.announce();
  }

  /** Tells listeners about the state once per change, however many events led to it. */
  private announce(): void {
    const state = this.state;
    if (state !== this.announced) {
      this.announced = state;
      this.changes.fire(state);
    }
  }

  get state(): SessionState {
    if (!this.hasToken || !this.userId()) {
      return 'signedOut';
    }
    return this.expired ? 'expired' : 'signedIn';
  }

  /** For the client's `getToken`: read per request, never kept on an object. */
  readonly getToken = async (): Promise<string | undefined> => (await this.secrets.get(SecretKey.accessToken)) || undefined;

  async store(token: string): Promise<void> {
    await this.secrets.store(SecretKey.accessToken, token);
    this.hasToken = true;
    this.expired = false;
    this.announce();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SecretKey.accessToken);
    this.hasToken = false;
    this.expired = false;
    this.announce();
  }

  /** KooDrive answered 401: stop trusting what the trees show until the user signs in again. */
  markExpired(): void {
    if (this.state === 'signedIn') {
      this.expired = true;
      this.announce();
    }
  }

  /** Settings changed (e.g. the user id was cleared): the state may have changed with them. */
  settingsChanged(): void {
    this.announce();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }
}
