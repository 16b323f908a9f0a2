/**
 * Removing the access token from text the server sent (`msg`), before it reaches an error: the
 * server may echo the token as sent, percent-encoded (once or twice), form-encoded, or with its
 * letter case changed.
 */

const REDACTED = '<redacted>';

/** `char` as it may come back: itself (any case), `%HH`, `%25HH`, and `+`/space swapped by form encoding. */
function echoesOf(char: string): string {
  const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
  const forms = [char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), `%${hex}`, `%25${hex}`];
  if (char === '+') {
    forms.push(' ');
  }
  return `(?:${forms.join('|')})`;
}

/**
 * `text` with every echo of `token` (see the module comment) replaced by `<redacted>`, and
 * anything shaped like a credential (`Bearer x`, `Bearer+x`, `AT+x`) redacted too. Built only
 * when an answer is a failure, so its cost never lands on a success.
 */
export function scrub(text: string, token: string): string {
  let clean = text;
  if (token !== '') {
    clean = clean.replace(new RegExp([...token].map(echoesOf).join(''), 'gi'), REDACTED);
  }
  return clean.replace(/\b(Bearer)([ +])[^\s,;"']+/gi, `$1$2${REDACTED}`).replace(/\bAT\+[^\s,;"']+/g, `AT+${REDACTED}`);
}
