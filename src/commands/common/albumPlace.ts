import { AlbumKind } from '../../api/types';
import type { AlbumGroupNode, Family } from '../../tree/albumGroups';
import type { TreeNode } from '../../tree/node';
import type { App } from '../../app';
import { pickOne } from './pickers';
import { isNode } from '../../tree/kinds';

/** Where a new album goes: a Manual group, and for a family album the family. */
export interface AlbumPlace {
  group: AlbumGroupNode;
  family?: Family;
}

/** The current tree's Manual group of `kind`. */
export function manualGroup(app: App, kind: AlbumKind): AlbumGroupNode | undefined {
  return app.albums.manualGroups().find((group) => group.kind === kind);
}

/** The Manual group of the scope a row sits in (a group, an album or an item), in the current tree. */
export function manualGroupOf(app: App, node: unknown): AlbumGroupNode | undefined {
  let at = node instanceof Object && 'parent' in node ? (node as TreeNode) : undefined;
  while (at && !(isNode(at, 'albumScope'))) {
    at = at.parent;
  }
  return isNode(at, 'albumScope') ? manualGroup(app, at.kind) : undefined;
}

/**
 * Asks where a new album goes, unless `group` says it: personal, or a family. The Family group
 * spans every family, so a family is picked when there is more than one (from the group's own
 * list of families, not a new walk). From the palette, one pick offers Personal and each family.
 * @returns undefined when the user stopped, or there is no family to put a family album in.
 */
export async function placeAlbum(app: App, group: AlbumGroupNode | undefined): Promise<AlbumPlace | undefined> {
  if (group && group.kind === AlbumKind.personal) {
    return { group };
  }
  const familyGroup = group ?? manualGroup(app, AlbumKind.family);
  const personal = manualGroup(app, AlbumKind.personal);
  if (!(isNode(familyGroup, 'familyAlbumGroup')) || !personal) {
    return undefined;
  }
  const families = await app.prompter.progress(app.t('Looking up your families…'), (_reporter, signal) => familyGroup.familyList(signal), { quietMs: 1000 });
  if (group === undefined) {
    if (families.length === 0) {
      return { group: personal };
    }
    const choices = [
      { label: app.t('Personal album'), value: { group: personal } as AlbumPlace },
      ...families.map((family) => ({ label: app.t('Family album: {0}', family.name), value: { group: familyGroup, family } })),
    ];
    return pickOne(app, choices, { title: app.t('Create Album'), placeholder: app.t('Where should the new album be?') });
  }
  if (families.length === 0) {
    void app.prompter.notify('info', app.t('You are not in a family yet. A family is the group of a shared folder: create a shared folder or accept an invitation to one first.'));
    return undefined;
  }
  const family = families.length === 1
    ? families[0]
    : await pickOne(app, families.map((each) => ({ label: each.name, value: each })), { title: app.t('Create Album'), placeholder: app.t('Which family is the album for?') });
  return family ? { group: familyGroup, family } : undefined;
}
