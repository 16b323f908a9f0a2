/**
 * Deterministic identifiers for seeded data: the same seed always yields the same ids, so tests,
 * screenshots and bug reports can name them.
 */
import { createHash } from 'node:crypto';

/** A file id shaped like the service's: `F` followed by 32 base64url characters. */
export function fileId(label: string): string {
  return 'F' + createHash('sha256').update(`koodrive-emulator/file/${label}`).digest('base64url').slice(0, 32);
}

/** An opaque access token (64 hex characters) for a seeded user. */
export function tokenFor(userId: string): string {
  return createHash('sha256').update(`koodrive-emulator/token/${userId}`).digest('hex');
}

/** A personal-space id shaped like the reference example `IAAFanxbXNArpAncA1645841408025905537`. */
export function containerIdFor(userId: string): string {
  return `IAAFanxbXNArpAncA${userId}`;
}

/** Masks a mobile number the way the pages show it, e.g. `0027821****567`. */
export function maskMobile(mobile: string): string {
  return mobile.length > 8 ? `${mobile.slice(0, 6)}****${mobile.slice(-3)}` : '****';
}
