import * as vscode from 'vscode';
import type { App } from '../app';
import { albumContentPages } from '../api/paging';
import { type AlbumContent, Limits } from '../api/types';
import { StateKey } from '../constants';
import { safeFileName } from '../model/fileNames';
import { text } from '../model/present';
import { safeText } from '../model/safeText';
import { nodeFolder, type TargetFolder } from '../services/targetFolder';
import type { AlbumContentNode, AlbumNode } from '../tree/albumNodes';
import { isNode } from '../tree/kinds';
import { workspaceFolder } from '../ui/workspaceFolder';
import { type DownloadSource, runDownload } from './common/downloading';
import { albumItemsSource, pickAlbum } from './common/pickers';
import { withFirstItem } from './common/treePickers';
import type { PickItem } from '../ui/prompter';
import { rowsIn } from './common/selection';

/**
 * Download… (D22): on items (any albums, any selection) they land in the folder chosen; on an
 * album, the whole album, counted first with cancellable progress, lands in a folder named after
 * it inside the one chosen. From the palette: an album, then its items or the whole of it. The
 * folder comes from VS Code's folder dialog, the last one used offered first.
 */
export async function downloadCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const { t } = app;
  const selection = rowsIn(app, 'albums', node, nodes);
  const items = selection.filter((row): row is AlbumContentNode => isNode(row, 'albumContent'));
  let album = items.length === 0 ? selection.find((row): row is AlbumNode => isNode(row, 'album')) : undefined;
  let chosen: DownloadSource[] | undefined = items.map((item) => ({ fileId: item.fileId, ownerId: item.ownerId }));
  if (items.length === 0 && !album) {
    album = await pickAlbum(app, { title: t('Download'), placeholder: t('Choose the album to download from') });
    if (!album) {
      return;
    }
    chosen = await pickItems(app, album);
    if (!chosen) {
      return;
    }
  } else if (album) {
    chosen = [];
  }
  const base = await app.prompter.chooseFolder({ title: t('Download to…'), openLabel: t('Download Here'), defaultUri: lastFolder(app) });
  if (!base) {
    return;
  }
  await app.globalState.update(StateKey.downloadFolder, base.toString());
  let folder = folderAt(base);
  let folderName = safeText(base.path.split('/').filter(Boolean).pop() ?? base.toString(), 80);
  if (album && chosen.length === 0) {
    const whole = album;
    const all = await app.prompter.progress(t('Counting the items of “{0}”…', whole.title), (reporter, signal) => everyItem(app, whole, signal, (count) => reporter.report(t('{0} items so far', count))));
    if (all.length === 0) {
      void app.prompter.notify('info', t('“{0}” is empty: there is nothing to download.', whole.title));
      return;
    }
    const name = safeFileName(whole.name ?? whole.title, { id: whole.albumId });
    folder = folder.child(name);
    folderName = safeText(name, 80);
    chosen = all.map((item) => ({ fileId: item.id, ownerId: text(item.ownerId) }));
  }
  const target = folder;
  await runDownload(app, { folder: target, folderName, items: chosen, extras: revealActions(app, target, base) });
}

/** An album's items picked, or the whole album (an empty list), offered at the top. */
async function pickItems(app: App, album: AlbumNode): Promise<DownloadSource[] | undefined> {
  const { t } = app;
  const whole: PickItem<'whole'> = { label: `$(folder) ${t('The whole album')}`, value: 'whole' };
  const picked = await app.prompter.pickPaged(withFirstItem(whole, albumItemsSource(app, album)), { title: t('Download: {0}', album.title), placeholder: t('Choose the items of “{0}” to download', album.title), many: true });
  if (!picked || picked.length === 0) {
    return undefined;
  }
  return picked.includes('whole') ? [] : picked.filter((item): item is AlbumContentNode => item !== 'whole').map((item) => ({ fileId: item.fileId, ownerId: item.ownerId }));
}

/** Every item of an album, read straight from its listing (never through the tree's Load more). */
async function everyItem(app: App, album: AlbumNode, signal: AbortSignal, onProgress: (count: number) => void): Promise<AlbumContent[]> {
  const all: AlbumContent[] = [];
  await app.recovery.call(async () => {
    all.length = 0;
    for await (const page of albumContentPages(app.client, album.albumId, { pageSize: Limits.albumContentPageSizeMax }, { signal })) {
      all.push(...page);
      onProgress(all.length);
    }
  });
  return all;
}

/** The folder the last download went to, if it is remembered. */
function lastFolder(app: App): vscode.Uri | undefined {
  const saved = app.globalState.get<unknown>(StateKey.downloadFolder);
  try {
    return typeof saved === 'string' ? vscode.Uri.parse(saved, true) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the bytes go: streamed by Node's file system when the folder is on the machine the
 * extension runs on (a `file:` folder), else through VS Code's file system (a remote window).
 */
function folderAt(uri: vscode.Uri): TargetFolder {
  return uri.scheme === 'file' ? nodeFolder(uri.fsPath) : workspaceFolder(uri);
}

/** The summary's way to the files: the operating system's file manager on a desktop, else a new window on the folder. */
function revealActions(app: App, folder: TargetFolder, base: vscode.Uri): Record<string, () => Promise<void>> {
  const desktop = vscode.env.uiKind === vscode.UIKind.Desktop && base.scheme === 'file' && !vscode.env.remoteName;
  const target = base.scheme === 'file' ? vscode.Uri.file(folder.location) : base;
  return desktop
    ? { [app.t('Reveal in File Explorer')]: async () => void (await vscode.commands.executeCommand('revealFileInOS', target)) }
    : { [app.t('Open Folder')]: async () => void (await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: true })) };
}
