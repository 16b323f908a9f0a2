/**
 * Mobile numbers as UserGroupInvite takes them (§4.1, D20): a 4-digit international prefix (`00`
 * and the country code), then the subscriber number, digits only. Pure and unit-tested.
 */

/** The documented form: `00`, a 2-digit country code, then the subscriber number (6 to 16 digits; the API allows 20 in all). */
const DOCUMENTED = /^00\d{2}\d{6,16}$/;

/**
 * A number as a person types it, in the documented form: spaces, dashes, dots and parentheses
 * are dropped and a leading `+` becomes `00` (`+86 138-0013-8000` → `008613800138000`).
 * @returns undefined when what is left is not in the documented form.
 */
export function normaliseMobile(input: string): string | undefined {
  const compact = input.trim().replace(/[\s\-.()\u00a0]/g, '');
  const digits = compact.startsWith('+') ? `00${compact.slice(1)}` : compact;
  return DOCUMENTED.test(digits) ? digits : undefined;
}
