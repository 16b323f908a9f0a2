/**
 * Local checks of what the reference forbids, so a bad request never reaches the wire: every
 * failure is a KooDriveError of kind `invalidInput` with an empty trace id (nothing was sent).
 */
import { KooDriveError } from './errors';
import { API_BASE_PATH, Limits } from './types';

/** @throws KooDriveError `invalidInput` with `detail` unless `condition` holds. */
export function check(condition: boolean, method: string, path: string, detail: string): void {
  if (!condition) {
    throw new KooDriveError({ kind: 'invalidInput', method, path, detail });
  }
}

/**
 * The API path of `template` (e.g. `/album/{albumId}/list`) with each `{name}` replaced by
 * `params[name]`, encodeURIComponent'd so an id holding `/`, `?` or `#` cannot change the path.
 * @throws KooDriveError `invalidInput` (naming the template) when a value is not a usable id:
 * empty, blank, `.` or `..` (which URL parsers would resolve as a path step), or holding a lone
 * surrogate (which cannot be encoded).
 */
export function pathFor(method: string, template: string, params: Record<string, string> = {}): string {
  return `${API_BASE_PATH}${template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    check(isUsableId(value), method, `${API_BASE_PATH}${template}`, `${name} must be a non-empty id`);
    return encodeURIComponent(value);
  })}`;
}

/** A lone UTF-16 surrogate: text that cannot be encoded as UTF-8 (encodeURIComponent throws on it). */
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` holds no lone surrogate, so it can be UTF-8 encoded. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** A non-empty, well-formed string that is not blank, `.` nor `..`. */
export function isUsableId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value !== '.' && value !== '..' && isWellFormed(value);
}

/** `value` for a path shown in a message: encodeURIComponent'd, lone surrogates first made U+FFFD, so it never throws. */
export function segmentForMessage(value: string): string {
  return encodeURIComponent(String(value).replace(/\p{Cs}/gu, '\uFFFD'));
}

/** @throws KooDriveError `invalidInput` unless `value` is a usable id (see {@link isUsableId}). */
export function requireId(value: unknown, name: string, method: string, path: string): void {
  check(isUsableId(value), method, path, `${name} must be a non-empty id`);
}

/** True when `value` is absent, or an integer in [min, max]. */
export function inRange(value: number | undefined, min: number, max: number): boolean {
  return value === undefined || (Number.isInteger(value) && value >= min && value <= max);
}

/** True when `value` is absent or one of `allowed`. */
export function oneOf<T>(value: T | undefined, allowed: readonly T[]): boolean {
  return value === undefined || allowed.includes(value);
}

/** Album names (§2.1, §2.2): 1-20 characters. Returns what is wrong, or undefined. */
export function albumNameProblem(name: string): string | undefined {
  const length = [...name].length;
  return name.trim() === '' || length > Limits.albumNameMax ? `album names have 1-${Limits.albumNameMax} characters` : undefined;
}

/**
 * Shared-folder names (§3.1, §3.4): shorter than 32 characters, no emoji, not `.`/`..`, none of
 * `<>|:*?"/` nor the control characters \n \r \b \t. Returns what is wrong, or undefined.
 */
export function sharedFolderNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name.trim() === '' || name === '.' || name === '..') {
    return 'the name cannot be empty, "." or ".."';
  }
  if ([...name].length >= Limits.sharedFolderNameMaxExclusive) {
    return `the name must be shorter than ${Limits.sharedFolderNameMaxExclusive} characters`;
  }
  if (/[<>|:*?"/\n\r\b\t]/.test(name)) {
    return 'the name cannot contain < > | : * ? " / or control characters';
  }
  if (/\p{Extended_Pictographic}/u.test(name)) {
    return 'the name cannot contain emoji';
  }
  return undefined;
}
