/**
 * What kind of row a node is, told by a tag rather than by `instanceof`: the command handlers
 * live in a bundle of their own (dist/commands.js, loaded on the first command), so a class
 * they imported would be a second copy of the one the trees were built with. This module has
 * no runtime imports, so both bundles can carry it.
 */
import type { AlbumGroupNode, AlbumScopeNode, FamilyAlbumGroupNode } from './albumGroups';
import type { AlbumContentNode, AlbumNode } from './albumNodes';
import type { InvitationNode, InvitationsNode } from './invitationNodes';
import type { ErrorNode, LoadMoreNode, MessageNode, SessionExpiredNode } from './messageNodes';
import type { FolderGroupNode, MemberNode, SharedFolderNode } from './sharedFolderNodes';

/** Every kind of row, and its class. */
export interface NodeTypes {
  albumScope: AlbumScopeNode;
  albumGroup: AlbumGroupNode;
  familyAlbumGroup: FamilyAlbumGroupNode;
  album: AlbumNode;
  albumContent: AlbumContentNode;
  folderGroup: FolderGroupNode;
  sharedFolder: SharedFolderNode;
  member: MemberNode;
  invitations: InvitationsNode;
  invitee: InvitationNode;
  pendingInvitations: InvitationsNode;
  pendingInvitation: InvitationNode;
  message: MessageNode;
  error: ErrorNode;
  sessionExpired: SessionExpiredNode;
  loadMore: LoadMoreNode;
}

export type NodeType = keyof NodeTypes;

/**
 * True when `value` is a row of kind `type`. A family album group is also an album group: its
 * tag lists both (`nodeTypes`).
 */
export function isNode<T extends NodeType>(value: unknown, type: T): value is NodeTypes[T] {
  const types = (value as { nodeTypes?: unknown } | null | undefined)?.nodeTypes;
  return Array.isArray(types) && types.includes(type);
}
