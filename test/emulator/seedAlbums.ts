/**
 * Seeded albums and their contents. Every item is a file of its owner (D14), named by the
 * album's theme. Item times are derived from the item's index so that the three sort orders of
 * ListAlbumContent differ: photos were shot in the hours before the album was made (pairs of
 * items share a shooting time, so tie-breaking is exercised), then added a minute apart.
 */
import { AlbumContents } from './albumContents';
import type { Theme } from './files';
import { fileId } from './ids';
import type { Album } from './model';
import { SeedIds } from './seedIds';
import type { Store } from './store';

const ids = SeedIds;
/** Photos were shot up to this long before their album was created. */
const SHOT_LEAD_MS = 30 * 60_000;

/** An album as the seed describes it: the model's own fields, a readable time, and how to fill it. */
interface AlbumSpec extends Pick<Album, 'id' | 'ownerId' | 'albumKind' | 'albumType' | 'name' | 'groupId'> {
  createTime: string;
  items: number;
  /** Owners of the items, round robin; defaults to the album owner. */
  itemOwners?: string[];
  /** File ids to link first, before generated ones (the same photo in several albums). */
  reuse?: string[];
  /** Names, folders and pictures of the files the album introduces. */
  theme: Theme;
  /** Exact content size of every file the album introduces; else derived from its kind. */
  itemSize?: number;
}

/** Creates an album, fills it and adds it to the store. */
export function addAlbum(store: Store, spec: AlbumSpec): Album {
  const createTime = Date.parse(spec.createTime);
  const album: Album = {
    id: spec.id,
    ownerId: spec.ownerId,
    albumKind: spec.albumKind,
    albumType: spec.albumType,
    name: spec.albumType === 2 ? spec.name : undefined,
    groupId: spec.groupId,
    createTime,
    contents: new AlbumContents(),
  };
  if (spec.albumType === 1) {
    album.scopeDir = [fileId(`dir/${spec.id}/DCIM`), fileId(`dir/${spec.id}/Pictures`)];
    album.scopeParentFolderId = fileId(`dir/${spec.id}`);
    album.scopeKind = '1,2';
  }
  fill(store, album, spec);
  store.addAlbum(album);
  return album;
}

/** Links `spec.items` files, registering each new one as a file of its owner. */
function fill(store: Store, album: Album, spec: AlbumSpec): void {
  const count = spec.items;
  const owners = spec.itemOwners ?? [spec.ownerId];
  const shotBase = album.createTime - SHOT_LEAD_MS;
  for (let i = 0; i < count; i++) {
    const createTime = album.createTime + (i + 1) * 60_000;
    const id = spec.reuse?.[i] ?? fileId(`${album.id}/${i}`);
    const takeTime = shotBase - Math.floor(((i * 7919) % count) / 2) * 2_220_000;
    // A reused file keeps its owner and shooting time: it is the same photo.
    const file = store.files.register(id, { ownerId: owners[i % owners.length], theme: spec.theme, index: i, takeTime, size: spec.itemSize });
    album.contents.add({ id, ownerId: file.ownerId, takeTime: file.takeTime ?? takeTime, createTime, updateTime: createTime + ((i * 104729) % count) * 1_000 });
  }
}

/** File ids of the "West Lake 西湖 2025" album, which the owner's camera album also holds. */
export function westLakeFiles(): string[] {
  return Array.from({ length: 12 }, (_, i) => fileId(`${ids.albums.westLake}/${i}`));
}

/** The fixed albums of the seed (see SeedIds.albums). */
export function seedAlbums(store: Store): void {
  const { owner, member, outsider } = ids.users;
  const family = ids.groups.family;
  const a = ids.albums;
  const specs: AlbumSpec[] = [
    { id: a.westLake, ownerId: owner, albumKind: 1, albumType: 2, name: 'West Lake 西湖 2025', createTime: '2025-04-05T10:00:00.000Z', items: 12, theme: 'westLake' },
    { id: a.cats, ownerId: owner, albumKind: 1, albumType: 2, name: 'Cat photos', createTime: '2025-05-12T19:30:00.000Z', items: 8, theme: 'cats' },
    { id: a.paging, ownerId: owner, albumKind: 1, albumType: 2, name: 'Paging 250 翻页', createTime: '2025-06-01T08:00:00.000Z', items: 250, theme: 'mixed' },
    { id: a.empty, ownerId: owner, albumKind: 1, albumType: 2, name: 'Empty album', createTime: '2025-06-02T08:00:00.000Z', items: 0, theme: 'camera' },
    { id: a.ownerCamera, ownerId: owner, albumKind: 1, albumType: 1, createTime: '2025-03-01T00:00:00.000Z', items: 40, reuse: westLakeFiles(), theme: 'camera' },
    { id: a.ownerScreenshots, ownerId: owner, albumKind: 1, albumType: 1, createTime: '2025-03-02T00:00:00.000Z', items: 15, theme: 'screenshots' },
    { id: a.familyReunion, ownerId: owner, albumKind: 2, albumType: 2, groupId: family, name: 'Reunion Dinner 团圆饭', createTime: '2025-09-02T11:00:00.000Z', items: 20, itemOwners: [owner, member], theme: 'reunion' },
    { id: a.familyGrandma, ownerId: member, albumKind: 2, albumType: 2, groupId: family, name: 'Grandma 奶奶 80', createTime: '2025-09-10T11:00:00.000Z', items: 6, itemOwners: [member], theme: 'grandma' },
    { id: a.familyCamera, ownerId: owner, albumKind: 2, albumType: 1, groupId: family, createTime: '2025-09-03T00:00:00.000Z', items: 30, itemOwners: [owner, member], theme: 'camera' },
    { id: a.memberHiking, ownerId: member, albumKind: 1, albumType: 2, name: 'Hiking 徒步', createTime: '2025-07-07T07:00:00.000Z', items: 10, theme: 'hiking' },
    { id: a.memberCollection, ownerId: member, albumKind: 1, albumType: 1, createTime: '2025-07-01T00:00:00.000Z', items: 9, theme: 'camera' },
    { id: a.outsiderFood, ownerId: outsider, albumKind: 1, albumType: 2, name: 'Street Food 街头小吃', createTime: '2025-08-08T08:00:00.000Z', items: 5, theme: 'food' },
  ];
  for (const spec of specs) {
    addAlbum(store, spec);
  }
}
