import type * as Handlers from './handlers';

let loaded: Promise<typeof Handlers> | undefined;

/**
 * The command handlers, loaded once, on first use. They are bundled on their own
 * (dist/commands.js): activation reads and compiles only the trees, the client and the few
 * commands a first look needs, and the bulk of the commands arrives with the first one run.
 */
export function loadHandlers(): Promise<typeof Handlers> {
  loaded ??= import('./handlers.js');
  return loaded;
}
