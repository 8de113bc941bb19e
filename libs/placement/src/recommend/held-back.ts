import { HELD_BACK_FILTERS, type HeldBackFilter } from '@cp/contracts';
import { RecommendError } from './recommend.error.js';
import type { RecommendCandidate, RecommendHeldBack, Rejection, RejectionFilter } from './recommend.types.js';

export interface HeldBackRejections {
  /** The listed pools, as rejections, in inventory's order. */
  rejected: Rejection[];
  /** Per filter, the pools held back but not listed: counted, never shown. */
  unlisted: Partial<Record<RejectionFilter, number>>;
  /** Every pool held back, listed or not. */
  total: number;
  /** Held back and not listed. */
  omitted: number;
}

function invalid(field: string, message: string): RecommendError {
  return new RecommendError('INVALID_RECOMMEND_INPUT', `${field} ${message}`, field);
}

const KNOWN: ReadonlySet<string> = new Set(HELD_BACK_FILTERS);

/**
 * The pools inventory held back, as rejections like any other: the first filter they failed, a
 * sentence naming the site, pool and accelerator with inventory's numbers, and a count per filter
 * that includes the pools inventory only counted. Their ids must not repeat, nor be candidates.
 */
export function heldBackRejections(heldBack: RecommendHeldBack | undefined, candidates: readonly RecommendCandidate[]): HeldBackRejections {
  if (heldBack === undefined) return { rejected: [], unlisted: {}, total: 0, omitted: 0 };
  const unlisted: Partial<Record<HeldBackFilter, number>> = {};
  let total = 0;
  for (const [filter, count] of Object.entries(heldBack.byFilter)) {
    if (!KNOWN.has(filter)) throw invalid(`heldBack.byFilter.${filter}`, `is not a filter inventory applies (${HELD_BACK_FILTERS.join(', ')})`);
    if (!Number.isInteger(count) || count! < 0) throw invalid(`heldBack.byFilter.${filter}`, `must be a whole number ≥ 0, got ${String(count)}`);
    unlisted[filter as HeldBackFilter] = count;
    total += count!;
  }
  const ids = new Set(candidates.map((c) => c.candidateId));
  const rejected = heldBack.pools.map((pool, i): Rejection => {
    const at = `heldBack.pools[${i}]`;
    if (ids.has(pool.poolId)) throw invalid(`${at}.poolId`, `${JSON.stringify(pool.poolId)} is also a candidate, or held back twice`);
    ids.add(pool.poolId);
    const left = unlisted[pool.filter] ?? 0;
    if (left < 1) throw invalid(`${at}.filter`, `lists more ${pool.filter} pools than heldBack.byFilter.${pool.filter} counts (${heldBack.byFilter[pool.filter] ?? 0})`);
    unlisted[pool.filter] = left - 1;
    return {
      candidateId: pool.poolId,
      poolId: pool.poolId,
      siteId: pool.siteId,
      siteName: pool.siteName,
      countryCode: pool.countryCode,
      acceleratorId: pool.acceleratorId,
      acceleratorName: pool.acceleratorName,
      vendor: pool.vendor,
      ownership: pool.ownership,
      verdictOutcome: null,
      filter: pool.filter,
      // The shape of labelOf in filters.ts, so every rejection names its candidate the same way.
      reason: `${pool.siteName} (${pool.countryCode}), pool ${pool.poolId}, ${pool.acceleratorName} was held back by inventory (${pool.filter}): ${pool.reason}.`,
      detail: { filter: pool.filter, heldBackBy: 'INVENTORY', inventoryReason: pool.reason },
    };
  });
  return { rejected, unlisted, total, omitted: total - rejected.length };
}
