/**
 * Builds the emulator's data: the fixed seed (see SeedIds) plus the optional scale extras.
 * Everything is deterministic except the dates of pending invitations, which follow the clock.
 */
import { addAlbum, seedAlbums } from './seedAlbums';
import { SeedIds } from './seedIds';
import { addFolder, seedFolders, seedInvites, seedUsers } from './seedPeople';
import { Store } from './store';

/** Extra data for load tests. */
export interface Scale {
  /** Extra personal manual albums of the owner, named "Album 00001"… (0 to 3 items each). */
  albums?: number;
  /** Size of an extra personal manual album of the owner named "Large album". */
  albumItems?: number;
  /** Extra shared folders created by the owner, named "Shared 00001"…, without members. */
  sharedFolders?: number;
  /**
   * Size in MiB of the one video of an extra manual album of the owner, "Big files 大文件"
   * (`SeedIds.scaleAlbums.bigFiles`, file `SeedIds.files.bigVideo`); bytes generated while sent.
   */
  bigFileMb?: number;
  /**
   * Files of exactly 1 MiB (videos, audio, documents, archives: no pictures), each with its own
   * bytes, in an extra manual album of the owner, "Megabytes 兆字节" (`SeedIds.scaleAlbums.megabytes`).
   */
  megabyteFiles?: number;
}

const MIB = 1024 * 1024;

/** First id the store hands out, for scale extras and for anything created through the API. */
const ID_BASE = 1806100000000000001n;

/** A fresh store: the fixed seed plus the extras `scale` asks for. */
export function seedStore(scale: Scale | undefined, now: number): Store {
  const store = new Store(ID_BASE);
  seedUsers(store);
  seedFolders(store);
  seedInvites(store, now);
  seedAlbums(store);
  addScale(store, scale ?? {});
  return store;
}

function addScale(store: Store, scale: Scale): void {
  const owner = SeedIds.users.owner;
  const base = Date.parse('2025-11-01T00:00:00.000Z');
  for (let i = 1; i <= (scale.albums ?? 0); i++) {
    const name = `Album ${String(i).padStart(5, '0')}`;
    const createTime = new Date(base + i * 60_000).toISOString();
    addAlbum(store, { id: store.newId(), ownerId: owner, albumKind: 1, albumType: 2, name, createTime, items: i % 4, theme: 'camera' });
  }
  if (scale.albumItems !== undefined) {
    addAlbum(store, { id: store.newId(), ownerId: owner, albumKind: 1, albumType: 2, name: 'Large album', createTime: '2025-10-31T00:00:00.000Z', items: scale.albumItems, theme: 'camera' });
  }
  for (let i = 1; i <= (scale.sharedFolders ?? 0); i++) {
    const name = `Shared ${String(i).padStart(5, '0')}`;
    addFolder(store, store.newId(), store.newId(), name, owner, base + i * 60_000);
  }
  // Fixed ids (SeedIds.scaleAlbums), so a benchmark in another process can name them.
  const { bigFiles, megabytes } = SeedIds.scaleAlbums;
  if (scale.bigFileMb !== undefined) {
    addAlbum(store, { id: bigFiles, ownerId: owner, albumKind: 1, albumType: 2, name: 'Big files 大文件', createTime: '2025-10-30T00:00:00.000Z', items: 1, theme: 'bigFiles', itemSize: scale.bigFileMb * MIB });
  }
  if (scale.megabyteFiles !== undefined) {
    addAlbum(store, { id: megabytes, ownerId: owner, albumKind: 1, albumType: 2, name: 'Megabytes 兆字节', createTime: '2025-10-30T01:00:00.000Z', items: scale.megabyteFiles, theme: 'megabytes', itemSize: MIB });
  }
}
