import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * Samples the extension host that code-server runs for the benchmark's window, from outside:
 * its resident memory (VmRSS) and CPU time, read from /proc. The product needs no hook for this.
 * Beside it, the CPU time of Chromium (the workbench), of this process (the emulator and
 * Playwright) and of the whole machine, so that a slow figure can be put where the time went.
 */

/** One reading. `at` is performance.now() of this process, like every time of the benchmark. */
export interface HostSample {
  at: number;
  pid: number;
  rssMb: number;
  /** CPU seconds of the whole process (all threads) so far. */
  cpuS: number;
  /** CPU seconds of its main thread, where extensions' JavaScript runs. */
  mainCpuS: number;
  /** CPU seconds of the Chromium processes this process started. */
  chromiumCpuS: number;
  /** CPU seconds of this process: the emulator answering, and Playwright driving. */
  benchCpuS: number;
  /** Busy CPU seconds of the whole machine, all cores (other work included). */
  machineBusyS: number;
}

/** Memory and CPU over a time window. */
export interface HostWindow {
  startMb: number;
  peakMb: number;
  endMb: number;
  cpuS: number;
  /** The highest share of one second the main thread spent on the CPU, in percent. */
  busiestPct: number;
  chromiumCpuS: number;
  benchCpuS: number;
  /** The share of the machine's cores that were busy, in percent. */
  machineBusyPct: number;
}

const TICKS_PER_S = 100; // USER_HZ, 100 on every Linux this runs on

/** Fields of /proc/<pid>/stat after the command name: index 0 is field 3 (state). */
function statFields(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

const cpuSeconds = (fields: string[]): number => (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;

/** Busy (not idle, not waiting for I/O) seconds of all cores, from the first line of /proc/stat. */
function machineBusySeconds(): number {
  const ticks = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return (total - ticks[3] - (ticks[4] ?? 0)) / TICKS_PER_S;
}

/** The Chromium processes below this one (its browser and their renderers, GPU and utility processes). */
export function chromiumProcesses(): number[] {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (/^\d+$/.test(name)) {
      try {
        parents.set(Number(name), Number(statFields(`/proc/${name}/stat`)[1]));
      } catch {
        // ended
      }
    }
  }
  const below = (pid: number): boolean => {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up === process.pid) {
        return true;
      }
    }
    return false;
  };
  return [...parents.keys()].filter((pid) => below(pid) && /chrom/i.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? ''));
}

/**
 * The newest process of process group `groupId` whose command line says it is an extension host
 * (`--type=extensionHost`); after a reload the old host lingers a few seconds beside the new one.
 */
export function findExtensionHost(groupId: number): number | undefined {
  let best: { pid: number; start: number } | undefined;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      const fields = statFields(`/proc/${name}/stat`);
      if (Number(fields[2]) !== groupId) {
        continue;
      }
      if (!fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=extensionHost')) {
        continue;
      }
      const start = Number(fields[19]);
      if (!best || start > best.start) {
        best = { pid: Number(name), start };
      }
    } catch {
      // the process ended while being read
    }
  }
  return best?.pid;
}

export class HostMonitor {
  readonly samples: HostSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pid: number | undefined;
  private chromium: number[] = [];
  /** CPU seconds of Chromium processes that have ended, so the sum never goes back. */
  private chromiumEnded = 0;
  private readonly chromiumLast = new Map<number, number>();
  private scannedAt = -Infinity;

  constructor(
    private readonly groupId: number,
    private readonly intervalMs = 150,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The extension host being watched, if one was found. */
  currentPid(): number | undefined {
    if (this.pid === undefined) {
      this.pid = findExtensionHost(this.groupId);
    }
    return this.pid;
  }

  /** The latest reading, if any. */
  latest(): HostSample | undefined {
    return this.samples[this.samples.length - 1];
  }

  private sample(): void {
    const now = performance.now();
    // A reload starts a new host: look again every few seconds, and whenever the host is gone.
    if (this.pid === undefined || now - this.scannedAt > 3000) {
      this.pid = findExtensionHost(this.groupId);
      this.chromium = chromiumProcesses();
      this.scannedAt = now;
    }
    const chromiumCpuS = this.chromiumCpu();
    const bench = process.cpuUsage();
    const benchCpuS = (bench.user + bench.system) / 1e6;
    const machineBusyS = machineBusySeconds();
    const pid = this.pid;
    if (pid === undefined) {
      return;
    }
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
      const cpuS = cpuSeconds(statFields(`/proc/${pid}/stat`));
      const mainCpuS = cpuSeconds(statFields(`/proc/${pid}/task/${pid}/stat`));
      this.samples.push({ at: now, pid, rssMb: rssKb / 1024, cpuS, mainCpuS, chromiumCpuS, benchCpuS, machineBusyS });
    } catch {
      this.pid = undefined;
    }
  }

  /** CPU seconds of Chromium so far: the live processes' own, plus what ended ones had used. */
  private chromiumCpu(): number {
    let live = 0;
    for (const pid of [...this.chromiumLast.keys()]) {
      if (!this.chromium.includes(pid)) {
        this.chromiumEnded += this.chromiumLast.get(pid) ?? 0;
        this.chromiumLast.delete(pid);
      }
    }
    for (const pid of this.chromium) {
      try {
        const used = cpuSeconds(statFields(`/proc/${pid}/stat`));
        this.chromiumLast.set(pid, used);
        live += used;
      } catch {
        live += this.chromiumLast.get(pid) ?? 0; // ended since the scan: counted when the next scan drops it
      }
    }
    return this.chromiumEnded + live;
  }

  /** Memory and CPU between `from` and `to` (performance.now() times), or undefined without readings. */
  window(from: number, to: number): HostWindow | undefined {
    const inside = this.samples.filter((sample) => sample.at >= from && sample.at <= to);
    if (inside.length === 0) {
      return undefined;
    }
    let busiest = 0;
    let j = 0;
    for (let i = 0; i < inside.length; i++) {
      while (j < inside.length && inside[j].at - inside[i].at < 1000) {
        j++;
      }
      if (j < inside.length && inside[j].pid === inside[i].pid) {
        busiest = Math.max(busiest, ((inside[j].mainCpuS - inside[i].mainCpuS) * 1000 * 100) / (inside[j].at - inside[i].at));
      }
    }
    const first = inside[0];
    const last = inside[inside.length - 1];
    return {
      startMb: first.rssMb,
      peakMb: Math.max(...inside.map((sample) => sample.rssMb)),
      endMb: last.rssMb,
      cpuS: first.pid === last.pid ? last.cpuS - first.cpuS : NaN,
      busiestPct: Math.min(100, busiest),
      chromiumCpuS: last.chromiumCpuS - first.chromiumCpuS,
      benchCpuS: last.benchCpuS - first.benchCpuS,
      machineBusyPct: last.at > first.at ? (((last.machineBusyS - first.machineBusyS) * 1000) / (last.at - first.at) / os.availableParallelism()) * 100 : 0,
    };
  }
}
