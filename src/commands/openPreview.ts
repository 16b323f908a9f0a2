import * as vscode from 'vscode';
import { fileKind, humanSize, itemName, kindWord, localDate } from '../model/itemText';
import { parseTime } from '../model/present';
import { safeText } from '../model/safeText';
import { downloadLink, previewExtension, withExtension } from '../services/itemFiles';
import type { AlbumContentNode } from '../tree/albumNodes';
import { previewUri } from '../ui/previewUri';
import type { App } from '../app';
import { pickAlbumItems, pickAlbum } from './common/pickers';
import { rowsIn } from './common/selection';
import { isNode } from '../tree/kinds';

const t = vscode.l10n.t;

/**
 * Open Preview (click, Enter, context menu, palette): pictures open in VS Code's own image
 * preview, read-only, from the `koodrive:` scheme; other files show their details in a read-only
 * document. The bytes come from the file's `content` link (D15: credentials only to the
 * endpoint's own origin, at most 50 MB); a download longer than a second shows cancellable progress.
 */
export async function openPreviewCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const item = rowsIn(app, 'albums', node, nodes).find((entry): entry is AlbumContentNode => isNode(entry, 'albumContent')) ?? (await pickItem(app));
  if (!item) {
    return;
  }
  const details = item.details ?? (await app.prompter.progress(t('Reading the details of “{0}”…', item.title), (_reporter, signal) => app.recovery.call(() => app.itemDetails.details(item.fileId, item.ownerId, signal)), { quietMs: 1000 }));
  const name = itemName(item.content, details);
  const extension = previewExtension(details);
  const link = downloadLink(details, 'content');
  if (!extension || !link) {
    await app.prompter.showDocument(app.details.add(name, detailsDocument(item, details), 'txt'));
    return;
  }
  const locale = vscode.env.language;
  const { bytes } = await app.prompter.progress(t('Downloading “{0}”…', name), (reporter, signal) =>
    app.recovery.call(() => app.client.download(link, {
      usage: 'content',
      signal,
      onProgress: (received, total) => reporter.report(total ? t('{0} of {1}', humanSize(received, locale) ?? '', humanSize(total, locale) ?? '') : (humanSize(received, locale) ?? '')),
    })), { quietMs: 1000 });
  const uri = previewUri(item.album.title, withExtension(name, extension), item.fileId, item.ownerId, app.account);
  app.previews.put(uri, bytes);
  // Like a single click in the Explorer: a preview tab, and the tree keeps the focus.
  await vscode.commands.executeCommand('vscode.open', uri, { preview: true, preserveFocus: node !== undefined });
}

async function pickItem(app: App): Promise<AlbumContentNode | undefined> {
  const album = await pickAlbum(app, { title: t('Open Preview'), placeholder: t('Choose an album') });
  if (!album) {
    return undefined;
  }
  const [item] = (await pickAlbumItems(app, album, { title: t('Open Preview: {0}', album.title), placeholder: t('Choose an item to open') }, false)) ?? [];
  return item;
}

/**
 * The read-only page for files the editor cannot show: what KooDrive knows of them, as plain
 * text, so that no server string (a name such as `[x](command:…)` or `<command:…>`) can become a
 * link; every value, ids included, made inert (D18).
 */
function detailsDocument(item: AlbumContentNode, details: NonNullable<AlbumContentNode['details']>): string {
  const locale = vscode.env.language;
  const name = itemName(item.content, details);
  const date = (value: unknown): string | undefined => {
    const ms = parseTime(value);
    return ms === undefined ? undefined : localDate(ms, locale);
  };
  const rows: [string, string | undefined][] = [
    [t('Type'), [kindWord(fileKind(details), t), typeof details.mimeType === 'string' ? details.mimeType : undefined].filter(Boolean).join(' · ')],
    [t('Size'), humanSize(details.size, locale)],
    [t('Taken'), date(item.content.takeTime)],
    [t('Created'), date(details.createdTime)],
    [t('Modified'), date(details.editedTime)],
    [t('Album'), item.album.title],
    [t('File id'), item.fileId],
  ];
  return [name, '', t('VS Code cannot show this kind of file; these are its details.'), '', ...rows.filter((row) => row[1]).map(([label, value]) => `${label}: ${safeText(value)}`), ''].join('\n');
}
