import { KooDriveError } from './errors';

/** Rejects input the reference forbids before anything reaches the wire (kind `invalidInput`). */
export function check(condition: boolean, method: string, path: string, detail: string): void {
  if (!condition) {
    throw new KooDriveError({ kind: 'invalidInput', method, path, traceId: '-', detail });
  }
}

export function inRange(value: number | undefined, min: number, max: number): boolean {
  return value === undefined || (Number.isInteger(value) && value >= min && value <= max);
}

/** Shared-folder names (§3.1): shorter than 32 characters, no emoji, not `.`/`..`, none of `<>|:*?"/` nor control escapes. */
export function sharedFolderNameProblem(name: string): string | undefined {
  if (name.trim() === '' || name === '.' || name === '..') {
    return 'the name cannot be empty, "." or ".."';
  }
  if ([...name].length >= 32) {
    return 'the name must be shorter than 32 characters';
  }
  if (/[<>|:*?"/\n\r\b\t]/.test(name)) {
    return 'the name cannot contain < > | : * ? " / or control characters';
  }
  if (/\p{Extended_Pictographic}/u.test(name)) {
    return 'the name cannot contain emoji';
  }
  return undefined;
}
