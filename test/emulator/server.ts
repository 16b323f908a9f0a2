/**
 * Starts the local KooDrive emulator: a plain Node HTTP server on a loopback address (D13), with
 * seeded data, a shiftable clock, fault injection and a request log; in separate-downloads mode,
 * a second server on another port that serves file bytes by pre-signed URL only (D15).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EmulatorControl } from './control';
import type { EmulatorOptions, EmulatorUser } from './contract';
import type { Origin } from './downloads';
import { Emulator } from './emulator';

export type { EmulatorOptions, EmulatorUser, Fault, FaultRule, LoggedRequest, NameKind } from './contract';
export { SeedIds } from './seedIds';

export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43117`. */
  url: string;
  /** The second origin's base URL in `downloads: 'separate'` mode, e.g. `http://127.0.0.1:43118`; else undefined. */
  downloadsUrl?: string;
  /** The seeded users who can call the API: owner, member, outsider. */
  users: EmulatorUser[];
  control: EmulatorControl;
  /** Stops listening (on both origins), ends open and idle connections, pending delays and downloads. */
  close(): Promise<void>;
}

/** One listening HTTP server and the sockets it has open. */
interface Listener {
  server: Server;
  sockets: Set<Socket>;
  url: string;
}

/**
 * Starts an emulator. Host defaults to 127.0.0.1, port to 0 (any free port); the downloads
 * origin of separate mode always takes a free port on the same host.
 * @throws Error when a port cannot be bound.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(options.scale, options.onRequest, options.downloads);
  const host = options.host ?? '127.0.0.1';
  const listeners = [await listen(emulator, 'main', options.port ?? 0, host)];
  if (options.downloads === 'separate') {
    listeners.push(await listen(emulator, 'downloads', 0, host));
  }
  const [main, downloads] = listeners;
  emulator.links.listening(main.url, downloads?.url);
  let closing: Promise<void> | undefined;
  return {
    url: main.url,
    downloadsUrl: downloads?.url,
    users: emulator.users(),
    control: new EmulatorControl(main.url),
    close: () => {
      closing ??= (async () => {
        emulator.cancelDelays();
        await Promise.all(listeners.map(stop));
      })();
      return closing;
    },
  };
}

async function listen(emulator: Emulator, origin: Origin, port: number, host: string): Promise<Listener> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    emulator.handle(req, res, origin).catch((error: unknown) => {
      // handle() answers every API error itself; reaching this is an emulator bug.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, sockets, url: `http://${shownHost}:${address.port}` };
}

function stop({ server, sockets }: Listener): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
    for (const socket of sockets) {
      socket.destroy();
    }
  });
}
