/**
 * Privacy: people are shown by nickname where the API gives one, else by a masked id; phone
 * numbers are always masked. One rule for the trees, tooltips, prompts, the status bar and the log.
 */

/** `1644817543959100032` → `164…032`. Short values are masked whole. */
export function maskUserId(userId: string): string {
  return userId.length > 8 ? `${userId.slice(0, 3)}…${userId.slice(-3)}` : '***';
}

/**
 * `0027821234567` → `0027****567`: the international prefix and the last three digits. A value
 * the server already masked (it holds `*`) is kept; short values are masked whole.
 */
export function maskPhone(phone: string): string {
  if (phone.includes('*')) {
    return phone;
  }
  return phone.length > 8 ? `${phone.slice(0, 4)}****${phone.slice(-3)}` : '****';
}

/** Masks every occurrence of the user id (it can appear in paths such as `/space/{ownerId}`). */
export function maskIn(text: string, userId: string | undefined): string {
  return userId ? text.split(userId).join(maskUserId(userId)) : text;
}

/** Fields of API objects that name a person by id, and those that hold a phone number. */
export const PERSON_ID_FIELDS: ReadonlySet<string> = new Set(['ownerId', 'creator', 'modifier', 'userId', 'deleteUserId', 'inviterId', 'lastEditor']);
export const PHONE_FIELDS: ReadonlySet<string> = new Set(['mobile', 'phone', 'inviterPhone', 'inviteePhone']);

/** `value` masked when `key` names a person or a phone; other fields unchanged. */
export function maskField(key: string, value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return value;
  }
  if (PERSON_ID_FIELDS.has(key)) {
    return maskUserId(String(value));
  }
  return PHONE_FIELDS.has(key) ? maskPhone(String(value)) : value;
}
