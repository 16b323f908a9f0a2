import * as albums from './albums';
import { download, type Downloaded, type DownloadOptions } from './download';
import * as files from './files';
import { Http } from './http';
import { save, type SaveOptions, type Saved } from './save';
import type { SaveSink } from './saveSink';
import * as members from './members';
import type { CallOptions, ClientOptions } from './options';
import * as sharedFolders from './sharedFolders';
import * as spaces from './spaces';
import * as users from './users';
import type {
  AlbumContent, AlbumItem, CreateAlbumRequest, CreateShareFolderInfo, FileMap, InviteeConfirmDetail, InviteeDetail, MemberInfo, ShareFolder, SpaceInfo, UpdateAlbumRequest,
  UserInfo, UserProfile,
} from './types';
import type { FileDetails, UserSpaceQuota } from './types';

export type { CallOptions, ClientOptions, RequestLogEntry } from './options';
export type { ListAlbumContentQuery, ListAlbumsQuery } from './albums';
export type { ListSharedFoldersQuery } from './sharedFolders';
export type { Downloaded, DownloadOptions } from './download';
export { contentToSave, type SaveOptions, type Saved } from './save';
export { SaveSinkError, type SaveSink } from './saveSink';

/**
 * The KooDrive Carrier API, one method per endpoint (reference §2-4 plus GetSpace, GetUser,
 * GetUserInfo). Every method takes an optional trailing {@link CallOptions} and throws
 * {@link KooDriveError}: `invalidInput` locally for input the reference forbids (nothing is
 * sent), `configuration` when the endpoint, user id or token is unusable, else whatever the
 * server or the network caused. Reads and the album-content removal are retried on 429, 5xx,
 * network errors, timeouts and (once) an unreadable 2xx; any request is retried on 429, which
 * was not carried out. The client holds no token: it asks `getToken()` for every attempt.
 */
export class KooDriveClient {
  private readonly http: Http;

  constructor(options: ClientOptions) {
    this.http = new Http(options);
  }

  /** ListAlbums: one page (pageNum from 1, pageSize 1-100); family albums need groupId. */
  listAlbums(query: albums.ListAlbumsQuery, call?: CallOptions): Promise<{ albums: AlbumItem[]; total?: number }> {
    return albums.listAlbums(this.http, query, call);
  }

  /** ListAlbumContent: one page from `pageCursor`; `nextCursor` is undefined on the last page. */
  listAlbumContent(albumId: string, query?: albums.ListAlbumContentQuery, call?: CallOptions): Promise<{ items: AlbumContent[]; nextCursor?: string; total?: number }> {
    return albums.listAlbumContent(this.http, albumId, query, call);
  }

  /** CreateAlbum: returns the new id when the server gives one. */
  createAlbum(request: CreateAlbumRequest, call?: CallOptions): Promise<{ id?: string }> {
    return albums.createAlbum(this.http, request, call);
  }

  /** UpdateAlbum: name (manual) or scope (collection). */
  updateAlbum(albumId: string, request: UpdateAlbumRequest, call?: CallOptions): Promise<void> {
    return albums.updateAlbum(this.http, albumId, request, call);
  }

  /** DeleteAlbum. */
  deleteAlbum(albumId: string, call?: CallOptions): Promise<void> {
    return albums.deleteAlbum(this.http, albumId, call);
  }

  /** BatchAddContent2Album: 1-100 files in one request (else `invalidInput` locally). */
  addAlbumContent(albumId: string, files: FileMap[], call?: CallOptions): Promise<void> {
    return albums.addAlbumContent(this.http, albumId, files, call);
  }

  /** BatchDeleteAlbumContent: 1-1000 ids in one request (else `invalidInput` locally). */
  removeAlbumContent(albumId: string, ids: string[], call?: CallOptions): Promise<void> {
    return albums.removeAlbumContent(this.http, albumId, ids, call);
  }

  /** CreateShareFolder: returns `data` (its groupId keeps every digit). */
  createSharedFolder(request: { containerId: string; name: string }, call?: CallOptions): Promise<CreateShareFolderInfo> {
    return sharedFolders.createSharedFolder(this.http, request, call);
  }

  /** DeleteShareFolder (`{"id": "<id>"}`, D9): owner only, a member gets `notPermitted`. */
  deleteSharedFolder(id: string, call?: CallOptions): Promise<void> {
    return sharedFolders.deleteSharedFolder(this.http, id, call);
  }

  /** ListShareFolder: one page by offset/limit (1-1000); a short page is the last. */
  listSharedFolders(query: sharedFolders.ListSharedFoldersQuery, call?: CallOptions): Promise<ShareFolder[]> {
    return sharedFolders.listSharedFolders(this.http, query, call);
  }

  /** RenameShareFolder: owner only. */
  renameSharedFolder(id: string, fileName: string, call?: CallOptions): Promise<void> {
    return sharedFolders.renameSharedFolder(this.http, id, fileName, call);
  }

  /** GetShareFolderMetadata, by the folder's primary key. */
  getSharedFolder(id: string, call?: CallOptions): Promise<ShareFolder> {
    return sharedFolders.getSharedFolder(this.http, id, call);
  }

  /** UserGroupInvite: returns the inviteId. */
  inviteMember(groupId: string, mobile: string, call?: CallOptions): Promise<string> {
    return members.inviteMember(this.http, groupId, mobile, call);
  }

  /** InviteConfirm: accept or reject. */
  confirmInvite(groupId: string, inviteId: string, accept: boolean, call?: CallOptions): Promise<void> {
    return members.confirmInvite(this.http, groupId, inviteId, accept, call);
  }

  /** InviteConfrimList: the caller's pending invitations. */
  listPendingInvites(call?: CallOptions): Promise<InviteeConfirmDetail[]> {
    return members.listPendingInvites(this.http, call);
  }

  /** InviteList: every invitation of a group (owner only). */
  listInvitees(groupId: string, call?: CallOptions): Promise<InviteeDetail[]> {
    return members.listInvitees(this.http, groupId, call);
  }

  /** InviteDetail. */
  getInvite(inviteId: string, call?: CallOptions): Promise<InviteeConfirmDetail> {
    return members.getInvite(this.http, inviteId, call);
  }

  /** ShareFolderDeleteMember: removal by the owner, or leaving when ownerId equals deleteUserId. */
  removeMember(query: { ownerId: string; groupId: string; deleteUserId: string }, call?: CallOptions): Promise<void> {
    return members.removeMember(this.http, query, call);
  }

  /** GetUserGroupMemberList: one page by offset/limit (1-100). */
  listGroupMembers(groupId: string, query: { offset: number; limit: number; keyWord?: string }, call?: CallOptions): Promise<{ members: MemberInfo[]; total?: number }> {
    return members.listGroupMembers(this.http, groupId, query, call);
  }

  /** GetSpace (type 1): the personal space, source of `containerId`. */
  getSpace(ownerId: string, query?: { containerId?: string }, call?: CallOptions): Promise<SpaceInfo> {
    return spaces.getSpace(this.http, ownerId, query, call);
  }

  /** GetSpaceUsageByUser: quota and use of 1-50 users (else `invalidInput` locally). */
  getSpaceUsageByUser(userIds: string[], call?: CallOptions): Promise<UserSpaceQuota[]> {
    return spaces.getSpaceUsageByUser(this.http, userIds, call);
  }

  /** getFile: a file's details, asked in its owner's space (`containerId` from GetSpace, D14). */
  getFile(fileId: string, containerId: string, call?: CallOptions): Promise<FileDetails> {
    return files.getFile(this.http, fileId, containerId, call);
  }

  /** GetFullPath: the file's folder path as names and as ids. */
  getFullPath(fileId: string, containerId: string, call?: CallOptions): Promise<{ namePath?: string; fileIdPath?: string }> {
    return files.getFullPath(this.http, fileId, containerId, call);
  }

  /** GetUser. */
  getUser(userId: string, call?: CallOptions): Promise<UserProfile> {
    return users.getUser(this.http, userId, call);
  }

  /** GetUserInfo, by userId or phone. */
  getUserInfo(query: { userId?: string; phone?: string }, call?: CallOptions): Promise<UserInfo> {
    return users.getUserInfo(this.http, query, call);
  }

  /** A `downloadLinks[].downloadLink` of getFile (D15); see {@link download} in download.ts. */
  download(link: string, options: DownloadOptions): Promise<Downloaded> {
    return download(this.http, link, options);
  }

  /**
   * Saves getFile's `content` link into `sink`, committed only when it has getFile's `size` and
   * `sha256` (D22); see {@link save} in save.ts. `fileSink(dir, name, {overwrite})` writes to disk.
   */
  save(link: string, sink: SaveSink, options: SaveOptions): Promise<Saved> {
    return save(this.http, link, sink, options);
  }
}
