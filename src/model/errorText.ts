import { isKooDriveError, type KooDriveError } from '../api/errors';
import type { Localize } from './localize';
import { safeText } from './safeText';
import { isInvalidSetting } from './settingsRules';

/** User-facing wording for failures. Pure: the trees, the error boundary and unit tests share it. */

/** One sentence saying what went wrong, without the trace id. */
export function errorReason(error: unknown, t: Localize): string {
  if (isInvalidSetting(error)) {
    return error.message;
  }
  if (!isKooDriveError(error)) {
    return safeText(error instanceof Error ? error.message : error);
  }
  const server = serverSays(error);
  switch (error.kind) {
    case 'sessionExpired':
      return t('your KooDrive session has expired or the access token was not accepted');
    case 'notPermitted':
      return t('KooDrive says you are not allowed to do this{0}', server);
    case 'notFound':
      return t('it no longer exists on KooDrive{0}', server);
    case 'invalidInput':
      return t('KooDrive rejected the request{0}', server);
    case 'throttled':
      return t('KooDrive is busy (too many requests); try again in a moment');
    case 'server':
      return t('KooDrive had a server error (HTTP {0}); try again later', error.status ?? '?');
    case 'network':
      return t('KooDrive could not be reached; check koodrive.endpoint and your connection');
    case 'timeout':
      return t('KooDrive did not answer in time (koodrive.requestTimeoutSeconds)');
    case 'cancelled':
      return t('cancelled');
    case 'badResponse':
      return t('KooDrive sent an answer that could not be read');
    case 'tooLarge':
      return t('the file is larger than 50 MB, the most Open Preview downloads; open it in KooDrive instead');
    case 'integrity':
      return t('the downloaded bytes do not match the file’s size or checksum on KooDrive; nothing was kept');
    case 'disk':
      return error.systemCode === 'EEXIST'
        ? t('a file of that name appeared in the folder meanwhile; it was not overwritten')
        : t('the file could not be written to disk ({0})', safeText(error.systemCode ?? '?', 20));
    case 'noContent':
      return t('KooDrive gives no file to download for it (a folder, or a file without content)');
    case 'configuration':
      return t('the KooDrive settings are incomplete: {0}', safeText(error.message));
    default:
      return safeText(error.message);
  }
}

/** The server's code and `msg`, made inert (D18): a `msg` is data, never a link. */
function serverSays(error: KooDriveError): string {
  const parts = [safeText(error.code, 20), safeText(error.serverMessage)].filter(Boolean);
  return parts.length > 0 ? `: ${parts.join(' ')}` : '';
}

/** `<Reason>. Trace id: <id>.` — every error message ends with the trace id when there is one. */
export function errorMessage(prefix: string, error: unknown, t: Localize): string {
  const reason = errorReason(error, t);
  const trace = isKooDriveError(error) && error.traceId ? ` ${t('Trace id: {0}', safeText(error.traceId, 80))}` : '';
  // A server msg usually ends a sentence already ("Verify parameters failed."): no second stop.
  const stop = /[.!?。！？]$/.test(reason) ? '' : '.';
  return `${prefix}: ${reason}${stop}${trace}`;
}

/** `text` without its closing full stop, to sit inside a sentence of its own ("Reason: {0}."). */
export function withoutStop(text: string): string {
  return text.replace(/[.。]+$/, '');
}

/** True for failures worth offering a plain Retry for. */
export function isTransient(error: unknown): boolean {
  return isKooDriveError(error) && ['throttled', 'server', 'network', 'timeout', 'badResponse'].includes(error.kind);
}

export function isCancellation(error: unknown): boolean {
  return (isKooDriveError(error) && error.kind === 'cancelled') || (error instanceof Error && error.name === 'Canceled');
}
