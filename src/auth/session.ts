import * as vscode from 'vscode';
import { SecretKey } from '../constants';
import type { SessionState } from '../tree/node';

/**
 * The only module that touches SecretStorage. It knows whether a token is stored, hands it to the
 * client per request, and keeps windows in step through `secrets.onDidChange`. A 401 marks the
 * session expired until a new token is stored.
 */
export class Session implements vscode.Disposable {
  private hasToken = false;
  private expired = false;
  private readonly changes = new vscode.EventEmitter<SessionState>();
  /** Fires whenever {@link state} may have changed (sign-in, sign-out, expiry, another window). */
  readonly onDidChange = this.changes.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
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
    if (present !== this.hasToken || (present && this.expired)) {
      this.hasToken = present;
      this.expired = false;
    }
    this.changes.fire(this.state);
  }

  get state(): SessionState {
    if (!this.hasToken || !this.safeUserId()) {
      return 'signedOut';
    }
    return this.expired ? 'expired' : 'signedIn';
  }

  private safeUserId(): string | undefined {
    try {
      return this.userId();
    } catch {
      return undefined;
    }
  }

  /** For the client's `getToken`: read per request, never kept on an object. */
  readonly getToken = async (): Promise<string | undefined> => (await this.secrets.get(SecretKey.accessToken)) || undefined;

  async store(token: string): Promise<void> {
    await this.secrets.store(SecretKey.accessToken, token);
    this.hasToken = true;
    this.expired = false;
    this.changes.fire(this.state);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SecretKey.accessToken);
    this.hasToken = false;
    this.expired = false;
    this.changes.fire(this.state);
  }

  /** KooDrive answered 401: stop trusting what the trees show until the user signs in again. */
  markExpired(): void {
    if (this.state === 'signedIn') {
      this.expired = true;
      this.changes.fire(this.state);
    }
  }

  /** Settings changed (e.g. the user id): re-announce the state. */
  settingsChanged(): void {
    this.changes.fire(this.state);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }
}
