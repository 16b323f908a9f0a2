/**
 * Well-known ids of the seeded data, for tests and for the people reading their output.
 * Group ids are above 2^53 on purpose (decision D8).
 */
import { fileId } from './ids';

const albums = {
  westLake: '1795607640592646273',
  cats: '1805929618625036417',
  /** Exactly 250 items, for cursor paging. */
  paging: '1805929618625036421',
  empty: '1805929618625036422',
  ownerCamera: '1805929618625036431',
  ownerScreenshots: '1805929618625036432',
  familyReunion: '1805929618625036441',
  familyGrandma: '1805929618625036442',
  familyCamera: '1805929618625036443',
  memberHiking: '1805929618625036451',
  memberCollection: '1805929618625036452',
  outsiderFood: '1805929618625036461',
} as const;

/** Albums that exist only when the scale asks for them (Scale.bigFileMb, Scale.megabyteFiles). */
const scaleAlbums = {
  /** "Big files 大文件": one video of exactly `bigFileMb` MiB. */
  bigFiles: '1805929618625036471',
  /** "Megabytes 兆字节": `megabyteFiles` files of exactly 1 MiB; the i-th (from 0) is {@link megabyteFileId}(i). */
  megabytes: '1805929618625036472',
} as const;

/** The id of file `index` (from 0) of the "Megabytes 兆字节" scale album. */
export function megabyteFileId(index: number): string {
  return item(scaleAlbums.megabytes, index);
}

/** Seeded item `index` of `albumId` (items are seeded in order; see seedAlbums.ts). */
function item(albumId: string, index: number): string {
  return fileId(`${albumId}/${index}`);
}

export const SeedIds = {
  users: {
    owner: '1644817543959100032',
    member: '1700618280076834305',
    outsider: '1882575898755117312',
    /** Has no token: a family member who never calls the API in tests. */
    relative: '1688123456789012481',
    /** No token: invited to the family folder, still pending (strangerMobiles.pending). */
    invitee: '1777000000000000011',
    /** No token: invited to the family folder, rejected (strangerMobiles.rejected). */
    decliner: '1777000000000000012',
  },
  folders: {
    /** Owner's "Family Photos 家庭相册"; members: owner, member, relative. */
    family: '1765148493107805441',
    /** Owner's "Work Drafts 工作草稿"; no other members. */
    solo: '1757156480072657793',
    /** Member's "Zhang Family 张家"; the owner joined it. */
    joined: '1756579396312997633',
    /** Outsider's "Book Club 读书会"; only the outsider. */
    outsider: '1769001122334455667',
  },
  groups: {
    family: '1765148492881313793',
    solo: '1757156479912345601',
    joined: '1763204937392700288',
    outsider: '1769001122334455041',
  },
  albums,
  scaleAlbums,
  invites: {
    /** Owner invited the member to the family folder; accepted. */
    memberAccepted: '1765143911223344001',
    relativeAccepted: '1765143911223344002',
    /** Owner invited the invitee (a user who never calls the API) to the family folder; pending. */
    strangerPending: '1765143911223344003',
    strangerRejected: '1765143911223344004',
    /** Outsider invited the owner to "Book Club 读书会"; pending (the owner's InviteConfrimList). */
    toOwnerPending: '1765143911223344005',
    /** Owner invited the outsider to "Work Drafts 工作草稿"; pending (the outsider's list). */
    toOutsiderPending: '1765143911223344006',
  },
  /** Files worth naming (D14); test/emulator/README.md says what every album holds. */
  files: {
    /** "西湖断桥残雪.jpg" (JPEG), the owner's, first item of West Lake and of the owner's camera album. */
    brokenBridge: item(albums.westLake, 0),
    /** "Cat tower 猫爬架.png" (PNG), the owner's, in Cat photos. */
    catTower: item(albums.cats, 6),
    /** "Boat ride 游船.mp4", the owner's small video in West Lake. */
    boatRide: item(albums.westLake, 5),
    /** "Reunion dinner 团圆饭.mp4", the owner's, first item of the family album Reunion Dinner: 64 MiB + 4321 bytes, over the client's 50 MB cap (D15). */
    longVideo: item(albums.familyReunion, 0),
    /** "奶奶生日快乐.m4a", the member's, first item of the family album Grandma 奶奶 80. */
    grandmaAudio: item(albums.familyGrandma, 0),
    /** "Trip plan 行程.docx", the member's, first item of their personal album Hiking 徒步. */
    tripPlan: item(albums.memberHiking, 0),
    /** "Tomatoes.jpg", the outsider's (who shares no group with anyone): others get 13000410. */
    tomatoes: item(albums.outsiderFood, 0),
    /** "Scans 扫描件", a folder (fileType 10, no content), item 100 of Paging 250. */
    scansFolder: item(albums.paging, 100),
    /** "Big video 大视频.mp4", the only item of the scale album "Big files 大文件" (Scale.bigFileMb). */
    bigVideo: item(scaleAlbums.bigFiles, 0),
  },
  /** Mobile numbers of the invitee and the decliner, users without a token. */
  strangerMobiles: { pending: '0027761234500', rejected: '0027760000111' },
} as const;
