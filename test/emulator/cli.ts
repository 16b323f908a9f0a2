/**
 * Command line: `node out/test/emulator/cli.js --port <n> [--albums N] [--album-items N]
 * [--shared-folders N] [--big-file-mb N] [--mb-files N] [--downloads same-origin|separate]`.
 * `--big-file-mb` and `--mb-files` add the download benchmark's albums "Big files 大文件" and
 * "Megabytes 兆字节" (ids in `SeedIds.scaleAlbums`).
 * Binds 127.0.0.1 only. The first stdout line is one JSON object `{url, downloadsUrl?, users}`
 * (`downloadsUrl` only with `--downloads separate`) that a parent process can read; each API request is then logged as one line on stderr (never a token).
 * Exits 0 on SIGINT / SIGTERM, 2 on bad arguments. Without `--port`, any free port (so that
 * `npm run emulator` works as is).
 */
import type { EmulatorOptions } from './contract';
import { formatLogLine } from './requestLog';
import { startEmulator } from './server';

const USAGE = 'usage: cli.js [--port <n>] [--albums N] [--album-items N] [--shared-folders N] [--big-file-mb N] [--mb-files N] [--downloads same-origin|separate]';

/** The numeric options, and the scale field each sets (`--port` sets none). */
const NUMBERS: Record<string, keyof NonNullable<EmulatorOptions['scale']> | undefined> = {
  '--port': undefined,
  '--albums': 'albums',
  '--album-items': 'albumItems',
  '--shared-folders': 'sharedFolders',
  '--big-file-mb': 'bigFileMb',
  '--mb-files': 'megabyteFiles',
};

/** Parses the arguments. @throws Error with a readable reason. */
export function parseArgs(args: string[]): { port: number; scale: NonNullable<EmulatorOptions['scale']>; downloads: NonNullable<EmulatorOptions['downloads']> } {
  const numbers: Record<string, number> = {};
  let downloads: NonNullable<EmulatorOptions['downloads']> = 'same-origin';
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (name === '--downloads') {
      if (value !== 'same-origin' && value !== 'separate') {
        throw new Error('--downloads needs same-origin or separate');
      }
      downloads = value;
      continue;
    }
    if (!Object.hasOwn(NUMBERS, name)) {
      throw new Error(`unknown argument ${name}`);
    }
    if (value === undefined || !/^\d+$/.test(value)) {
      throw new Error(`${name} needs a non-negative integer`);
    }
    numbers[name] = Number(value);
  }
  const port = numbers['--port'] ?? 0;
  if (port > 65535) {
    throw new Error('--port must be 0-65535');
  }
  const scale: NonNullable<EmulatorOptions['scale']> = {};
  for (const [option, field] of Object.entries(NUMBERS)) {
    if (field && numbers[option] !== undefined) {
      scale[field] = numbers[option];
    }
  }
  return { port, scale, downloads };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  const emulator = await startEmulator({
    port: parsed.port,
    host: '127.0.0.1',
    scale: parsed.scale,
    downloads: parsed.downloads,
    onRequest: (entry) => process.stderr.write(`${formatLogLine(entry)}\n`),
  });
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Listen before announcing: a caller may signal as soon as it has read the first line.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify({ url: emulator.url, downloadsUrl: emulator.downloadsUrl, users: emulator.users })}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`KooDrive emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
