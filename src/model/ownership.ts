import type { ShareFolder } from '../api/types';
import { text } from './present';

/**
 * The one rule for "do I own this shared folder": the folder's stated `ownerId` decides; when the
 * server leaves it out (or sends null), the list the folder came from does ("Created by me").
 * Without a user id nobody owns anything. The server's answer still decides every action.
 */
export function ownsFolder(folder: Pick<ShareFolder, 'ownerId'>, userId: string | undefined, listedAsCreated: boolean): boolean {
  if (!userId) {
    return false;
  }
  const owner = text(folder.ownerId);
  return owner === undefined ? listedAsCreated : owner === userId;
}

/** The owner's user id as the folder states it, else the signed-in user's when they own it. */
export function folderOwnerId(folder: Pick<ShareFolder, 'ownerId'>, userId: string | undefined, listedAsCreated: boolean): string | undefined {
  return text(folder.ownerId) ?? (ownsFolder(folder, userId, listedAsCreated) ? userId : undefined);
}
