/**
 * `npm run bench:scale`: the real extension host at scale. For each album size (10,000 and
 * 100,000 items; `--sizes=N,M` to choose) it starts the emulator in this process with a
 * "Large album" of that many items, installs the packaged extension into code-server, signs in
 * through the workbench in Chromium as the owner, and times what a person would wait for:
 * expanding the album, Filter Items… over the whole album (its listing, lookups, matches and
 * progress), another album opened meanwhile, Clear Item Filter and Remove All's count; all the
 * while it samples the extension host's memory and probes whether it answers. Each step is
 * limited (`--step-timeout-s`, default 180). `--workbench-settings='{"http.proxySupport":"off"}'`
 * adds VS Code settings, to tell the extension's costs from the workbench's. Figures only:
 * nothing is asserted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { screenshot } from '../e2e/workbench';
import { packageExtension } from '../harness/packaging';
import { argument, resultsDir } from '../harness/paths';
import { ensureTools, type Tools } from '../harness/tools';
import { filterStep } from './filterStep';
import { finalTable, LEGEND, rulesBlock, sizeBlock, type StepFigures, stepFigures } from './scaleReport';
import { newResult, now, type SizeResult, sleep } from './scaleResult';
import { Cleanups, openSession, type Session } from './scaleSession';
import { clearStep, firstRowsStep, reload, removeAllStep, tidy } from './scaleSteps';

type Step = (s: Session, r: SizeResult, limitMs: number) => Promise<void>;

/** The steps in order; the window of each (for memory and probes) is named after it. */
const STEPS: [string, Step][] = [
  ['1. first rows', firstRowsStep],
  ['2. filter (3, 4)', filterStep],
  ['5. clear filter', clearStep],
  ['6. remove all', removeAllStep],
];

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const message = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] : String(error));

const USAGE = 'usage: hostScale.js [--sizes=10000,100000] [--step-timeout-s=180] [--workbench-settings=JSON] (sizes of at least 100; settings as a JSON object)';

/** `--sizes=10000,100000`, `--step-timeout-s=180`, `--workbench-settings={...}`. @throws on a value that is not a positive integer or an object. */
function options(): { sizes: number[]; limitS: number; settings: Record<string, unknown> } {
  const sizes = (argument('sizes') ?? '10000,100000').split(',').map((text) => Number(text.trim()));
  const limitS = Number(argument('step-timeout-s') ?? 180);
  let settings: unknown;
  try {
    settings = JSON.parse(argument('workbench-settings') ?? '{}');
  } catch {
    throw new Error(USAGE);
  }
  if (sizes.some((size) => !Number.isInteger(size) || size < 100) || !Number.isInteger(limitS) || limitS < 1 || typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new Error(USAGE);
  }
  return { sizes, limitS, settings: settings as Record<string, unknown> };
}

/** One size, from a fresh emulator and code-server to its figures; its world is stopped after. */
async function runSize(tools: Tools, vsix: string, size: number, limitS: number, settings: Record<string, unknown>, cleanups: Cleanups): Promise<{ r: SizeResult; steps: StepFigures[] }> {
  const started = now();
  say(`\n[${size}] starting the emulator (Large album of ${size} items), code-server and Chromium; signing in…`);
  const session = await openSession({ tools, vsix, size, limitMs: limitS * 1000, settings, cleanups });
  const r = newResult(size, limitS, session.expectedMatches);
  await sleep(3000); // let the host settle after signing in before taking its baseline
  r.baselineMb = session.monitor.latest()?.rssMb;
  say(`[${size}] signed in; extension host pid ${session.monitor.currentPid() ?? '?'}, ${r.baselineMb === undefined ? '?' : Math.round(r.baselineMb)} MB`);
  session.probe.allowed = true;
  let broken = false;
  for (const [name, step] of STEPS) {
    if (broken) {
      // The step before left the workbench unusable: start this one from a fresh page.
      await reload(session).then(
        () => r.notes.push(`the workbench was reloaded before step ${name}`),
        (error: unknown) => r.notes.push(`reloading before step ${name} failed: ${message(error)}`),
      );
    }
    const from = now();
    say(`[${size}] step ${name}…`);
    try {
      await step(session, r, limitS * 1000);
      broken = false;
    } catch (error) {
      broken = true;
      r.notes.push(`step ${name} failed: ${message(error)}`);
      say(`[${size}] step ${name} failed: ${message(error)}`);
      await screenshot(session.page, `scale-${size}-${name}`, resultsDir).catch(() => undefined);
    } finally {
      r.windows.push({ name, from, to: now() });
      session.probe.allowed = true;
    }
    await tidy(session).catch(() => undefined);
  }
  await session.probe.stop();
  await session.pageProbe.stop();
  session.monitor.stop();
  const steps = stepFigures(r, session.monitor, session.probe, session.pageProbe);
  say(`[${size}] done in ${Math.round((now() - started) / 1000)} s`);
  return { r, steps };
}

/** Set by Ctrl+C: the signal handler then owns the cleanup and the exit. */
let stopping = false;

async function main(): Promise<void> {
  const { sizes, limitS, settings } = options();
  const shared = new Cleanups();
  const perSize = new Cleanups();
  const stop = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    say(`\n${signal}: stopping code-server, Chromium and the emulator…`);
    void perSize.runAll().then(() => shared.runAll()).finally(() => process.exit(130));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  say(`Scale benchmark of the real extension host: sizes ${sizes.join(', ')}, each step limited to ${limitS} s${Object.keys(settings).length > 0 ? `, workbench settings ${JSON.stringify(settings)}` : ''}. Figures only, nothing is asserted.`);
  say(`Machine: ${os.availableParallelism()} cores, load ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (other work on the machine slows every figure).`);
  const results: { r: SizeResult; steps: StepFigures[] }[] = [];
  try {
    const tools = await ensureTools();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-scale-vsix-'));
    shared.add('temp folder', () => fs.rmSync(work, { recursive: true, force: true }));
    const vsix = packageExtension(work);
    for (const size of sizes) {
      try {
        const result = await runSize(tools, vsix, size, limitS, settings, perSize);
        results.push(result);
        say(sizeBlock(result.r, result.steps));
      } catch (error) {
        if (stopping) {
          return;
        }
        say(`[${size}] could not be measured: ${message(error)}`);
      } finally {
        await perSize.runAll();
      }
    }
    if (results.length > 0) {
      say(finalTable(results));
      say(rulesBlock(results));
    }
    say(`\n${LEGEND}`);
  } finally {
    if (!stopping) {
      await perSize.runAll();
      await shared.runAll();
    }
  }
}

main().then(
  () => {
    if (!stopping) {
      process.exit(0);
    }
  },
  (error: unknown) => {
    if (!stopping) {
      say(`bench:scale failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    }
  },
);
