import { randomBytes } from 'node:crypto';

/** A fresh 58-character trace id (D4): 29 random bytes as lower-case hex. */
export function newTraceId(): string {
  return randomBytes(29).toString('hex');
}
