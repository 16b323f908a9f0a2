import * as albums from './albums';
import { type CallOptions, type ClientOptions, Http } from './http';
import * as members from './members';
import * as sharedFolders from './sharedFolders';
import * as support from './support';
import type { AlbumContent, AlbumItem, CreateAlbumRequest, CreateShareFolderInfo, FileMap, InviteeConfirmDetail, InviteeDetail, MemberInfo, ShareFolder, SpaceInfo, UpdateAlbumRequest } from './types';

export type { CallOptions, ClientOptions, RequestLogEntry } from './http';

/**
 * The KooDrive Carrier API, one method per endpoint (reference sections 2-4 and GetSpace,
 * GetUser, GetUserInfo). Every method throws {@link KooDriveError} and takes an optional
 * AbortSignal. The client holds no token: it asks `getToken()` per request.
 */
export class KooDriveClient {
  private readonly http: Http;

  constructor(options: ClientOptions) {
    this.http = new Http(options);
  }

  listAlbums(query: albums.ListAlbumsQuery, call?: CallOptions): Promise<{ albums: AlbumItem[]; total?: number }> {
    return albums.listAlbums(this.http, query, call);
  }

  listAlbumContent(albumId: string, query?: albums.ListAlbumContentQuery, call?: CallOptions): Promise<{ items: AlbumContent[]; nextCursor?: string; total?: number }> {
    return albums.listAlbumContent(this.http, albumId, query, call);
  }

  createAlbum(request: CreateAlbumRequest, call?: CallOptions): Promise<{ id?: string }> {
    return albums.createAlbum(this.http, request, call);
  }

  updateAlbum(albumId: string, request: UpdateAlbumRequest, call?: CallOptions): Promise<void> {
    return albums.updateAlbum(this.http, albumId, request, call);
  }

  deleteAlbum(albumId: string, call?: CallOptions): Promise<void> {
    return albums.deleteAlbum(this.http, albumId, call);
  }

  addAlbumContent(albumId: string, files: FileMap[], call?: CallOptions): Promise<void> {
    return albums.addAlbumContent(this.http, albumId, files, call);
  }

  removeAlbumContent(albumId: string, ids: string[], call?: CallOptions): Promise<void> {
    return albums.removeAlbumContent(this.http, albumId, ids, call);
  }

  listSharedFolders(query: sharedFolders.ListSharedFoldersQuery, call?: CallOptions): Promise<ShareFolder[]> {
    return sharedFolders.listSharedFolders(this.http, query, call);
  }

  createSharedFolder(request: { containerId: string; name: string }, call?: CallOptions): Promise<CreateShareFolderInfo> {
    return sharedFolders.createSharedFolder(this.http, request, call);
  }

  deleteSharedFolder(id: string, call?: CallOptions): Promise<void> {
    return sharedFolders.deleteSharedFolder(this.http, id, call);
  }

  renameSharedFolder(id: string, fileName: string, call?: CallOptions): Promise<void> {
    return sharedFolders.renameSharedFolder(this.http, id, fileName, call);
  }

  getSharedFolder(id: string, call?: CallOptions): Promise<ShareFolder | undefined> {
    return sharedFolders.getSharedFolder(this.http, id, call);
  }

  inviteMember(groupId: string, mobile: string, call?: CallOptions): Promise<string | undefined> {
    return members.inviteMember(this.http, groupId, mobile, call);
  }

  confirmInvite(groupId: string, inviteId: string, accept: boolean, call?: CallOptions): Promise<void> {
    return members.confirmInvite(this.http, groupId, inviteId, accept, call);
  }

  listPendingInvites(call?: CallOptions): Promise<InviteeConfirmDetail[]> {
    return members.listPendingInvites(this.http, call);
  }

  listInvitees(groupId: string, call?: CallOptions): Promise<InviteeDetail[]> {
    return members.listInvitees(this.http, groupId, call);
  }

  getInvite(inviteId: string, call?: CallOptions): Promise<InviteeConfirmDetail | undefined> {
    return members.getInvite(this.http, inviteId, call);
  }

  removeMember(query: { ownerId: string; groupId: string; deleteUserId: string }, call?: CallOptions): Promise<void> {
    return members.removeMember(this.http, query, call);
  }

  listGroupMembers(groupId: string, query: { offset: number; limit: number; keyWord?: string }, call?: CallOptions): Promise<{ members: MemberInfo[]; total?: number }> {
    return members.listGroupMembers(this.http, groupId, query, call);
  }

  getSpace(ownerId: string, query?: { containerId?: string }, call?: CallOptions): Promise<SpaceInfo | undefined> {
    return support.getSpace(this.http, ownerId, query, call);
  }

  getUser(userId: string, call?: CallOptions): Promise<Record<string, unknown> | undefined> {
    return support.getUser(this.http, userId, call);
  }

  getUserInfo(query: { userId?: string; phone?: string }, call?: CallOptions): Promise<Record<string, unknown> | undefined> {
    return support.getUserInfo(this.http, query, call);
  }
}
