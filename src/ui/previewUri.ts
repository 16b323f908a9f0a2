import * as vscode from 'vscode';
import { PreviewScheme } from '../constants';

/**
 * The `koodrive:` address of an album item opened in VS Code's editors (ui/previewFiles.ts serves
 * it): readable names in the path, for the tab title; the file id and owner in the query.
 */
export function previewUri(albumName: string, fileName: string, fileId: string, ownerId: string | undefined): vscode.Uri {
  const segment = (name: string): string => name.replace(/[/\\]/g, '_').trim() || '_';
  const query = new URLSearchParams({ id: fileId, ...(ownerId ? { owner: ownerId } : {}) }).toString();
  return vscode.Uri.from({ scheme: PreviewScheme, path: `/Albums/${segment(albumName)}/${segment(fileName)}`, query });
}
