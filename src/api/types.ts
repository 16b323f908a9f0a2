/**
 * Wire types of the KooDrive Carrier API, shared by the client (`src/api`) and the local
 * emulator (`test/emulator`). Field names are exactly those of the API reference
 * (restated in docs/api.md). Every identifier is a string (decision D8), even where the
 * reference types it as Long: the client parses JSON losslessly and normalises ids to strings.
 * Fields beyond `id` are optional (D12): the tree shows what is present.
 */

/** Common base path of every endpoint. */
export const API_BASE_PATH = '/koodrive/ose/v1';

/** `albumKind`: 1 personal, 2 shared (family). */
export const AlbumKind = { personal: 1, family: 2 } as const;
export type AlbumKind = (typeof AlbumKind)[keyof typeof AlbumKind];

/** `albumType`: 1 collection (fills itself from directories), 2 manual (content added by hand). */
export const AlbumType = { collection: 1, manual: 2 } as const;
export type AlbumType = (typeof AlbumType)[keyof typeof AlbumType];

/** Documented limits (reference §1.8). */
export const Limits = {
  albumPageSizeMax: 100,
  albumContentPageSizeMax: 100,
  sharedFolderLimitMax: 1000,
  groupMemberLimitMax: 100,
  removeAlbumContentMax: 1000,
  addAlbumContentMax: 100,
  albumNameMax: 20,
  /** Shared-folder names must be shorter than 32 characters. */
  sharedFolderNameMaxExclusive: 32,
  keyWordMax: 32,
  /** Collection-album scope: at most 30 directories (§2.1, §2.2). */
  scopeDirMax: 30,
  /** `fileMap.fileId`: at most 64 characters (§2.6). */
  fileIdMax: 64,
  /** GetShareFolderMetadata path id: at most 100 characters (§3.5). */
  shareFolderIdMax: 100,
  /** GetSpaceUsageByUser: 1-50 user ids (§5.6). */
  spaceUsageUserIdsMax: 50,
  traceIdLength: 58,
  /** X-Date may be at most this old (and never in the future). */
  dateWindowMs: 15 * 60 * 1000,
} as const;

/** Error codes: the documented ones, and the emulator's choices where the pages name none (D7). */
export const ErrorCode = {
  success: 0,
  parameterInvalid: 13000102,
  resourceNotFound: 13000309,
  noPermission: 13000410,
  /** Emulator's choice for authentication failures (HTTP 401): token, X-User-Id or X-Date. */
  authenticationFailed: 13000100,
} as const;

/** The envelope every response shares (D6: success is `Number(code) === 0`). */
export interface Envelope {
  code: number | string;
  msg?: string;
}

/** An album in ListAlbums (§2.4); `name`/`coverImg` on manual albums, `scopeDir` on collection albums. */
export interface AlbumItem {
  id: string;
  name?: string;
  coverImg?: string;
  albumType?: AlbumType;
  albumKind?: AlbumKind;
  scopeDir?: string[];
  groupId?: string;
  [extra: string]: unknown;
}

/** ListAlbums answer. */
export interface ListAlbumsResponse extends Envelope {
  albumList?: AlbumItem[];
  total?: number;
}

/** An item of an album (§2.5): a link to an existing file. */
export interface AlbumContent {
  /** File id of the item. */
  id: string;
  /** Shooting time; returned for collection albums. */
  takeTime?: string;
  ownerId?: string;
  [extra: string]: unknown;
}

/** ListAlbumContent answer; an empty or missing `nextPageCursor` ends the paging. */
export interface ListAlbumContentResponse extends Envelope {
  contentList?: AlbumContent[];
  nextPageCursor?: string;
  total?: number;
}

/** CreateAlbum body (§2.1): `type` and `albumKind` are strings on this page. */
export interface CreateAlbumRequest {
  name?: string;
  type: '1' | '2';
  albumKind: '1' | '2';
  scopeDir?: string[];
  scopeParentFolderId?: string;
  scopeKind?: string;
  groupId?: string;
  shareFolderId?: string;
}

/**
 * CreateAlbum's response is not in the stored pages (§2.1). The emulator answers the new album's
 * id at the top level, as CreateShareFolder and RenameShareFolder do; a client should also cope
 * with its absence (then find the album through ListAlbums).
 */
export interface CreateAlbumResponse extends Envelope {
  id?: string;
}

/** UpdateAlbum body (§2.2): `scopeKind` is an integer on this page. */
export interface UpdateAlbumRequest {
  name?: string;
  scopeParentFolderId?: string;
  scopeDirList?: string[];
  scopeKind?: number;
  coverImageUrl?: string;
}

/** `fileMap` of BatchAddContent2Album (§2.6). */
export interface FileMap {
  fileId: string;
  ownerId?: string;
}

/** BatchAddContent2Album body: 1-100 files. */
export interface AddAlbumContentRequest {
  fileIds: FileMap[];
}

/** BatchDeleteAlbumContent body (D10): 1-1000 ids. */
export interface RemoveAlbumContentRequest {
  ids: string[];
}

/** `ShareFolder` (reference §3.5). `ownerId` and `groupId` arrive as numbers on the wire. */
export interface ShareFolder {
  id: string;
  name?: string;
  tenantId?: string;
  creator?: string;
  createTime?: string;
  ownerId?: string;
  status?: number | string;
  containerId?: string;
  shareFolderFileId?: string;
  groupId?: string;
  maxMember?: number;
  [extra: string]: unknown;
}

/** `queryType` of ListShareFolder: 0 all, 1 created by me, 2 joined. */
export const ShareFolderQueryType = { all: 0, created: 1, joined: 2 } as const;
export type ShareFolderQueryType = (typeof ShareFolderQueryType)[keyof typeof ShareFolderQueryType];

/** ListShareFolder answer: no total. */
export interface ListShareFolderResponse extends Envelope {
  folders?: ShareFolder[];
}

/** CreateShareFolder body (§3.1). */
export interface CreateShareFolderRequest {
  shareType: 0;
  containerId: string;
  name: string;
}

/** `data` of CreateShareFolder; `groupId` is a bare Long on the wire, a string here (D8). */
export interface CreateShareFolderInfo {
  tenantId?: string;
  creator?: string;
  createTime?: string;
  groupId?: string;
  id: string;
  shareFolderId?: string;
}

/** CreateShareFolder answer. */
export interface CreateShareFolderResponse extends Envelope {
  id?: string;
  data?: CreateShareFolderInfo;
}

/** D9: the client sends a string; the emulator also accepts an array of exactly one string. */
export interface DeleteShareFolderRequest {
  id: string;
}

/** RenameShareFolder body (§3.4). */
export interface RenameShareFolderRequest {
  id: string;
  fileName: string;
}

/** RenameShareFolder answer. */
export interface RenameShareFolderResponse extends Envelope {
  id?: string;
}

/** GetShareFolderMetadata answer; note the lower-case f of `sharefolder`. */
export interface GetShareFolderMetadataResponse extends Envelope {
  sharefolder?: ShareFolder;
}

/** UserGroupInvite answer. */
export interface InviteMemberResponse extends Envelope {
  inviteId?: string;
}

/** InviteConfirm body (§4.2). */
export interface InviteConfirmRequest {
  inviteId: string;
  /** 0 reject, 1 accept. */
  confirm: 0 | 1;
}

/** An invitation as the invitee sees it (§4.3, §4.5). */
export interface InviteeConfirmDetail {
  createTime?: string;
  expireTime?: string;
  inviterPhone?: string;
  shareFolderName?: string;
  inviteId: string;
  groupId?: string;
  [extra: string]: unknown;
}

/** InviteConfrimList answer. */
export interface InviteConfirmListResponse extends Envelope {
  details?: InviteeConfirmDetail[];
  /** The page's example shows a single `detail` object instead of `details` (§7.19). */
  detail?: InviteeConfirmDetail;
}

/** `status` of an invitation: 0 pending, 1 accepted, 2 rejected. */
export interface InviteeDetail {
  createTime?: string;
  expireTime?: string;
  inviteId: string;
  inviteePhone?: string;
  status?: 0 | 1 | 2;
  [extra: string]: unknown;
}

/** InviteList answer. */
export interface InviteListResponse extends Envelope {
  details?: InviteeDetail[];
}

/** InviteDetail answer. */
export interface InviteDetailResponse extends Envelope {
  detail?: InviteeConfirmDetail;
}

/** A member of a user group (§4.7). */
export interface MemberInfo {
  userId: string;
  userName?: string;
  mobile?: string;
  createdTime?: string;
  updatedTime?: string;
  role?: number;
  top?: number;
  [extra: string]: unknown;
}

/** GetUserGroupMemberList answer. */
export interface GroupMemberListResponse extends Envelope {
  total?: number;
  userGroupMemberInfos?: MemberInfo[];
}

/** `data` of GetSpace (§5.4): `containerId` is what CreateShareFolder needs. */
export interface SpaceInfo {
  type?: string;
  status?: string;
  ownerId?: string;
  containerId: string;
  bizRootFileId?: string;
  bizSboxFileId?: string;
  /** Capacity in GB (§5.4). */
  capacity?: string;
  /** The exact capacity; the emulator sends KB (the reference leaves the unit open). */
  capacityKb?: string;
  /** Space used; the emulator sends KB (the reference leaves the unit open). */
  spaceUsed?: string;
  [extra: string]: unknown;
}

/** GetSpace answer. */
export interface GetSpaceResponse extends Envelope {
  data?: SpaceInfo;
}

/** `userInfo` of GetUser (§5.1). */
export interface UserProfile {
  userId?: string;
  name?: string;
  mobile?: string;
  role?: number;
  /** 0 enabled, 7 frozen. */
  status?: number;
  /** Third-party user id. */
  id?: string;
  [extra: string]: unknown;
}

/** GetUser answer. */
export interface GetUserResponse extends Envelope {
  data?: UserProfile;
}

/** `UserInfo` of GetUserInfo (§5.3). */
export interface UserInfo {
  userId: string;
  firstname?: string;
  surname?: string;
  phone?: string;
  email?: string;
  [extra: string]: unknown;
}

/** GetUserInfo answer. */
export interface GetUserInfoResponse extends Envelope {
  data?: UserInfo;
}

/** `fileType` of getFile (§5.7), a string on the wire. `11` (smart folder) is whitelist-only. */
export const FileType = {
  folder: '10',
  image: '15',
  video: '20',
  word: '26',
  excel: '27',
  powerpoint: '28',
  audio: '30',
  archive: '35',
  application: '40',
  other: '45',
} as const;
export type FileType = (typeof FileType)[keyof typeof FileType];

/** A `DownloadLink` of getFile: `usage` is `content` or `thumbnail` (may be extended, D15). */
export interface DownloadLink {
  usage?: string;
  downloadLink?: string;
  [extra: string]: unknown;
}

/** The file object of getFile (§5.7, fields from the enterprise page; D14). */
export interface FileDetails {
  id: string;
  fileName?: string;
  /** One of {@link FileType}, as a string; other values may appear. */
  fileType?: string;
  mimeType?: string;
  /** Bytes. Integer on the page; a string is tolerated. */
  size?: number | string;
  /** UTC, ISO-8601. */
  createdTime?: string;
  editedTime?: string;
  /** Last extension segment, e.g. `jpg`. */
  fileSuffix?: string;
  /** Everything after the first `.` of the name, e.g. `tar.gz`. */
  fullFileSuffix?: string;
  /** Parent folder ids; only the first is used. */
  parentFolder?: string[];
  /** Space ids. */
  containers?: string[];
  recycled?: boolean;
  downloadLinks?: DownloadLink[];
  /** Lowercase hex SHA-256 of the bytes the `content` link serves, when the server gives it (D22). */
  sha256?: string;
  [extra: string]: unknown;
}

/** getFile answer: the reference does not say where the file object sits (D14). */
export interface GetFileResponse extends Envelope {
  data?: FileDetails;
  file?: FileDetails;
}

/** GetFullPath answer (§5.8); `code` is a String on this page (§7.29). */
export interface GetFullPathResponse extends Envelope {
  fileIdPath?: string;
  namePath?: string;
}

/** One user's entry of GetSpaceUsageByUser (§5.6). */
export interface UserSpaceQuota {
  userId?: string;
  /** Quota; the emulator sends GB as a string. */
  quota?: string;
  /** Used; the emulator sends KB as a number. */
  used?: number | string;
  createTime?: string;
  effectiveTime?: string;
  expirationTime?: string;
  [extra: string]: unknown;
}

/** GetSpaceUsageByUser answer. */
export interface SpaceUsageByUserResponse extends Envelope {
  data?: UserSpaceQuota[];
  total?: number;
}
