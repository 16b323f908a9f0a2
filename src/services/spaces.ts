/**
 * The users' personal spaces (GetSpace, §5.4), read once per session per owner: the one lookup
 * behind the `containerId` that getFile and GetFullPath need (D14), creating a shared folder
 * needs, and the storage figures start from. Plain Node: unit-tested without VS Code.
 */
import type { CallOptions } from '../api/options';
import { requireContainer } from '../api/spaces';
import type { SpaceInfo } from '../api/types';

/** The part of the client spaces need. */
export interface SpacesClient {
  getSpace(ownerId: string, query?: { containerId?: string }, call?: CallOptions): Promise<SpaceInfo>;
}

export class Spaces {
  private readonly answers = new Map<string, Promise<SpaceInfo>>();
  /** Other owners whose space KooDrive would not give: not asked again this session. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly client: SpacesClient,
    /** The signed-in user's id (must not throw). */
    private readonly userId: () => string | undefined,
  ) {}

  /**
   * The space of `ownerId` (the signed-in user when undefined), asked once per session. A failure
   * is not remembered: the next caller asks again.
   * @throws KooDriveError from GetSpace; `configuration`-like errors when there is no user id.
   */
  space(ownerId?: string): Promise<SpaceInfo> {
    const owner = ownerId ?? this.userId() ?? '';
    let answer = this.answers.get(owner);
    if (!answer) {
      // Not tied to one caller's signal: the answer serves every row of this owner.
      answer = this.client.getSpace(owner);
      this.answers.set(owner, answer);
      answer.catch(() => {
        if (this.answers.get(owner) === answer) {
          this.answers.delete(owner);
        }
      });
    }
    return answer;
  }

  /** The signed-in user's own `containerId`. @throws KooDriveError when GetSpace fails or names none. */
  async ownContainer(): Promise<string> {
    const owner = this.userId() ?? '';
    return requireContainer(await this.space(owner), owner);
  }

  /**
   * The `containerId` of `ownerId`'s space for file lookups (D14): the user's own must answer (its
   * failure is thrown); another owner's may not be shared with the user, and is then undefined.
   */
  async container(ownerId: string | undefined): Promise<string | undefined> {
    const self = this.userId();
    const owner = ownerId ?? self;
    if (!owner || this.refused.has(owner)) {
      return undefined;
    }
    try {
      return requireContainer(await this.space(owner), owner);
    } catch (error) {
      if (owner === self) {
        throw error;
      }
      this.refused.add(owner);
      return undefined;
    }
  }

  /** Reads the user's own space afresh (Show Storage, the status bar) and keeps the answer. */
  refreshOwn(signal?: AbortSignal): Promise<SpaceInfo> {
    const owner = this.userId() ?? '';
    const answer = this.client.getSpace(owner, {}, { signal });
    this.answers.set(owner, answer);
    answer.catch(() => {
      if (this.answers.get(owner) === answer) {
        this.answers.delete(owner);
      }
    });
    return answer;
  }

  /** A new session: every space is asked afresh. */
  clear(): void {
    this.answers.clear();
    this.refused.clear();
  }
}
