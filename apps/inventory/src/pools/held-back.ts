import { HELD_BACK_LIST_MAX, type HeldBackFilter, type HeldBackV1, type PrecisionAssumptionV1, type WorkloadRequirementsV1 } from '@cp/contracts';
import { acceptablePrecisions, nearestPrecision, type Precision, PRECISIONS } from '@cp/hardware';
import type { CandidateRow } from './pool-query.js';

function isPrecision(value: string): value is Precision {
  return (PRECISIONS as readonly string[]).includes(value);
}

/** The precisions a row's accelerator has a known dense rate for. */
function ratesOf(row: Pick<CandidateRow, 'precisions'>): Precision[] {
  return row.precisions.filter(isPrecision);
}

function instant(value: Date | string): string {
  return new Date(value).toISOString().replace('.000Z', 'Z');
}

function list(values: readonly string[]): string {
  return values.join(', ');
}

function wish(what: string, value: string, include: readonly string[] | undefined, exclude: readonly string[] | undefined): string {
  if (include && !include.includes(value)) return `${what} ${value} is not among the requested (${list(include)})`;
  if (exclude?.includes(value)) return `${what} ${value} is excluded (${list(exclude)})`;
  return `${what} ${value} does not meet the request`;
}

/** One line, with the numbers, on why `row` was held back by `row.filter`. */
export function heldBackReason(row: CandidateRow, r: WorkloadRequirementsV1): string {
  const filter = row.filter!;
  switch (filter) {
    case 'VENDOR':
      return wish('vendor', row.vendor, r.vendors, r.excludeVendors);
    case 'ORIGIN':
      return wish('accelerator origin', row.origin_country, r.originCountries, r.excludeOriginCountries);
    case 'OWNERSHIP':
      return wish('ownership', row.ownership, r.ownership, undefined);
    case 'PRECISION': {
      const rates = ratesOf(row);
      const missing = (r.precisions ?? []).find((p) => nearestPrecision(rates, p) === null) ?? r.precisions?.[0] ?? 'the requested precision';
      const accepts = isPrecision(missing) ? ` (accepts ${list(acceptablePrecisions(missing))})` : '';
      return `needs a dense rate at or near ${missing}${accepts}, accelerator has ${rates.length === 0 ? 'no known dense rate' : `rates for ${list(rates)} only`}`;
    }
    case 'MEMORY':
      return `needs ${r.minMemoryGbPerDevice} GB per device, accelerator has ${row.memory_gb === null ? 'an unknown memory size' : `${row.memory_gb} GB`}`;
    case 'INTERCONNECT':
      return `needs ${r.minInterconnectGBps} GB/s interconnect, accelerator has ${row.interconnect_gbps === null ? 'an unknown interconnect bandwidth' : `${row.interconnect_gbps} GB/s`}`;
    case 'POOL_SIZE':
      return `needs ${r.deviceCount} devices, pool has ${row.device_count}`;
    case 'WINDOW':
      return (
        `pool is available from ${instant(row.available_from)}${row.available_to === null ? '' : ` to ${instant(row.available_to)}`}, ` +
        `not throughout the window ${instant(r.window.from)} to ${instant(r.window.to)}`
      );
    case 'CAPACITY':
      return `needs ${r.deviceCount} devices free throughout the window, pool has ${row.free_devices ?? 0} free of ${row.device_count}`;
  }
}

/** What the reply says about the held-back rows of `candidatesSql`: counts per filter, the first `HELD_BACK_LIST_MAX` with reasons. */
export function heldBackOf(rows: readonly CandidateRow[], r: WorkloadRequirementsV1): HeldBackV1 {
  const byFilter: Partial<Record<HeldBackFilter, number>> = {};
  const pools: HeldBackV1['pools'] = [];
  for (const row of rows) {
    if (row.filter === null) continue;
    byFilter[row.filter] = row.in_filter;
    if (row.rn <= HELD_BACK_LIST_MAX) {
      pools.push({ poolId: row.id, siteId: row.site_id, acceleratorId: row.accelerator_id, ownership: row.ownership, filter: row.filter, reason: heldBackReason(row, r) });
    }
  }
  const total = Object.values(byFilter).reduce((sum, n) => sum + n, 0);
  return { byFilter, pools, omitted: total - pools.length };
}

/** For each accelerator of the candidates, each requested precision it runs at another one, with what that assumes. */
export function precisionAssumptionsOf(rows: readonly CandidateRow[], r: WorkloadRequirementsV1): PrecisionAssumptionV1[] {
  const requested = [...new Set(r.precisions ?? [])];
  if (requested.length === 0) return [];
  const accelerators = new Map<string, Precision[]>();
  for (const row of rows) if (row.filter === null && !accelerators.has(row.accelerator_id)) accelerators.set(row.accelerator_id, ratesOf(row));
  const assumptions: PrecisionAssumptionV1[] = [];
  for (const [acceleratorId, rates] of [...accelerators].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const precision of requested) {
      const choice = nearestPrecision(rates, precision);
      if (choice?.assumption) assumptions.push({ acceleratorId, requested: precision, runAt: choice.precision, assumption: choice.assumption });
    }
  }
  return assumptions;
}
