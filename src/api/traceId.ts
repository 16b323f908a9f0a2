import { randomBytes } from 'node:crypto';

/** Length of every `X-Traceid` (D4: the pages' "58 bits" means 58 characters). */
export const TRACE_ID_LENGTH = 58;

/** A fresh random trace id of exactly 58 lower-case hex characters (29 random bytes), for one attempt. */
export function newTraceId(): string {
  return randomBytes(TRACE_ID_LENGTH / 2).toString('hex');
}
