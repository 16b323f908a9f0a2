/**
 * What a download does with each file when the target folder already holds one of that name
 * (D22): the same file (same size and, where known, sha256) is already there and is skipped; a
 * different one is never overwritten without asking. One answer covers the whole download.
 * Pure, so the rule is tested without a disk.
 */
import { firstFreeName, nameKey } from './fileNames';

/** The local file of a planned name: none, the same bytes as on KooDrive, or something else. */
export type LocalState = 'absent' | 'same' | 'different';

/** The one answer asked for when some planned file clashes with a different local file. */
export type ClashAnswer = 'overwrite' | 'keepBoth' | 'skip';

/** What happens to one planned file. */
export type SaveAction =
  /** Write the file under `write`, replacing a local file of that name only when `overwrite`. */
  | { write: string; overwrite: boolean }
  /** Nothing: the same file is `alreadyThere`, or the local one is `kept` as the user asked. */
  | { skip: 'alreadyThere' | 'kept' };

/** A file to save: its name in the folder (already made unique among the download's files) and what is there now. */
export interface PlannedFile {
  name: string;
  state: LocalState;
}

/** True when some file clashes with a different local file: then, and only then, ask for a {@link ClashAnswer}. */
export function needsQuestion(states: Iterable<LocalState>): boolean {
  for (const state of states) {
    if (state === 'different') {
      return true;
    }
  }
  return false;
}

/**
 * The action for each of `files`, in order. `keepBoth` writes a clashing file under the first
 * free `name (n).ext`, free meaning neither in `present` (the names in the folder) nor planned
 * for another file, compared as Windows and macOS do (case and normalisation ignored).
 * @throws Error when a file is `different` and `answer` is undefined: the caller had to ask.
 */
export function resolveClashes(files: readonly PlannedFile[], answer: ClashAnswer | undefined, present: Iterable<string>): SaveAction[] {
  const taken = new Set([...present, ...files.map((file) => file.name)].map(nameKey));
  return files.map(({ name, state }): SaveAction => {
    switch (state) {
      case 'absent':
        return { write: name, overwrite: false };
      case 'same':
        return { skip: 'alreadyThere' };
      case 'different':
        if (answer === undefined) {
          throw new Error('a file clashes with a different local file, and no answer was given');
        }
        return answer === 'overwrite' ? { write: name, overwrite: true } : answer === 'skip' ? { skip: 'kept' } : { write: firstFreeName(name, taken), overwrite: false };
    }
  });
}
