/**
 * A near-zero-cost server for the request benchmark, run as a child process: it answers every
 * request at once with the same small album page. The first stdout line is `{"url": ...}`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const albums = Array.from({ length: 10 }, (_, i) => ({ id: String(1795607640592646273n + BigInt(i)), name: `Album ${i}`, albumType: 2, albumKind: 1, groupId: 1765148492881313793n.toString() }));
const body = Buffer.from(JSON.stringify({ code: 0, msg: 'Success.', albumList: albums, total: 10 }).replace(/"groupId":"(\d+)"/g, '"groupId":$1'));

const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.once('SIGTERM', () => process.exit(0));
