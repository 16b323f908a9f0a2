import type { App } from '../../app';
import { AlbumKind, type CreateAlbumRequest } from '../../api/types';
import { albumNameProblem } from '../../api/validate';
import { albumNameRule } from '../../model/albumText';
import { safeText } from '../../model/safeText';
import type { AlbumGroupNode } from '../../tree/albumGroups';
import type { AlbumNode } from '../../tree/albumNodes';
import { isNode } from '../../tree/kinds';
import { manualGroup, placeAlbum } from './albumPlace';
import { sendChange } from './change';
import { revealCreated } from './reveal';

/** An album just created: its id and its name (inert, for messages). */
export interface CreatedAlbum {
  albumId: string;
  name: string;
}

/**
 * Asks where (unless `group` says it) and the name (checked as it is typed against the limits the
 * client enforces), creates a manual album (CreateAlbum type 2; albumKind 1, or 2 with the
 * family's groupId), re-reads the group and selects the new album. Create Album, and "Create new
 * album…" in Add to Album and Move to Album.
 * @returns the new album, or undefined when the user stopped (or its id could not be learnt).
 */
export async function createAlbum(app: App, group: AlbumGroupNode | undefined, announce = true): Promise<CreatedAlbum | undefined> {
  const { t } = app;
  const place = await placeAlbum(app, group);
  if (!place) {
    return undefined;
  }
  const typed = await app.prompter.input({
    title: t('Create Album'),
    prompt: place.family ? t('Name of the new album of the family “{0}”', place.family.name) : t('Name of the new personal album'),
    validate: (value) => (albumNameProblem(value.trim()) ? albumNameRule(t) : undefined),
  });
  if (typed === undefined) {
    return undefined;
  }
  const name = typed.trim();
  const shown = safeText(name);
  const request: CreateAlbumRequest = place.family ? { name, type: '2', albumKind: '2', groupId: place.family.groupId } : { name, type: '2', albumKind: '1' };
  const kind = place.group.kind;
  const result = await sendChange(app, {
    progress: t('Creating the album “{0}”…', shown),
    send: (signal) => app.client.createAlbum(request, { signal }),
    reread: () => {
      const current = manualGroup(app, kind);
      if (current) {
        app.albums.refresh(current);
      }
    },
  });
  app.log.info(`Created album ${result.id ?? '(no id in the answer)'}${place.family ? ` in group ${place.family.groupId}` : ''}`);
  const current = manualGroup(app, kind);
  // By id; by name when KooDrive's answer gave no id (the reference does not document it, §2.1).
  const node = current && await revealCreated(app, app.albumsView, current, (rows) => {
    const albums = rows.filter((row): row is AlbumNode => isNode(row, 'album'));
    return result.id ? albums.find((album) => album.albumId === result.id) : albums.filter((album) => album.name === name && (kind === AlbumKind.personal || album.familyAlbum)).pop();
  });
  if (announce) {
    void app.prompter.notify('info', t('Created the album “{0}”.', shown));
  }
  const albumId = result.id ?? node?.albumId;
  return albumId ? { albumId, name: shown } : undefined;
}
