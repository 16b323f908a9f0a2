import { KooDriveError } from './errors';

const loopbackHosts = new Set(['localhost', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Validates the base URL (D13): https, or http on a loopback address only; no credentials,
 * query or fragment. Returns it without a trailing slash. Throws KooDriveError `configuration`.
 */
export function parseEndpoint(raw: string): URL {
  const fail = (detail: string): never => {
    throw new KooDriveError({ kind: 'configuration', method: '-', path: '-', traceId: '-', detail });
  };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('the endpoint is not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return fail('the endpoint must use https:// (http:// only on a loopback address)');
  }
  if (url.username || url.password || url.search || url.hash) {
    return fail('the endpoint must not contain credentials, a query or a fragment');
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}
