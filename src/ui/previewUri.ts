import * as vscode from 'vscode';
import { PreviewScheme } from '../constants';
import { type Account, accountTag } from '../model/accounts';

/**
 * The `koodrive:` address of an album item opened in VS Code's editors (ui/previewFiles.ts serves
 * it): readable names in the path, for the tab title; the file id, the owner and the account it
 * was read as (a tag, D23) in the query.
 */
export function previewUri(albumName: string, fileName: string, fileId: string, ownerId: string | undefined, account: Account | undefined): vscode.Uri {
  const segment = (name: string): string => name.replace(/[/\\]/g, '_').trim() || '_';
  const query = new URLSearchParams({ id: fileId, ...(ownerId ? { owner: ownerId } : {}), ...(account ? { as: accountTag(account) } : {}) }).toString();
  return vscode.Uri.from({ scheme: PreviewScheme, path: `/Albums/${segment(albumName)}/${segment(fileName)}`, query });
}
