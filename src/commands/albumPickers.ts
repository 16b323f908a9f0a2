import * as vscode from 'vscode';
import type { ListAlbumsQuery } from '../api/albums';
import { albumContentPage, albumPage } from '../api/paging';
import { AlbumKind, AlbumType, ShareFolderQueryType, type AlbumContent, type AlbumItem } from '../api/types';
import { albumDescription, albumLabel, contentDescription, contentLabel, folderLabel } from '../model/present';
import type { PagedPickSource, PickPage } from '../ui/prompter';
import type { CommandContext } from './context';

const t = vscode.l10n.t;

type AlbumCursor = { groupIndex: number; page: number };

/** Manual albums to pick from: personal ones first, then each family's, a page at a time. */
export function manualAlbumSource(ctx: CommandContext): PagedPickSource<AlbumItem, AlbumCursor> {
  let groups: { groupId: string | undefined; name?: string }[] | undefined;
  return {
    async load(cursor, signal): Promise<PickPage<AlbumItem, AlbumCursor>> {
      if (!groups) {
        const folders = await ctx.recovery.call(() => ctx.client.listSharedFolders({ offset: 0, limit: 1000, queryType: ShareFolderQueryType.all }, { signal }));
        const seen = new Set<string>();
        groups = [{ groupId: undefined }];
        for (const folder of folders) {
          if (folder.groupId && !seen.has(folder.groupId)) {
            seen.add(folder.groupId);
            groups.push({ groupId: folder.groupId, name: folderLabel(folder, t) });
          }
        }
      }
      const pageSize = ctx.config.pageSize();
      let at: AlbumCursor | undefined = cursor ?? { groupIndex: 0, page: 1 };
      while (at && at.groupIndex < groups.length) {
        const group: { groupId: string | undefined; name?: string } = groups[at.groupIndex];
        const query: ListAlbumsQuery = group.groupId
          ? { albumKind: AlbumKind.family, albumType: AlbumType.manual, groupId: group.groupId, pageNum: at.page, pageSize }
          : { albumKind: AlbumKind.personal, albumType: AlbumType.manual, pageNum: at.page, pageSize };
        const page: { items: AlbumItem[]; next?: number } = await ctx.recovery.call(() => albumPage(ctx.client, query, { signal }));
        const next: AlbumCursor | undefined = page.next !== undefined
          ? { groupIndex: at.groupIndex, page: page.next }
          : at.groupIndex + 1 < groups.length ? { groupIndex: at.groupIndex + 1, page: 1 } : undefined;
        if (page.items.length > 0) {
          return {
            items: page.items.map((album) => ({ label: albumLabel(album, t), description: albumDescription(album, t, group.name), value: { ...album, familyName: group.name } })),
            next,
          };
        }
        at = next;
      }
      return { items: [], next: undefined };
    },
  };
}

/** The items of one album to pick from (cursor paging, D11). */
export function albumContentSource(ctx: CommandContext, albumId: string): PagedPickSource<AlbumContent, string> {
  return {
    async load(cursor, signal): Promise<PickPage<AlbumContent, string>> {
      const page = await ctx.recovery.call(() => albumContentPage(ctx.client, albumId, cursor, { pageSize: ctx.config.pageSize() }, { signal }));
      return {
        items: page.items.map((content) => ({ label: contentLabel(content), description: contentDescription(content), detail: content.id === contentLabel(content) ? undefined : content.id, value: content })),
        next: page.next,
      };
    },
  };
}
