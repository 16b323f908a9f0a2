/**
 * Seeded users, shared folders with their groups, and invitations.
 */
import { hashOf } from './fileCatalogue';
import { containerIdFor, fileId, tokenFor } from './ids';
import type { Group, Invite, Membership, User } from './model';
import { SeedIds } from './seedIds';
import { Store, TENANT_ID } from './store';

const ids = SeedIds;
const HOUR = 3_600_000;

function user(userId: string, name: string, firstname: string, surname: string, mobile: string, role?: User['role']): User {
  return {
    userId,
    token: role ? tokenFor(userId) : undefined,
    role,
    name,
    firstname,
    surname,
    mobile,
    email: `${firstname}.${surname}@example.com`.toLowerCase(),
    containerId: containerIdFor(userId),
    bizRootFileId: fileId(`root/${userId}`),
    bizSboxFileId: fileId(`sbox/${userId}`),
    thirdPartyId: `tp-${userId.slice(-8)}`,
    space: spaceOf(userId),
  };
}

/** 200 GB each, used 1-151 GB, created on some day of 2024: all from the user id. */
function spaceOf(userId: string): User['space'] {
  const hash = hashOf(userId);
  return { quotaGb: 200, usedKb: (1 + (hash % 150)) * 1024 * 1024 + (hash % 1024), since: Date.parse('2024-01-01T08:00:00.000Z') + (hash % 300) * 86_400_000 };
}

/** Adds the seeded users; the three with a role have tokens, the others never call the API. */
export function seedUsers(store: Store): void {
  store.addUser(user(ids.users.owner, 'Li Wei 李伟', 'Wei', 'Li', '0027821234567', 'owner'));
  store.addUser(user(ids.users.member, 'Zhang Min 张敏', 'Min', 'Zhang', '0027829876543', 'member'));
  store.addUser(user(ids.users.outsider, 'Chen Jie 陈杰', 'Jie', 'Chen', '0027188460911', 'outsider'));
  store.addUser(user(ids.users.relative, 'Zhao Lei 赵磊', 'Lei', 'Zhao', '008613800138000'));
  // Every invitation goes to a registered user (D20), the seeded history included.
  store.addUser(user(ids.users.invitee, 'Wang Fang 王芳', 'Fang', 'Wang', ids.strangerMobiles.pending));
  store.addUser(user(ids.users.decliner, 'Liu Yang 刘洋', 'Yang', 'Liu', ids.strangerMobiles.rejected));
}

/**
 * Adds a live shared folder and its group. `members` excludes the owner, who is always member
 * number one with role 1.
 */
export function addFolder(store: Store, id: string, groupId: string, name: string, ownerId: string, createTime: number, members: string[] = []): void {
  const memberships = new Map<string, Membership>();
  memberships.set(ownerId, { userId: ownerId, role: 1, joinTime: createTime });
  members.forEach((userId, index) => memberships.set(userId, { userId, role: 2, joinTime: createTime + (index + 1) * HOUR }));
  const group: Group = { groupId, folderId: id, members: memberships };
  store.addFolder(
    {
      id,
      name,
      ownerId,
      groupId,
      containerId: containerIdFor(ownerId),
      shareFolderFileId: fileId(`sharefolder/${id}`),
      tenantId: TENANT_ID,
      createTime,
      status: 0,
      maxMember: 10,
    },
    group,
  );
}

/** Adds the four seeded shared folders, in creation order. */
export function seedFolders(store: Store): void {
  const u = ids.users;
  addFolder(store, ids.folders.joined, ids.groups.joined, 'Zhang Family 张家', u.member, Date.parse('2025-08-18T09:12:03.120Z'), [u.owner]);
  addFolder(store, ids.folders.solo, ids.groups.solo, 'Work Drafts 工作草稿', u.owner, Date.parse('2025-08-20T14:40:11.002Z'));
  addFolder(store, ids.folders.family, ids.groups.family, 'Family Photos 家庭相册', u.owner, Date.parse('2025-09-01T02:34:57.815Z'), [u.member, u.relative]);
  addFolder(store, ids.folders.outsider, ids.groups.outsider, 'Book Club 读书会', u.outsider, Date.parse('2025-10-05T18:03:45.500Z'));
}

/**
 * Adds the seeded invitations. Decided ones carry fixed dates; pending ones are dated relative to
 * `now` (created an hour ago, valid for a day) so they never expire during a test run.
 */
export function seedInvites(store: Store, now: number): void {
  const day = 24 * HOUR;
  const fixed = (iso: string): Pick<Invite, 'createTime' | 'expireTime'> => ({ createTime: Date.parse(iso), expireTime: Date.parse(iso) + day });
  const fresh: Pick<Invite, 'createTime' | 'expireTime'> = { createTime: now - HOUR, expireTime: now - HOUR + day };
  const owner = ids.users.owner;
  const list: Invite[] = [
    { inviteId: ids.invites.memberAccepted, groupId: ids.groups.family, inviterId: owner, inviteeMobile: '0027829876543', status: 1, ...fixed('2025-09-01T02:40:00.000Z') },
    { inviteId: ids.invites.relativeAccepted, groupId: ids.groups.family, inviterId: owner, inviteeMobile: '008613800138000', status: 1, ...fixed('2025-09-01T02:41:00.000Z') },
    { inviteId: ids.invites.strangerPending, groupId: ids.groups.family, inviterId: owner, inviteeMobile: ids.strangerMobiles.pending, status: 0, ...fresh },
    { inviteId: ids.invites.strangerRejected, groupId: ids.groups.family, inviterId: owner, inviteeMobile: ids.strangerMobiles.rejected, status: 2, ...fixed('2025-09-03T08:00:00.000Z') },
    { inviteId: ids.invites.toOwnerPending, groupId: ids.groups.outsider, inviterId: ids.users.outsider, inviteeMobile: '0027821234567', status: 0, ...fresh },
    { inviteId: ids.invites.toOutsiderPending, groupId: ids.groups.solo, inviterId: owner, inviteeMobile: '0027188460911', status: 0, ...fresh },
  ];
  for (const invite of list) {
    store.invites.set(invite.inviteId, invite);
  }
}
