import type { App } from '../app';
import { createAlbum } from './common/albumCreation';
import { manualGroupOf } from './common/albumPlace';
import { rowsIn } from './common/selection';

/**
 * Create Album: on a Manual group (inline `+`, context menu, Ctrl+Alt+N in the Albums view) it
 * creates there; from the palette it asks personal or which family.
 */
export async function createAlbumCommand(app: App, node?: unknown, nodes?: unknown): Promise<void> {
  const [first] = rowsIn(app, 'albums', node, nodes);
  await createAlbum(app, manualGroupOf(app, first));
}
