import { SETTLE_MS } from './filterStep';
import type { HostMonitor, HostWindow } from './hostMonitor';
import type { PageProbe } from './pageProbe';
import type { PaletteProbe, ProbeResult } from './paletteProbe';
import { FILTER, OTHER } from './scaleSession';
import { type Seconds, type SizeResult, windowMatches } from './scaleResult';

/** The scale benchmark's printout: one block per size, a final table, and how each figure is measured. */

const int = (n: number): string => n.toLocaleString('en-US');
const s2 = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} s`;
const mb = (n: number): string => `${int(Math.round(n))} MB`;

/** A time, "not within N s", or "—" when the step did not get that far. */
function time(value: Seconds, limitS: number): string {
  return value === undefined ? '—' : value === null ? `not within ${limitS} s` : s2(value);
}

/** At most ten of the changes of the match count, evenly picked, first and last included. */
function timeline(changes: [number, number][]): string {
  if (changes.length === 0) {
    return 'no change seen';
  }
  const picked = changes.length <= 10 ? changes : Array.from({ length: 10 }, (_, i) => changes[Math.round((i * (changes.length - 1)) / 9)]);
  return `${picked.map(([at, count]) => `${at.toFixed(1)}: ${int(count)}`).join(', ')}${changes.length > 10 ? ` (${changes.length} changes)` : ''}`;
}

/** Memory, CPU and probe figures of each step, computed once the size is done. */
export interface StepFigures {
  name: string;
  host?: HostWindow;
  probes: number;
  /** Longest palette probe in seconds; null when one never got its quick pick within the limit. */
  longestProbeS: number | null | undefined;
  /** Longest round trip to the page, in seconds. */
  longestPageS?: number;
  /** Why palette probes did not measure, if some did not. */
  skipped: string;
}

const longest = (results: ProbeResult[]): number | null | undefined =>
  results.some((p) => p.ms === undefined) ? null : results.length > 0 ? Math.max(...results.map((p) => p.ms ?? 0)) / 1000 : undefined;

/** The per-step figures from the monitor's readings and the probes' results. */
export function stepFigures(r: SizeResult, monitor: HostMonitor, probe: PaletteProbe, pageProbe: PageProbe): StepFigures[] {
  return r.windows.map(({ name, from, to }) => {
    const probes = probe.between(from, to);
    return {
      name,
      host: monitor.window(from, to),
      probes: probes.length,
      longestProbeS: longest(probes),
      longestPageS: longest(pageProbe.between(from, to)) ?? undefined,
      skipped: probe.skippedBetween(from, to),
    };
  });
}

/** Two lines of one step's memory, CPU and responsiveness. */
function stepLines(r: SizeResult, step: StepFigures): string[] {
  const h = step.host;
  if (!h) {
    return [`   ${step.name}: no readings of the extension host`];
  }
  const cpu = (n: number): string => (Number.isNaN(n) ? '—' : s2(n));
  return [
    `   ${step.name}: RSS ${mb(h.startMb)} → ${mb(h.peakMb)} → ${mb(h.endMb)} (peak +${mb(h.peakMb - (r.baselineMb ?? h.startMb))} over the baseline); ` +
      `palette probes ${step.probes}${step.skipped ? ` (not run: ${step.skipped})` : ''}, longest ${time(step.longestProbeS, r.limitS)}; page round trip longest ${step.longestPageS === undefined ? '—' : s2(step.longestPageS)}`,
    `      CPU: extension host ${cpu(h.cpuS)} (busiest second of its main thread ${Math.round(h.busiestPct)}%), Chromium ${cpu(h.chromiumCpuS)}, emulator + Playwright ${cpu(h.benchCpuS)}; machine ${Math.round(h.machineBusyPct)}% busy`,
  ];
}

/** The block of one size. */
export function sizeBlock(r: SizeResult, steps: StepFigures[]): string {
  const f = r.filter;
  const t = (value: Seconds): string => time(value, r.limitS);
  const lines = [
    '',
    `── Large album of ${int(r.size)} items (each step limited to ${r.limitS} s) ──`,
    `extension host RSS once signed in (baseline): ${r.baselineMb === undefined ? '—' : mb(r.baselineMb)}`,
    `1. expanding it: first rows ${t(r.firstRows)}; names on every row on screen ${t(r.firstNames)}`,
    `2. Filter Items… "${FILTER}", the whole album: ${f.question ? `a question was asked and answered "Look Up All": ${f.question}` : 'no further question was asked'}`,
    `   listing read: ${t(f.pagesS)} (${int(f.pageRequests)} ListAlbumContent requests)`,
    `   getFile: ${int(f.lookups)} lookups during the step; every item looked up: ${t(f.lookupsS)} (${int(f.lookedUp)} of ${int(r.size)} items${f.lastLookupS !== undefined ? `, the last at ${s2(f.lastLookupS)}` : ''})`,
    `   matches in the tree: first ${t(f.firstMatchS)}; the window full (${int(windowMatches(f.expected))} of the ${int(f.expected)} matches) ${f.matchesStuck ? 'never' : t(f.matchesS)}` +
      `${f.matchesS === null ? ` (${f.matchesShown === undefined ? 'none seen' : `${int(f.matchesShown)} shown at the end`}${f.matchesStuck ? `, unchanged ${SETTLE_MS / 1000} s after the last lookup` : ''})` : ''}`,
    `   matches over time (s: count): ${timeline(f.timeline)}`,
    `3. progress notification: ${f.progressFromS === undefined ? 'never seen' : `from ${s2(f.progressFromS)} until ${f.progressAtEnd ? 'the end of the step (still shown)' : s2(f.progressUntilS ?? 0)}`}` +
      `; last lookup ${f.lastLookupS === undefined ? '—' : s2(f.lastLookupS)}${f.lookupsS === null ? ' (lookups still running)' : ''}${f.progressText ? `; it said "${f.progressText}"` : ''}`,
    `4. "${OTHER}" expanded ${r.other.startedS === undefined ? '—' : `at ${s2(r.other.startedS)} into the filter, ${int(r.other.outstanding ?? 0)} lookups outstanding`}: names ${t(r.other.namesS)}, its getFile answered ${t(r.other.lookupsS)}`,
    r.clear.skipped
      ? `5. Clear Item Filter: skipped (${r.clear.skipped})`
      : `5. Clear Item Filter: rows back ${t(r.clear.backS)}, settled ${t(r.clear.settledS)}; the album holds ${r.clear.rows === undefined ? '—' : int(r.clear.rows)} rows (the tree ${r.clear.treeRows === undefined ? '—' : int(r.clear.treeRows)} rows tall, ${r.clear.rendered ?? '—'} in the DOM)`,
    `6. Remove All from Album…: the count${r.removeAll.count ? ` "${r.removeAll.count}"` : ''} in the confirmation ${t(r.removeAll.countS)}; cancelled`,
    '7. per step: the extension host\'s memory, whether it answered, and where the CPU went',
    ...steps.flatMap((step) => stepLines(r, step)),
    ...r.notes.map((note) => `   note: ${note}`),
  ];
  return lines.join('\n');
}

/** The final table: rows are the steps, columns the sizes. */
export function finalTable(results: { r: SizeResult; steps: StepFigures[] }[]): string {
  const cell = (fill: (r: SizeResult, steps: StepFigures[]) => string): string => results.map(({ r, steps }) => fill(r, steps)).join(' | ');
  const t = (r: SizeResult, value: Seconds): string => time(value, r.limitS);
  const step = (steps: StepFigures[], prefix: string): StepFigures | undefined => steps.find((each) => each.name.startsWith(prefix));
  const peak = (steps: StepFigures[], prefix: string): string => {
    const found = step(steps, prefix)?.host;
    return found === undefined ? '—' : `${mb(found.startMb)} → ${mb(found.peakMb)}`;
  };
  const probe = (r: SizeResult, steps: StepFigures[]): string => steps.map((each) => time(each.longestProbeS, r.limitS).replace(' s', '')).join(' / ') + ' s';
  const rows: [string, string][] = [
    ['1. first rows; names on screen', cell((r) => `${t(r, r.firstRows)}; ${t(r, r.firstNames)}`)],
    ['2. filter: all listing pages read', cell((r) => `${t(r, r.filter.pagesS)} (${int(r.filter.pageRequests)} pages)`)],
    ['2. filter: every item looked up (getFile)', cell((r) => `${t(r, r.filter.lookupsS)} (${int(r.filter.lookedUp)} of ${int(r.size)})`)],
    ['2. filter: matches shown (a window of at most 2,000)', cell((r) => `${r.filter.matchesStuck ? 'never' : t(r, r.filter.matchesS)} (${r.filter.matchesShown === undefined ? '—' : int(Math.min(r.filter.matchesShown, windowMatches(r.filter.expected)))} of ${int(windowMatches(r.filter.expected))}; ${int(r.filter.expected)} in all)`)],
    ['3. progress shown until / last lookup', cell((r) => `${r.filter.progressAtEnd ? 'still shown' : r.filter.progressUntilS === undefined ? 'never' : s2(r.filter.progressUntilS)} / ${r.filter.lastLookupS === undefined ? '—' : s2(r.filter.lastLookupS)}${r.filter.lookupsS === null ? '+' : ''}`)],
    ['7. ext host RSS during the filter, start → peak', cell((_r, steps) => peak(steps, '2.'))],
    [`4. names of "${OTHER}" opened meanwhile`, cell((r) => t(r, r.other.namesS))],
    ['5. Clear Item Filter: rows back; rows; RSS peak', cell((r, steps) => `${t(r, r.clear.backS)}; ${r.clear.rows === undefined ? '—' : int(r.clear.rows)}; ${step(steps, '5.')?.host === undefined ? '—' : mb(step(steps, '5.')?.host?.peakMb ?? 0)}`)],
    ['6. Remove All: the count in the confirmation', cell((r) => t(r, r.removeAll.countS))],
    ['7. ext host RSS peak over the baseline, whole run', cell((r, steps) => {
      const peaks = steps.map((each) => each.host?.peakMb).filter((value): value is number => value !== undefined);
      return peaks.length === 0 || r.baselineMb === undefined ? '—' : `+${mb(Math.max(...peaks) - r.baselineMb)}`;
    })],
    [`7. longest page round trip, steps ${results[0]?.steps.map((each) => each.name.slice(0, 1)).join('/') ?? ''}`, cell((_r, steps) => steps.map((each) => (each.longestPageS === undefined ? '—' : each.longestPageS.toFixed(2))).join(' / ') + ' s')],
    [`7. longest palette probe, steps ${results[0]?.steps.map((each) => each.name.slice(0, 1)).join('/') ?? ''}`, cell(probe)],
  ];
  const header = `| Step on the large album | ${results.map(({ r }) => `${int(r.size)} items`).join(' | ')} |`;
  return ['', header, `|---|${results.map(() => '---|').join('')}`, ...rows.map(([name, values]) => `| ${name} | ${values} |`)].join('\n');
}

/** How each figure is measured, one line each. */
export const LEGEND = [
  'How each figure is measured (times from this process\'s clock; the emulator runs in it and counts requests as it answers them):',
  '- first rows / names: from the click that expands "Large album" until a row under it is in the DOM / until every item row on screen has a label ending in a file extension (the emulator\'s file ids have no dot).',
  '- listing pages read: until the ListAlbumContent requests for the album (since it was expanded) have asked for as many items as it holds (page sizes summed); the count is the step\'s requests.',
  '- every item looked up: until the emulator has answered getFile for every distinct file of the album; the lookups are those it answered during the step.',
  `- matches shown: the album's child count the tree announces (aria-setsize of its first child row, less the Load more or message row), polled every ~0.2 s, against the names from the emulator's catalogue: the window is full with every match, or with the first 2,000 and a "Next matches…" row after them; the step stops ${SETTLE_MS / 1000} s after the last lookup if the count no longer changes ("never").`,
  '- progress shown until: the last poll (~0.2 s) that saw a notification toast with a running progress bar, from the click on "The whole album".',
  `- names of "${OTHER}": from the click that expands it (once the listing is read, or 10 s into the filter) until all its rows show file names; "its getFile answered" is the emulator's view of the same.`,
  '- Clear Item Filter: from the click on the view title\'s action until the album announces another number of children than the filter showed (its own rows again); settled: its last change before 3 s without change (or every listed item shown). Rows: that child count; "tree rows tall": the row layer\'s height over a row\'s height; "in the DOM": rows rendered.',
  '- Remove All: from the click on the context-menu entry until the modal says "Remove all N items"; then Cancel.',
  '- RSS / CPU: /proc/<pid>/status VmRSS and /proc/<pid>/stat of the process in code-server\'s group whose command line has --type=extensionHost, every 150 ms; busiest second: the highest share of a 1 s span its main thread was on a CPU.',
  '- CPU per step: the extension host\'s from /proc/<pid>/stat; Chromium\'s summed over the processes below this one; "emulator + Playwright" is this process (process.cpuUsage); machine busy: /proc/stat, all cores, other people\'s work included.',
  '- page round trip: every 0.5 s, page.evaluate(() => 1) timed; it needs only the workbench page\'s main thread, so it tells a busy renderer from a busy extension host.',
  '- palette probe: every ~1.5 s while no prompt of a step is open: F1, "KooDrive: Sort Album Items…", time from Enter until its quick pick is on screen, then Escape. It crosses the renderer, code-server and the extension host, so a busy renderer also shows in it.',
].join('\n');

/**
 * The five rules of a large album, judged on the largest size (the listing rule against the
 * smallest): each line says met or NOT met, and the figure it was judged on.
 */
export function rulesBlock(results: { r: SizeResult; steps: StepFigures[] }[]): string {
  if (results.length === 0) {
    return '';
  }
  const largest = results[results.length - 1];
  const smallest = results[0];
  const { r, steps } = largest;
  const verdict = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? 'met' : 'NOT met');
  const probes = steps.map((each) => each.longestProbeS);
  const slowest = probes.some((value) => value === null) ? null : Math.max(0, ...probes.map((value) => value ?? 0));
  const pages = steps.map((each) => each.longestPageS ?? 0);
  const growth = steps.map((each) => (each.host && r.baselineMb !== undefined ? { name: each.name, peak: each.host.peakMb - r.baselineMb, end: each.host.endMb - r.baselineMb } : undefined)).filter((each) => each !== undefined);
  const worst = growth.reduce((most, each) => (each.peak > most.peak ? each : most), growth[0] ?? { name: '—', peak: 0, end: 0 });
  const lastEnd = growth[growth.length - 1]?.end;
  const ratio = typeof r.filter.pagesS === 'number' && typeof smallest.r.filter.pagesS === 'number' && smallest !== largest ? r.filter.pagesS / smallest.r.filter.pagesS : undefined;
  const sizes = r.size / smallest.r.size;
  const covered = r.filter.progressAtEnd === true || (r.filter.progressUntilS !== undefined && r.filter.lastLookupS !== undefined && r.filter.progressUntilS + 1 >= r.filter.lastLookupS);
  return [
    '',
    `The five rules at ${int(r.size)} items:`,
    `1. no freeze (every palette probe within 1 s): ${verdict(slowest === null ? false : slowest <= 1)}; the slowest ${slowest === null ? 'never answered' : s2(slowest)}, page round trips at most ${s2(Math.max(0, ...pages))}`,
    `2. memory bounded (at most +300 MB over the signed-in baseline in any step, below it after): ${verdict(growth.length === 0 ? undefined : worst.peak <= 300 && (lastEnd ?? 0) <= 300)}; the most +${mb(worst.peak)} (${worst.name}), +${mb(lastEnd ?? 0)} at the end`,
    `3. linear listing (every page read in at most 12x the time of ${int(smallest.r.size)} items): ${verdict(ratio === undefined ? undefined : ratio <= 12)}; ${ratio === undefined ? 'one size only' : `${ratio.toFixed(1)}x for ${sizes}x the items`}`,
    `4. an album opened during the filter named within 2 s: ${verdict(typeof r.other.namesS === 'number' ? r.other.namesS <= 2 : r.other.namesS === null ? false : undefined)}; ${time(r.other.namesS, r.limitS)}`,
    `5. progress covering the lookups: ${verdict(r.filter.progressFromS === undefined ? false : covered)}; ${r.filter.progressText ? `"${r.filter.progressText}"` : 'no progress seen'}`,
  ].join('\n');
}
