import type { Localize } from './localize';
import { safeText } from './safeText';

/** A setting's value quoted in a message: from a workspace it is untrusted text (D18). */
function quoted(raw: unknown): string {
  return safeText(JSON.stringify(raw) ?? String(raw), 60);
}

/** A setting holds a value the extension cannot use. The message says what to do. */
export class InvalidSettingError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidSettingError';
  }
}

/**
 * True for an {@link InvalidSettingError}, told by shape rather than `instanceof`: the command
 * handlers' bundle carries its own copy of this module.
 */
export function isInvalidSetting(error: unknown): error is InvalidSettingError {
  return error instanceof Error && error.name === 'InvalidSettingError' && typeof (error as { setting?: unknown }).setting === 'string';
}

export type DeleteConfirmation = 'modal' | 'typeName';

const userIdPattern = /^\d{1,32}$/;

/** `koodrive.userId`: empty means "not set yet"; anything else must be a KooDrive user id (digits). */
export function readUserId(raw: unknown, t: Localize): string | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return undefined;
  }
  const value = typeof raw === 'string' ? raw.trim() : raw;
  if (typeof value !== 'string' || !userIdPattern.test(value)) {
    throw new InvalidSettingError('koodrive.userId', t('The setting koodrive.userId must be your KooDrive user id (digits only). Correct it in Settings, or clear it and sign in again.'));
  }
  return value;
}

/** True when `value` looks like a KooDrive user id; used to validate the sign-in prompt. */
export function isUserId(value: string): boolean {
  return userIdPattern.test(value.trim());
}

export function readPageSize(raw: unknown, t: Localize): number {
  if (raw === undefined) {
    return 50;
  }
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 100) {
    throw new InvalidSettingError('koodrive.pageSize', t('The setting koodrive.pageSize must be a whole number from 1 to 100 (it is {0}). Correct it in Settings.', quoted(raw)));
  }
  return raw;
}

export function readTimeoutMs(raw: unknown, t: Localize): number {
  if (raw === undefined) {
    return 30_000;
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 1 || raw > 300) {
    throw new InvalidSettingError('koodrive.requestTimeoutSeconds', t('The setting koodrive.requestTimeoutSeconds must be a number of seconds from 1 to 300 (it is {0}). Correct it in Settings.', quoted(raw)));
  }
  return Math.round(raw * 1000);
}

export function readDeleteConfirmation(raw: unknown, t: Localize): DeleteConfirmation {
  if (raw === undefined || raw === 'modal') {
    return 'modal';
  }
  if (raw === 'typeName') {
    return 'typeName';
  }
  throw new InvalidSettingError('koodrive.deleteConfirmation', t('The setting koodrive.deleteConfirmation must be "modal" or "typeName" (it is {0}). Correct it in Settings.', quoted(raw)));
}

/**
 * `koodrive.language` → the `language` header (D5). `auto` follows VS Code's display language:
 * Chinese variants become `zh-CN`, everything else `en-US`.
 */
export function readLanguage(raw: unknown, displayLanguage: string, t: Localize): string {
  if (raw === undefined || raw === 'auto') {
    return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  }
  if (raw === 'en-US' || raw === 'zh-CN') {
    return raw;
  }
  throw new InvalidSettingError('koodrive.language', t('The setting koodrive.language must be "auto", "en-US" or "zh-CN" (it is {0}). Correct it in Settings.', quoted(raw)));
}
