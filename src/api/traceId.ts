import { randomBytes } from 'node:crypto';

/** Length of every `X-Traceid` (D4: the pages' "58 bits" means 58 characters). */
export const TRACE_ID_LENGTH = 58;

/** A fresh random trace id of exactly 58 lower-case hex characters (29 random bytes), for one attempt. */
export function newTraceId(): string {
  return randomBytes(TRACE_ID_LENGTH / 2).toString('hex');
}

/** Trace ids drawn 64 at a time from one call to the random source (one call costs as much as 64 slices). */
export class TraceIds {
  private pool = '';
  private offset = 0;

  /** A fresh random trace id, as {@link newTraceId}. */
  next(): string {
    if (this.offset >= this.pool.length) {
      this.pool = randomBytes((TRACE_ID_LENGTH / 2) * 64).toString('hex');
      this.offset = 0;
    }
    const id = this.pool.slice(this.offset, this.offset + TRACE_ID_LENGTH);
    this.offset += TRACE_ID_LENGTH;
    return id;
  }
}
