/**
 * Lossless JSON (D8). One pass over the text, before `JSON.parse` sees it, quotes every integer
 * literal that a double cannot hold exactly, so an id such as `1765148492881313793` keeps every
 * digit, and every number that is the value of an id field (or an element of an array that is),
 * so ids come out as strings whatever their size. Text inside strings is never touched; nothing
 * is rebuilt after parsing.
 */

/** Field names that hold identifiers: their numbers become strings. */
export const ID_FIELDS: ReadonlySet<string> = new Set([
  'id', 'ids', 'groupId', 'ownerId', 'creator', 'modifier', 'inviteId', 'userId', 'deleteUserId', 'containerId',
  'shareFolderId', 'shareFolderFileId', 'fileId', 'albumId', 'tenantId', 'deptId', 'orgId',
  'bizRootFileId', 'bizSboxFileId', 'rootFileId', 'scopeParentFolderId',
]);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const MINUS = 0x2d;

function isDigit(char: number): boolean {
  return char >= 0x30 && char <= 0x39;
}

/** True for the characters that may continue a number literal: digits, `.`, `e`, `E`, `+`, `-`. */
function continuesNumber(char: number): boolean {
  return isDigit(char) || char === 0x2e || char === 0x65 || char === 0x45 || char === 0x2b || char === MINUS;
}

/**
 * Returns `text` with every integer literal that a double cannot hold exactly turned into a
 * JSON string of the same digits; with `ids`, also every number that is an id field's value
 * or an element of an id field's array (see {@link ID_FIELDS}). Strings (escapes included) are
 * copied unchanged; invalid JSON stays invalid, so `JSON.parse` still reports it.
 */
export function quoteBigIntegers(text: string, ids = false): string {
  let quoted = '';
  let copied = 0;
  // The last string seen (a key, when a colon follows), and whether a value follows a colon.
  let stringStart = -1;
  let stringEnd = -1;
  let keyStart = -1;
  let keyEnd = -1;
  let afterColon = false;
  // One entry per open container: 1 for an array that is an id field's value, else 0.
  const containers: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      stringStart = i;
      i = endOfString(text, i);
      stringEnd = i;
    } else if (char === MINUS || isDigit(char)) {
      let end = i + 1;
      let integer = true;
      while (end < length) {
        const next = text.charCodeAt(end);
        if (!continuesNumber(next)) {
          break;
        }
        integer &&= isDigit(next);
        end++;
      }
      const idValue = ids && (afterColon ? isIdKey(text, keyStart, keyEnd) : containers[containers.length - 1] === 1);
      if (idValue || (integer && !isSafeIntegerLiteral(text, i, end))) {
        quoted += `${text.slice(copied, i)}"${text.slice(i, end)}"`;
        copied = end;
      }
      afterColon = false;
      i = end;
    } else {
      if (char === COLON) {
        keyStart = stringStart;
        keyEnd = stringEnd;
        afterColon = true;
      } else if (char === OPEN_ARRAY) {
        containers.push(ids && afterColon && isIdKey(text, keyStart, keyEnd) ? 1 : 0);
        afterColon = false;
      } else if (char === OPEN_OBJECT) {
        containers.push(0);
        afterColon = false;
      } else if (char === CLOSE_ARRAY || char === CLOSE_OBJECT) {
        containers.pop();
        afterColon = false;
      } else if (char === COMMA) {
        afterColon = false;
      }
      i++;
    }
  }
  return copied === 0 ? text : quoted + text.slice(copied);
}

/** True when the integer literal text[start, end) fits a double exactly (at most 15 digits always does). */
function isSafeIntegerLiteral(text: string, start: number, end: number): boolean {
  const digits = end - start - (text.charCodeAt(start) === MINUS ? 1 : 0);
  return digits <= 15 || (digits === 16 && Number.isSafeInteger(Number(text.slice(start, end))));
}

/** The id field names by length, so a key is compared in place, without slicing it out. */
const ID_FIELDS_BY_LENGTH: ReadonlyMap<number, readonly string[]> = (() => {
  const byLength = new Map<number, string[]>();
  for (const name of ID_FIELDS) {
    byLength.set(name.length, [...(byLength.get(name.length) ?? []), name]);
  }
  return byLength;
})();

/** True when the string token text[start, end) (quotes included) names an id field. */
function isIdKey(text: string, start: number, end: number): boolean {
  if (start < 0) {
    return false;
  }
  for (const name of ID_FIELDS_BY_LENGTH.get(end - start - 2) ?? []) {
    if (text.startsWith(name, start + 1)) {
      return true;
    }
  }
  // A key written with escapes ("i\u0064") is longer than it reads: decode it, rarely needed.
  for (let i = start + 1; i < end - 1; i++) {
    if (text.charCodeAt(i) === BACKSLASH) {
      return ID_FIELDS.has(JSON.parse(text.slice(start, end)) as string);
    }
  }
  return false;
}

/** Index just past the string that opens at `start`, or the end of the text if unterminated. */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    // The quote closes the string unless an odd number of backslashes precedes it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      return quote + 1;
    }
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/**
 * Parses `text` losslessly: big integers come back as strings of their exact digits, and every
 * id field (see {@link ID_FIELDS}) holding a number, or an array of numbers, holds strings.
 * @throws SyntaxError when `text` is not valid JSON.
 */
export function parseLossless(text: string): unknown {
  return JSON.parse(MAY_NEED_QUOTES.test(text) ? quoteBigIntegers(text, true) : text) as unknown;
}

/**
 * True for every text in which {@link quoteBigIntegers} would quote something (and some more):
 * a run of 16+ digits where a number may start (any unsafe integer has 16 digits or more), an id
 * field followed by a number or an array, or a `\u` escape (which could spell an id field's name).
 * A page without any, such as an album content page, skips the scan.
 */
const MAY_NEED_QUOTES = new RegExp(`(?:^|[:\\[,])\\s*-?\\d{16}|"(?:${[...ID_FIELDS].join('|')})"\\s*:\\s*[-\\d\\[]|\\\\u`);

/** Returns a copy of `value` in which every id field's numbers are strings. */
export function normaliseIds(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normaliseIds);
  }
  if (value !== null && typeof value === 'object') {
    // fromEntries defines properties, so a "__proto__" key stays a plain key.
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, field]) => [key, ID_FIELDS.has(key) ? idToString(field) : normaliseIds(field)]));
  }
  return value;
}

function idToString(field: unknown): unknown {
  if (typeof field === 'number') {
    return String(field);
  }
  if (Array.isArray(field)) {
    return field.map((item) => (typeof item === 'number' ? String(item) : normaliseIds(item)));
  }
  return normaliseIds(field);
}
