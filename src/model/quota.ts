import type { SpaceInfo, UserSpaceQuota } from '../api/types';
import type { Localize } from './localize';

/**
 * The user's storage quota from GetSpace (§5.4) and GetSpaceUsageByUser (§5.6), in the units of
 * D21: `capacity` is documented in GB (and `capacityKb` as the exact value, so KB); `spaceUsed`
 * (enterprise field) and `used` have no documented unit and are read as KB, `quota` as GB like
 * `capacity`. Pure and unit-tested.
 */

const KB_PER_GB = 1024 * 1024;

export interface QuotaFacts {
  /** Total, in KB. */
  totalKb?: number;
  /** Used, in KB. */
  usedKb?: number;
}

function amount(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** What the two answers say, GetSpace first (it is the user's own space), usage where GetSpace is silent. */
export function quotaFacts(space: SpaceInfo | undefined, usage: UserSpaceQuota | undefined): QuotaFacts {
  const capacityKb = amount(space?.capacityKb);
  const capacityGb = amount(space?.capacity);
  const quotaGb = amount(usage?.quota);
  const totalKb = capacityKb ?? (capacityGb !== undefined ? capacityGb * KB_PER_GB : quotaGb !== undefined ? quotaGb * KB_PER_GB : undefined);
  const usedKb = amount(space?.spaceUsed) ?? amount(usage?.used);
  return { totalKb, usedKb };
}

/** `1.5 GB`, `300 MB`, `12 KB` (binary units, one decimal above KB). */
export function formatKb(kb: number): string {
  if (kb >= KB_PER_GB) {
    return `${trim(kb / KB_PER_GB)} GB`;
  }
  return kb >= 1024 ? `${trim(kb / 1024)} MB` : `${Math.round(kb)} KB`;
}

function trim(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** "12.3 GB of 200 GB used (6%)", or as much of it as is known; undefined when nothing is. */
export function quotaSummary(facts: QuotaFacts, t: Localize): string | undefined {
  const { totalKb, usedKb } = facts;
  if (totalKb !== undefined && usedKb !== undefined) {
    const percent = totalKb > 0 ? Math.round((usedKb / totalKb) * 100) : 0;
    return t('{0} of {1} used ({2}%)', formatKb(usedKb), formatKb(totalKb), percent);
  }
  if (usedKb !== undefined) {
    return t('{0} used', formatKb(usedKb));
  }
  return totalKb !== undefined ? t('{0} in all', formatKb(totalKb)) : undefined;
}
