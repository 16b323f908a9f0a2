/**
 * Writing responses. Every response carries a `Date` header from the emulator's own clock, set
 * explicitly so Node does not add its real-time one: clients learn the server's clock skew from it.
 */
import type { ServerResponse } from 'node:http';

/** Sends a complete response unless the socket is already gone. */
export function send(res: ServerResponse, date: string, status: number, contentType: string | undefined, text: string | Buffer, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) {
    return;
  }
  res.statusCode = status;
  res.setHeader('Date', date);
  if (contentType !== undefined) {
    res.setHeader('Content-Type', contentType);
  }
  res.setHeader('Content-Length', Buffer.byteLength(text));
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value);
  }
  res.end(text);
}

export const JSON_TYPE = 'application/json;charset=UTF-8';
