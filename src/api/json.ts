/**
 * Lossless JSON (D8): integer literals beyond 2^53 become strings before `JSON.parse` sees
 * them, so an id such as `1765148492881313793` keeps every digit. Digits inside strings are
 * left alone. Then every id-like field is normalised to a string.
 */

const idFields = new Set([
  'id', 'groupId', 'ownerId', 'creator', 'inviteId', 'userId', 'containerId', 'shareFolderId',
  'shareFolderFileId', 'fileId', 'tenantId', 'modifier', 'deptId', 'orgId', 'bizRootFileId', 'bizSboxFileId',
]);

/** Quotes integer literals too large for a double, outside strings. */
export function quoteBigIntegers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end])) {
        end += 1;
      }
      const literal = text.slice(i, end);
      out += /^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal)) ? `"${literal}"` : literal;
      i = end;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
    } else if (text[i] === '"') {
      return i + 1;
    } else {
      i += 1;
    }
  }
  return text.length;
}

/** Parses `text` losslessly; throws SyntaxError on invalid JSON. */
export function parseLossless(text: string): unknown {
  return normaliseIds(JSON.parse(quoteBigIntegers(text)) as unknown);
}

/** Every id field becomes a string (numbers of any size included). */
export function normaliseIds(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normaliseIds);
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      out[key] = idFields.has(key) && typeof field === 'number' ? String(field) : normaliseIds(field);
    }
    return out;
  }
  return value;
}
