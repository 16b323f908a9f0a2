/**
 * The emulator's internal records. They hold what the wire shows and a little more (tokens,
 * memberships); the route modules turn them into the wire types of `src/api/types.ts`.
 */
import type { AlbumContents } from './albumContents';

/** A KooDrive account. Only users with a token can call the API. */
export interface User {
  userId: string;
  token?: string;
  role?: 'owner' | 'member' | 'outsider';
  name: string;
  firstname: string;
  surname: string;
  /** Full mobile number, international prefix first, e.g. `0027821234567`. */
  mobile: string;
  email: string;
  /** Personal space id (GetSpace `containerId`). */
  containerId: string;
  bizRootFileId: string;
  bizSboxFileId: string;
  /** GetUser `id`: the third-party user id. */
  thirdPartyId: string;
  /** The personal space's quota and use (GetSpace, GetSpaceUsageByUser). */
  space: SpaceQuota;
}

/** A personal space's size. Units are the emulator's choice where the reference leaves them open. */
export interface SpaceQuota {
  /** Quota in GB. */
  quotaGb: number;
  /** Used, in KB: a seed figure, not the sum of the emulated files. */
  usedKb: number;
  /** When the space was created and its quota took effect (ms). */
  since: number;
}

export interface Album {
  id: string;
  /** Creator; only the creator may rename or delete the album. */
  ownerId: string;
  albumKind: 1 | 2;
  albumType: 1 | 2;
  /** Manual albums only. */
  name?: string;
  /** Family albums only. */
  groupId?: string;
  /** Collection albums only. */
  scopeDir?: string[];
  scopeParentFolderId?: string;
  scopeKind?: string;
  coverImageUrl?: string;
  createTime: number;
  contents: AlbumContents;
}

export interface Membership {
  userId: string;
  /** 1 owner of the shared folder, 2 member (MemberInfo.role; the pages leave values open). */
  role: 1 | 2;
  joinTime: number;
}

/** The user group behind one family shared folder. */
export interface Group {
  /** Larger than 2^53; kept as a string (D8). */
  groupId: string;
  folderId: string;
  members: Map<string, Membership>;
}

export interface ShareFolderRecord {
  id: string;
  name: string;
  ownerId: string;
  groupId: string;
  containerId: string;
  shareFolderFileId: string;
  tenantId: string;
  createTime: number;
  /** 0 normal, 1 deleted. */
  status: 0 | 1;
  maxMember: number;
}

export interface Invite {
  inviteId: string;
  groupId: string;
  inviterId: string;
  inviteeMobile: string;
  createTime: number;
  expireTime: number;
  /** 0 pending, 1 accepted, 2 rejected. */
  status: 0 | 1 | 2;
}
