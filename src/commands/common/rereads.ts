import type { App } from '../../app';
import type { AlbumNode } from '../../tree/albumNodes';
import type { SharedFolderNode } from '../../tree/sharedFolderNodes';

/** Reloads the group an album is listed in (the current tree's), so its row shows the truth. */
export function rereadAlbumGroup(app: App, album: AlbumNode): void {
  const group = app.albums.owns(album) ? album.group : app.albums.groups().find((each) => each.kind === album.group.kind && each.type === album.group.type);
  if (group) {
    app.albums.refresh(group);
  }
}

/** Reloads the group a folder is listed in ("Created by me" or "Joined"). */
export function rereadFolderGroup(app: App, folder: SharedFolderNode): void {
  if (folder.group.created) {
    app.sharedFolders.refreshCreated();
  } else {
    app.sharedFolders.refreshJoined();
  }
}
