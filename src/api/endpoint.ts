import { KooDriveError } from './errors';

/** `localhost`, `127.0.0.0/8` or `[::1]`, as the WHATWG URL parser writes them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Validates the KooDrive base URL (D13) and returns it parsed, with no trailing slash in its
 * path. Accepted: an absolute `https://` URL, or `http://` on a loopback host (localhost,
 * 127.0.0.0/8, [::1]); without credentials, query or fragment. A trailing slash is tolerated.
 * The message never repeats the input, which could hold credentials.
 * @throws KooDriveError of kind `configuration` for anything else.
 */
export function parseEndpoint(raw: string): URL {
  const fail = (detail: string): never => {
    throw new KooDriveError({ kind: 'configuration', method: '', path: '', detail: `The KooDrive endpoint ${detail}.` });
  };
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') {
    return fail('is not set');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('must be an https:// address');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail('must use https:// (http:// is allowed only on this computer: localhost, 127.0.0.1 or [::1])');
  }
  // `URL.search` is '' for a bare "?", so look at the text too.
  if (url.username || url.password) {
    return fail('must not contain a user name or password');
  }
  if (url.search || url.hash || text.includes('?') || text.includes('#')) {
    return fail('must not contain a query (?) or a fragment (#)');
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}
