/**
 * Untrusted text (D18): server strings (`msg`, album, folder, file and user names) and setting
 * values are data. VS Code turns `[label](command:…)` in notifications and modal dialogs into a
 * working link, and `$(name)` in quick picks and the status bar into an icon; a newline in a log
 * line forges another line. This module makes such text inert, visibly and in one place.
 */

/** Longest text shown by default; longer text ends in an ellipsis. */
export const SAFE_TEXT_MAX = 200;

// C0 and C1 control characters, DEL, the Unicode line and paragraph separators, and the bidi
// embedding/override/isolate marks that can make text read differently from what it is.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/**
 * `value` as one line of plain text that no VS Code surface renders as a link or an icon:
 * control characters and newlines become a space, `](` becomes `] (` (so no Markdown link can
 * form) and `$(` becomes `$ (` (so no codicon can form). Non-strings are shown as their JSON.
 * Cut to `max` characters (whole code points) with an ellipsis.
 */
export function safeText(value: unknown, max = SAFE_TEXT_MAX): string {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : jsonOf(value);
  let safe = text.replace(UNSAFE_CHARACTERS, ' ').replace(/\](\s*)\(/g, '] (').replace(/\$(\s*)\(/g, '$ (');
  // A lone surrogate half would render as a replacement box; show it as one honestly.
  safe = safe.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const points = [...safe];
  return points.length > max ? `${points.slice(0, Math.max(0, max - 1)).join('')}…` : safe;
}

function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Markdown-escapes `value` for a MarkdownString (tooltips), after making it one safe line. */
export function escapeMarkdown(value: unknown, max = SAFE_TEXT_MAX): string {
  return safeText(value, max).replace(/[\\`*_{}[\]()#+\-.!|<>~&$:]/g, (char) => `\\${char}`);
}
