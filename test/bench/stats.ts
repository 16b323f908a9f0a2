/** Interleaved runs of a measure and its floor, summarised as `project / floor = ratio`. */

/** One run's figures: the project's and the floor's, in the measure's unit. */
export interface Pair {
  project: number;
  floor: number;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `project` and `floor` `rounds` times, alternating which goes first so neither always
 * enjoys a warmer process, and returns each round's pair.
 */
export async function interleave(rounds: number, project: () => Promise<number>, floor: () => Promise<number>): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      const p = await project();
      pairs.push({ project: p, floor: await floor() });
    } else {
      const f = await floor();
      pairs.push({ project: await project(), floor: f });
    }
  }
  return pairs;
}

/** `label: project 1.23 ms / floor 1.00 ms = 1.23x (ratio min 1.10x, median 1.23x, max 1.40x over N runs); goal ...`. */
export function report(label: string, pairs: Pair[], unit: (value: number) => string, goal: string): string {
  const ratios = pairs.map((pair) => pair.project / pair.floor);
  const project = median(pairs.map((pair) => pair.project));
  const floor = median(pairs.map((pair) => pair.floor));
  const x = (ratio: number): string => `${ratio.toFixed(2)}x`;
  const spread = `ratio min ${x(Math.min(...ratios))}, median ${x(median(ratios))}, max ${x(Math.max(...ratios))} over ${pairs.length} interleaved runs`;
  return `${label}: project ${unit(project)} / floor ${unit(floor)} = ${x(median(ratios))} (${spread}); goal ${goal}`;
}

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
export const us = (value: number): string => `${value.toFixed(0)} µs`;
export const kb = (value: number): string => `${(value / 1024).toFixed(1)} KB`;

/** Milliseconds since `start` (a `process.hrtime.bigint()` value). */
export function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
