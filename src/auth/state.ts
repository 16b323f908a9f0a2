/**
 * Whether KooDrive may be called: no token (or no user id), a token KooDrive accepts, or one it
 * answered 401 to. The session owns it; the trees and the status bar read it.
 */
export type SessionState = 'signedOut' | 'signedIn' | 'expired';
