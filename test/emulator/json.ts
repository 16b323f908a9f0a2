/**
 * A small JSON serializer that can write integers beyond 2^53 exactly.
 *
 * The reference shows some ids (`groupId` of CreateShareFolder, `ownerId` of ShareFolder) as bare
 * JSON numbers larger than `Number.MAX_SAFE_INTEGER`. `JSON.stringify` cannot produce those without
 * rounding, so the emulator keeps such ids as strings and wraps them in {@link JsonInteger} where
 * the wire shows a number (decision D8); this serializer then emits the digits unquoted.
 */

/** An integer written into the JSON text as a bare number, digit for digit. */
export class JsonInteger {
  /** @throws Error when `digits` is not an optionally negative decimal integer literal. */
  constructor(readonly digits: string) {
    if (!/^-?(0|[1-9]\d*)$/.test(digits)) {
      throw new Error(`Not an integer literal: ${digits}`);
    }
  }
}

/**
 * Serialises `value` like `JSON.stringify` (no indentation), except that {@link JsonInteger}
 * values are written as bare numbers. Properties whose value is `undefined` are left out.
 * @throws Error on non-finite numbers, bigint, functions or symbols (a bug in the emulator).
 */
export function stringifyJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null) {
    out.push('null');
  } else if (value instanceof JsonInteger) {
    out.push(value.digits);
  } else if (typeof value === 'string') {
    out.push(JSON.stringify(value));
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`Cannot serialise ${value}`);
    }
    out.push(String(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) {
        out.push(',');
      }
      // Like JSON.stringify: an undefined array element becomes null.
      write(item === undefined ? null : item, out);
    });
    out.push(']');
  } else if (typeof value === 'object') {
    out.push('{');
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) {
        continue;
      }
      if (!first) {
        out.push(',');
      }
      first = false;
      out.push(JSON.stringify(key), ':');
      write(item, out);
    }
    out.push('}');
  } else {
    throw new Error(`Cannot serialise a ${typeof value}`);
  }
}

/** Marks big literals quoted while parsing; no real client sends a string starting with NUL. */
const BIG_MARK = '\u0000big:';

/**
 * Parses JSON like `JSON.parse`, except that integer literals outside the safe range are not
 * rounded: they become {@link JsonInteger} values holding their exact digits (or plain strings of
 * those digits with `asStrings`). Numbers inside strings are left alone.
 * @throws SyntaxError like `JSON.parse`.
 */
export function parseJsonLossless(text: string, asStrings = false): unknown {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      // Copy a whole string literal, escapes included.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        j += text[j] === '\\' ? 2 : 1;
      }
      out.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const literal = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))?.[0] ?? ch;
      const isBigInteger = /^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal));
      out.push(isBigInteger ? `"\\u0000big:${literal}"` : literal);
      i += literal.length;
    } else {
      out.push(ch);
      i++;
    }
  }
  return JSON.parse(out.join(''), (_key, value: unknown) => {
    if (typeof value === 'string' && value.startsWith(BIG_MARK)) {
      const digits = value.slice(BIG_MARK.length);
      return asStrings ? digits : new JsonInteger(digits);
    }
    return value;
  }) as unknown;
}
