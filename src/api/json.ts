/**
 * Lossless JSON (D8). Integer literals beyond 2^53 are quoted before `JSON.parse` sees them, so
 * an id such as `1765148492881313793` keeps every digit; text inside strings is never touched.
 * Then every id field is normalised to a string, whatever its size.
 */

/** Field names that hold identifiers: their numbers become strings. */
export const ID_FIELDS: ReadonlySet<string> = new Set([
  'id', 'ids', 'groupId', 'ownerId', 'creator', 'modifier', 'inviteId', 'userId', 'deleteUserId', 'containerId',
  'shareFolderId', 'shareFolderFileId', 'fileId', 'albumId', 'tenantId', 'deptId', 'orgId',
  'bizRootFileId', 'bizSboxFileId', 'rootFileId', 'scopeParentFolderId',
]);

/**
 * Returns `text` with every integer literal that a double cannot hold exactly turned into a
 * JSON string of the same digits. Strings (escapes included) are copied unchanged; invalid JSON
 * stays invalid, so `JSON.parse` still reports it.
 */
export function quoteBigIntegers(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      i = endOfString(text, i);
    } else if (char === 0x2d /* - */ || (char >= 0x30 && char <= 0x39)) {
      let end = i + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end])) {
        end += 1;
      }
      const literal = text.slice(i, end);
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        parts.push(text.slice(copied, i), `"${literal}"`);
        copied = end;
      }
      i = end;
    } else {
      i += 1;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Index just past the string that opens at `start`, or the end of the text if unterminated. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text.charCodeAt(i);
    if (char === 0x5c /* \ */) {
      i += 2;
    } else if (char === 0x22) {
      return i + 1;
    } else {
      i += 1;
    }
  }
  return text.length;
}

/**
 * Parses `text` losslessly: big integers come back as strings of their exact digits, and every
 * id field (see {@link ID_FIELDS}) holding a number, or an array of numbers, becomes strings.
 * @throws SyntaxError when `text` is not valid JSON.
 */
export function parseLossless(text: string): unknown {
  return normaliseIds(JSON.parse(quoteBigIntegers(text)) as unknown);
}

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
