/**
 * Hostile names for tests (D18): a control endpoint sets a name directly, bypassing every rule
 * the API enforces (length, emoji, control characters, `/`...), so that tests can check how the
 * extension shows server text it must treat as data.
 */
import type { NameKind } from './contract';
import type { Store } from './store';

/** Long enough for any test, short enough that a typo cannot fill memory. */
const MAX_LENGTH = 4096;

/**
 * Names the `kind` record `id` (album id, shared-folder primary key, user id or file id).
 * An album or folder shows the name in every list; a user's name is GetUser's `name` and the
 * member list's `userName`; a file's is getFile's `fileName` and GetFullPath's last segment.
 * A file's name `''` or `null` removes it: getFile then answers without `fileName`,
 * `fileSuffix` and `fullFileSuffix`, and GetFullPath without `namePath`, so a client must name
 * the file by its id and MIME type.
 * @throws Error naming what is wrong: unknown kind or id, a collection album (never named on
 * the wire), or a name that is not a string of at most 4096 characters (nor a file's `null`).
 */
export function plantName(store: Store, kind: unknown, id: unknown, name: unknown): void {
  if (typeof id !== 'string' || id === '') {
    throw new Error('id must be a non-empty string');
  }
  if (kind === 'file' && name === null) {
    name = '';
  }
  if (typeof name !== 'string' || name.length > MAX_LENGTH) {
    throw new Error(`name must be a string of at most ${MAX_LENGTH} characters`);
  }
  const found = find(store, kind as NameKind, id);
  if (!found) {
    throw new Error(`No ${String(kind)} ${id}`);
  }
  found.rename(name);
}

function find(store: Store, kind: NameKind, id: string): { rename(name: string): void } | undefined {
  switch (kind) {
    case 'album': {
      const album = store.albums.get(id);
      if (album?.albumType === 1) {
        throw new Error(`Album ${id} is a collection album, which never shows a name`);
      }
      return album && { rename: (name) => (album.name = name) };
    }
    case 'sharedFolder': {
      const folder = store.folders.get(id);
      return folder && { rename: (name) => (folder.name = name) };
    }
    case 'user': {
      const user = store.users.get(id);
      return user && { rename: (name) => (user.name = name) };
    }
    case 'file':
      return store.files.has(id) ? { rename: (name) => store.files.rename(id, name) } : undefined;
    default:
      throw new Error('kind must be album, sharedFolder, user or file');
  }
}
