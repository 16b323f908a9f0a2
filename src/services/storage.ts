import * as vscode from 'vscode';
import type { KooDriveClient } from '../api/client';
import { KooDriveError } from '../api/errors';
import type { SpaceInfo, UserSpaceQuota } from '../api/types';
import { isUsableId } from '../api/validate';
import type { Log } from '../log';
import { errorReason } from '../model/errorText';
import { storageFacts, storageSummary } from '../model/storage';

const t = vscode.l10n.t;

/** The user's storage as read: the one-line summary (undefined when nothing is known) and the raw answers. */
export interface StorageReading {
  summary: string | undefined;
  space: SpaceInfo;
  usage: UserSpaceQuota | undefined;
}

/**
 * The signed-in user's personal space (GetSpace, §5.4): its `containerId`, which creating a
 * shared folder needs, read once per session; and their storage for the status bar and Show
 * Storage, read after sign-in and on Refresh, never blocking anything.
 */
export class Storage implements vscode.Disposable {
  private space: Promise<SpaceInfo> | undefined;
  private reading: Promise<void> | undefined;
  private readonly changes = new vscode.EventEmitter<string | undefined>();
  /** Fires with the storage summary after each background reading; undefined when cleared. */
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly client: KooDriveClient,
    private readonly userId: () => string | undefined,
    private readonly log: Log,
  ) {}

  /**
   * The personal space's id (`data.containerId`), asked once per session.
   * @throws KooDriveError when GetSpace fails, or `badResponse` when it names no container.
   */
  async containerId(): Promise<string> {
    const space = await this.personalSpace();
    if (!isUsableId(space.containerId)) {
      throw new KooDriveError({ kind: 'badResponse', method: 'GET', path: '/koodrive/ose/v1/space/{ownerId}', detail: 'GetSpace named no containerId' });
    }
    return space.containerId;
  }

  private personalSpace(signal?: AbortSignal): Promise<SpaceInfo> {
    this.space ??= this.client.getSpace(this.userId() ?? '', {}, { signal }).catch((error: unknown) => {
      this.space = undefined; // a failure is not remembered: the next caller asks again
      throw error;
    });
    return this.space;
  }

  /**
   * Reads the storage afresh: GetSpace, and GetSpaceUsageByUser where it answers (a failure
   * there only leaves its numbers out).
   * @throws KooDriveError when GetSpace fails.
   */
  async read(signal?: AbortSignal): Promise<StorageReading> {
    this.space = undefined;
    const space = await this.personalSpace(signal);
    const usage = await this.usage(signal);
    return { summary: storageSummary(storageFacts(space, usage), t), space, usage };
  }

  private async usage(signal?: AbortSignal): Promise<UserSpaceQuota | undefined> {
    const userId = this.userId();
    if (!userId) {
      return undefined;
    }
    try {
      const entries = await this.client.getSpaceUsageByUser([userId], { signal });
      return entries.find((entry) => entry.userId === userId) ?? entries[0];
    } catch (error) {
      this.log.warn(`GetSpaceUsageByUser did not answer: ${errorReason(error, t)}`);
      return undefined;
    }
  }

  /** Reads in the background for the status bar; a failure is logged, never shown. */
  refresh(): void {
    const reading: Promise<void> = this.read()
      .then(
        (result) => this.changes.fire(result.summary),
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

  /** Forgets everything (the session changed). */
  clear(): void {
    this.space = undefined;
    this.changes.fire(undefined);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
