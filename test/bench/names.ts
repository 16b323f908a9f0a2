/**
 * Expanding a 50-item page. The rows need one list request; the names follow
 * through the details queue (eight lookups at a time, plus one GetSpace per session), so they
 * should arrive within about ceil(50 / 8) + 1 round trips.
 */
import type { KooDriveClient } from '../../src/api/client';
import { albumContentPage } from '../../src/api/paging';
import { FileDetailsService } from '../../src/services/fileDetails';
import { Spaces } from '../../src/services/spaces';
import { median, ms, since } from './stats';

export interface PageFigures {
  /** The list request alone (what the first paint waits for). */
  listMs: number;
  /** From the start of the list request to the last name, with an empty details cache. */
  lastNameMs: number;
  /** Requests sent to name the page (GetSpace + getFile). */
  lookups: number;
}

/** Times a fresh session expanding a `size`-item page of `albumId`, `rounds` times; medians. */
export async function namesForPage(client: KooDriveClient, userId: string, albumId: string, size: number, rounds: number): Promise<PageFigures> {
  const list: number[] = [];
  const names: number[] = [];
  let lookups = 0;
  for (let round = 0; round < rounds; round++) {
    let sent = 0;
    const counting = {
      getSpace: (...args: Parameters<KooDriveClient['getSpace']>) => { sent += 1; return client.getSpace(...args); },
      getFile: (...args: Parameters<KooDriveClient['getFile']>) => { sent += 1; return client.getFile(...args); },
      getFullPath: (...args: Parameters<KooDriveClient['getFullPath']>) => client.getFullPath(...args),
    };
    const details = new FileDetailsService(counting, new Spaces(counting, () => userId));
    const start = process.hrtime.bigint();
    const page = await albumContentPage(client, albumId, undefined, { pageSize: size });
    list.push(since(start));
    await Promise.all(page.items.map((item) => details.details(item.id, typeof item.ownerId === 'string' ? item.ownerId : undefined)));
    names.push(since(start));
    lookups = sent;
  }
  return { listMs: median(list), lastNameMs: median(names), lookups };
}

/** The line `npm run bench` prints. */
export function namesReport(size: number, latencyMs: number, figures: PageFigures): string {
  const trips = figures.lastNameMs / figures.listMs;
  const where = latencyMs > 0 ? `with ${latencyMs} ms of network latency per request` : 'on loopback, no added latency (the one-process emulator answers in turn)';
  return `7. a ${size}-item page, ${where}: the rows after the list request alone, ${ms(figures.listMs)}; the last name at ${ms(figures.lastNameMs)} = ${trips.toFixed(1)} round trips in all, for ${figures.lookups} lookups 8 at a time; goal about 1 + ceil(${size}/8) = ${1 + Math.ceil(size / 8)} (+1 for the session's one GetSpace)`;
}
