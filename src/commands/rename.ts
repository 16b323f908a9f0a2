import type { App } from '../app';
import { albumNameProblem, sharedFolderNameProblem } from '../api/validate';
import { albumNameRule } from '../model/albumText';
import { folderNameRule } from '../model/memberText';
import { pickManualAlbum, pickOwnedFolder } from './common/pickers';
import { renameRow } from './common/rename';
import { rereadAlbumGroup, rereadFolderGroup } from './common/rereads';
import { oneRow } from './common/selection';

/** Rename Album (manual albums: UpdateAlbum `name`, §2.2): F2, inline, context menu or palette. */
export async function renameAlbumCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Rename Album');
  const album = await oneRow(app, 'albums', 'album', { node, nodes }, t('{0} works on one album at a time. Select a single album.', title), () => pickManualAlbum(app, { title, placeholder: t('Choose a manual album to rename') }));
  if (!album) {
    return;
  }
  if (!album.manual) {
    void app.prompter.notify('warning', t('“{0}” is a collection album: it has no name of its own to change.', album.title));
    return;
  }
  await renameRow(app, {
    title,
    row: album,
    tree: app.albums,
    current: album.name,
    prompt: t('New name for the album “{0}”', album.title),
    problem: (name) => (albumNameProblem(name) ? albumNameRule(t) : undefined),
    send: (name, signal) => app.client.updateAlbum(album.albumId, { name }, { signal }),
    reread: () => rereadAlbumGroup(app, album),
    logged: `Renamed album ${album.albumId}`,
    done: (name) => t('Renamed the album “{0}” to “{1}”.', album.title, name),
  });
}

/** Rename Shared Folder (RenameShareFolder, §3.4; owner only): F2, context menu or palette. */
export async function renameSharedFolderCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const title = t('Rename Shared Folder');
  const folder = await oneRow(app, 'sharedFolders', 'sharedFolder', { node, nodes }, t('{0} works on one shared folder at a time. Select a single folder.', title), () => pickOwnedFolder(app, { title, placeholder: t('Choose a shared folder you created') }));
  if (!folder) {
    return;
  }
  if (!folder.owned) {
    void app.prompter.notify('warning', t('Only the owner of “{0}” can rename it. You joined this folder; ask its owner.', folder.title));
    return;
  }
  await renameRow(app, {
    title,
    row: folder,
    tree: app.sharedFolders,
    current: folder.name,
    prompt: t('New name for the shared folder “{0}”', folder.title),
    problem: (name) => (sharedFolderNameProblem(name) ? folderNameRule(t) : undefined),
    send: (name, signal) => app.client.renameSharedFolder(folder.folderId, name, { signal }),
    reread: () => {
      rereadFolderGroup(app, folder);
      app.albums.refreshFamilies(); // family albums are described by their folder's name
    },
    logged: `Renamed shared folder ${folder.folderId}`,
    done: (name) => t('Renamed the shared folder “{0}” to “{1}”.', folder.title, name),
  });
}
