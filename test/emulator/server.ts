/**
 * Starts the local KooDrive emulator: a plain Node HTTP server on a loopback address (D13), with
 * seeded data, a shiftable clock, fault injection and a request log.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EmulatorControl } from './control';
import type { EmulatorOptions, EmulatorUser } from './contract';
import { Emulator } from './emulator';

export type { EmulatorOptions, EmulatorUser, Fault, FaultRule, LoggedRequest } from './contract';
export { SeedIds } from './seedIds';

export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43117`. */
  url: string;
  /** The seeded users who can call the API: owner, member, outsider. */
  users: EmulatorUser[];
  control: EmulatorControl;
  /** Stops listening, ends open and idle connections and pending delays. */
  close(): Promise<void>;
}

/**
 * Starts an emulator. Host defaults to 127.0.0.1, port to 0 (any free port).
 * @throws Error when the port cannot be bound.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(options.scale, options.onRequest);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    emulator.handle(req, res).catch((error: unknown) => {
      // handle() answers every API error itself; reaching this is an emulator bug.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  emulator.links.listening(url);
  let closing: Promise<void> | undefined;
  return {
    url,
    users: emulator.users(),
    control: new EmulatorControl(url),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        emulator.cancelDelays();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) {
          socket.destroy();
        }
      });
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
