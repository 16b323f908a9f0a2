/**
 * Sending a file's bytes (D15), as they are or spoiled by a download fault (D22): corrupted (the
 * right length, some bytes changed), cut (the full Content-Length announced, the socket destroyed
 * after some bytes) or truncated (fewer bytes, announced as such, ending cleanly). Generated
 * content is produced while sent, with backpressure, faults or not.
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { DownloadFault } from './contract';
import type { Content } from './fileContent';

/** The download faults that change the bytes sent (`expired` replaces the answer instead). */
export type ByteFault = Extract<DownloadFault, { type: 'corrupt' | 'cut' | 'truncate' }>;

/** Answers 200 with `content` (headers only for HEAD), spoiled by `fault` when there is one. */
export function sendContent(res: ServerResponse, date: string, method: string, content: Content, fault?: ByteFault): void {
  if (res.destroyed) {
    return;
  }
  const { type, length, body } = content;
  const announced = fault?.type === 'truncate' ? Math.min(fault.bytes, length) : length;
  res.writeHead(200, { Date: date, 'Content-Type': type, 'Content-Length': String(announced), 'Cache-Control': 'no-store' });
  if (method === 'HEAD') {
    res.end();
  } else if (fault) {
    // A cut after 0 bytes must still have sent its headers.
    res.flushHeaders();
    void spoiled(res, body, length, fault);
  } else if (Buffer.isBuffer(body)) {
    res.end(body);
  } else {
    // Generated while sent, with backpressure: the long video is never held in memory.
    const stream = body();
    stream.pipe(res);
    res.once('close', () => stream.destroy());
  }
}

async function spoiled(res: ServerResponse, body: Content['body'], length: number, fault: ByteFault): Promise<void> {
  const limit = fault.type === 'cut' ? fault.afterBytes : fault.type === 'truncate' ? fault.bytes : length;
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body();
  let offset = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      let piece = chunk.subarray(0, Math.max(0, limit - offset));
      if (fault.type === 'corrupt') {
        piece = corrupt(piece, offset, length);
      }
      offset += piece.length;
      if (piece.length > 0 && !(await written(res, piece))) {
        return;
      }
      if (offset >= limit) {
        break;
      }
    }
  } finally {
    source.destroy();
  }
  if (fault.type === 'cut') {
    // What was written is flushed (written() waited for it): the client gets those bytes, then a reset.
    res.socket?.destroy();
  } else {
    res.end();
  }
}

/** The byte positions a `corrupt` fault inverts: one in the middle, the last one. */
function corrupt(piece: Buffer, offset: number, length: number): Buffer {
  const targets = [Math.floor(length / 2), length - 1].filter((at) => at >= offset && at < offset + piece.length);
  if (targets.length === 0) {
    return piece;
  }
  // A copy: picture buffers are shared by every download of the process.
  const copy = Buffer.from(piece);
  for (const at of targets) {
    copy[at - offset] ^= 0xff;
  }
  return copy;
}

/** Writes `piece` and resolves once it is flushed: true, or false when the connection went away. */
function written(res: ServerResponse, piece: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const gone = (): void => resolve(false);
    res.once('close', gone);
    res.write(piece, (error) => {
      res.off('close', gone);
      resolve(!error && !res.destroyed);
    });
  });
}
