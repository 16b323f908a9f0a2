import * as vscode from 'vscode';
import type { SpaceInfo, UserSpaceQuota } from '../api/types';
import type { Log } from '../log';
import { errorReason } from '../model/errorText';
import { quotaFacts, quotaSummary } from '../model/quota';
import type { AccountScope } from './accountScope';

const t = vscode.l10n.t;

/** The user's storage quota as read: the one-line summary (undefined when nothing is known) and the raw answers. */
export interface QuotaReading {
  summary: string | undefined;
  space: SpaceInfo;
  usage: UserSpaceQuota | undefined;
}

/**
 * How much of their KooDrive storage the signed-in user uses (GetSpace §5.4, through
 * {@link Spaces}, and GetSpaceUsageByUser §5.6), for the status bar and Show Storage: read after
 * sign-in and on Refresh, in the background, never blocking anything.
 */
export class Quota implements vscode.Disposable {
  private reading: Promise<void> | undefined;
  private readonly changes = new vscode.EventEmitter<string | undefined>();
  /** Fires with the summary after each background reading; undefined when cleared. */
  readonly onDidChange = this.changes.event;

  constructor(
    /** The active account's client and spaces. */
    private readonly scope: () => Pick<AccountScope, 'client' | 'spaces' | 'account'>,
    private readonly log: Log,
  ) {}

  /**
   * Reads the quota afresh: GetSpace, and GetSpaceUsageByUser where it answers (a failure there
   * only leaves its numbers out).
   * @throws KooDriveError when GetSpace fails.
   */
  async read(signal?: AbortSignal): Promise<QuotaReading> {
    const scope = this.scope(); // one account for both answers
    const space = await scope.spaces.refreshOwn(signal);
    const usage = await this.usage(scope, signal);
    return { summary: quotaSummary(quotaFacts(space, usage), t), space, usage };
  }

  private async usage(scope: Pick<AccountScope, 'client' | 'account'>, signal?: AbortSignal): Promise<UserSpaceQuota | undefined> {
    const userId = scope.account?.userId;
    if (!userId) {
      return undefined;
    }
    try {
      const entries = await scope.client.getSpaceUsageByUser([userId], { signal });
      return entries.find((entry) => entry.userId === userId) ?? entries[0];
    } catch (error) {
      this.log.warn(`GetSpaceUsageByUser did not answer: ${errorReason(error, t)}`);
      return undefined;
    }
  }

  /** Reads in the background for the status bar; a failure is logged, never shown. */
  refresh(): void {
    const account = this.scope().account;
    const reading: Promise<void> = this.read()
      .then(
        // A reading of an account no longer active is not shown.
        (result) => {
          if (this.scope().account === account) {
            this.changes.fire(result.summary);
          }
        },
        (error: unknown) => this.log.warn(`Could not read the storage: ${errorReason(error, t)}`),
      )
      .finally(() => {
        if (this.reading === reading) {
          this.reading = undefined;
        }
      });
    this.reading = reading;
  }

  /** Resolves once no background reading is in flight (tests wait for it before counting requests). */
  async settled(): Promise<void> {
    while (this.reading) {
      await this.reading;
    }
  }

  /** Forgets the summary (the session changed). */
  clear(): void {
    this.changes.fire(undefined);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
