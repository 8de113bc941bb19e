import { HELD_BACK_FILTERS, type HeldBackFilter, type PoolFilterV1, type WorkloadRequirementsV1 } from '@cp/contracts';
import { acceptablePrecisions } from '@cp/hardware';

/** A parameterised SQL fragment; `$n` placeholders are numbered by `SqlParams`. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface PoolWindow {
  readonly from: Date;
  readonly to: Date;
}

/**
 * Peak concurrent load of one pool's reservations that count (confirmed, or held and not
 * yet expired) within a window: the maximum of a running sum over their starts
 * (+quantity) and ends (-quantity), ends first at the same instant since windows are
 * half-open. Evaluated per pool through the (pool_id, window) index, so its cost follows
 * the pools a query keeps, whatever the planner estimates.
 */
export function peakLoadSql(params: SqlParams, poolIdSql: string, window: PoolWindow, now: Date): string {
  const from = params.add(window.from.toISOString());
  const to = params.add(window.to.toISOString());
  const at = params.add(now.toISOString());
  const counts = `r.pool_id = ${poolIdSql} AND r.window_from < ${to}::timestamptz AND r.window_to > ${from}::timestamptz
          AND (r.status = 'CONFIRMED' OR (r.status = 'HELD' AND r.expires_at > ${at}::timestamptz))`;
  return `coalesce((SELECT max(run.load) FROM (
      SELECT sum(ev.d) OVER (ORDER BY ev.t, ev.d ROWS UNBOUNDED PRECEDING) AS load FROM (
        SELECT greatest(r.window_from, ${from}::timestamptz) AS t, r.quantity AS d FROM inventory.reservations r WHERE ${counts}
        UNION ALL
        SELECT least(r.window_to, ${to}::timestamptz) AS t, -r.quantity AS d FROM inventory.reservations r WHERE ${counts}
      ) ev) run), 0)::int`;
}

/** Devices of pool `p` free for the whole window: nothing if the pool is not available throughout. */
export function freeDevicesSql(params: SqlParams, window: PoolWindow, now: Date): string {
  const from = params.add(window.from.toISOString());
  const to = params.add(window.to.toISOString());
  return `CASE WHEN p.available_from <= ${from}::timestamptz AND (p.available_to IS NULL OR p.available_to >= ${to}::timestamptz)
      THEN greatest(p.device_count - ${peakLoadSql(params, 'p.id', window, now)}, 0) ELSE 0 END`;
}

export const POOL_COLUMNS = `p.id, p.site_id, p.accelerator_id, p.device_count, p.devices_per_node, p.ownership, p.price_basis,
  p.price_amount::text AS price_amount, p.price_currency, p.price_source, p.available_from, p.available_to, p.version, f.free_devices`;

/** Pools with their accelerator `a`, site `s` and free capacity `f.free_devices` in the window. */
export function poolFrom(params: SqlParams, window: PoolWindow, now: Date): string {
  return `FROM inventory.capacity_pools p
  JOIN inventory.accelerators a ON a.id = p.accelerator_id
  JOIN inventory.sites s ON s.id = p.site_id
  CROSS JOIN LATERAL (SELECT ${freeDevicesSql(params, window, now)} AS free_devices) f`;
}

/** WHERE conditions of a pool listing filter. */
export function poolFilterConditions(params: SqlParams, filter: PoolFilterV1): string[] {
  const where: string[] = ['s.retired_in_version IS NULL', 'a.retired_in_version IS NULL'];
  if (filter.ids) where.push(`p.id = ANY(${params.add(filter.ids)}::text[])`);
  if (filter.siteId) where.push(`p.site_id = ${params.add(filter.siteId)}`);
  if (filter.countryCode) where.push(`s.country_code = ${params.add(filter.countryCode)}`);
  if (filter.region) where.push(`s.region = ${params.add(filter.region)}`);
  if (filter.acceleratorId) where.push(`p.accelerator_id = ${params.add(filter.acceleratorId)}`);
  if (filter.vendor) where.push(`a.vendor = ${params.add(filter.vendor)}`);
  if (filter.originCountry) where.push(`a.origin_country = ${params.add(filter.originCountry)}`);
  if (filter.ownership) where.push(`p.ownership = ANY(${params.add(filter.ownership)}::text[])`);
  if (filter.minMemoryGbPerDevice !== undefined) where.push(`a.memory_gb >= ${params.add(filter.minMemoryGbPerDevice)}`);
  if (filter.minFreeDevices !== undefined) where.push(`f.free_devices >= ${params.add(filter.minFreeDevices)}`);
  return where;
}

/** A requirement as SQL: `fails` is true (never null) for a pool of `p` with accelerator `a` that does not meet it. */
interface RequirementCheck {
  readonly filter: HeldBackFilter;
  readonly fails: string;
}

/**
 * The checks of a placement's requirements that need no free-capacity count, in the order of
 * HELD_BACK_FILTERS (CAPACITY, last, is `capacityFails`). `devices` is the placeholder of the
 * device count, for the capacity check.
 */
function requirementChecks(params: SqlParams, r: WorkloadRequirementsV1): { checks: RequirementCheck[]; devices: string } {
  const checks: RequirementCheck[] = [];
  const check = (filter: HeldBackFilter, conditions: string[]): void => {
    // An unknown figure (NULL) fails: a pool is never kept on a guess.
    if (conditions.length > 0) checks.push({ filter, fails: conditions.map((c) => `coalesce(${c}, true)`).join(' OR ') });
  };
  const wished = (column: string, include: readonly string[] | undefined, exclude: readonly string[] | undefined): string[] => [
    ...(include ? [`NOT (${column} = ANY(${params.add(include)}::text[]))`] : []),
    ...(exclude && exclude.length > 0 ? [`${column} = ANY(${params.add(exclude)}::text[])`] : []),
  ];
  check('VENDOR', wished('a.vendor', r.vendors, r.excludeVendors));
  check('ORIGIN', wished('a.origin_country', r.originCountries, r.excludeOriginCountries));
  check('OWNERSHIP', r.ownership ? [`NOT (p.ownership = ANY(${params.add(r.ownership)}::text[]))`] : []);
  // A precision is met at the requested one or the nearest acceptable one (@cp/hardware).
  check('PRECISION', [...new Set(r.precisions ?? [])].map((precision) => `NOT (a.precisions && ${params.add(acceptablePrecisions(precision))}::text[])`));
  check('MEMORY', [`a.memory_gb < ${params.add(r.minMemoryGbPerDevice)}`]);
  check('INTERCONNECT', r.minInterconnectGBps === undefined ? [] : [`a.interconnect_gbps < ${params.add(r.minInterconnectGBps)}`]);
  const devices = params.add(r.deviceCount);
  check('POOL_SIZE', [`p.device_count < ${devices}`]);
  check('WINDOW', [`NOT (p.available_from <= ${params.add(r.window.from)}::timestamptz AND (p.available_to IS NULL OR p.available_to >= ${params.add(r.window.to)}::timestamptz))`]);
  return { checks, devices };
}

/** CAPACITY: fewer free devices in the whole window than needed. */
function capacityFails(devices: string): string {
  return `f.free_devices < ${devices}`;
}

/**
 * Every live pool, classified by the first requirement it fails (`filter`, null when it passes
 * them all), in one statement: the candidates (most free capacity first, at most `limit`), the
 * held-back pools closest to qualifying first (the later the filter they failed, the closer;
 * at most `listMax`), one row of each filter beyond that so its count (`in_filter`) is known,
 * and `matched` (every candidate, before the limit) on every row. Free capacity, the costly
 * part, is measured only for pools that pass every other check.
 */
export function candidatesSql(params: SqlParams, r: WorkloadRequirementsV1, window: PoolWindow, now: Date, limit: number, listMax: number): string {
  const { checks, devices } = requirementChecks(params, r);
  const classify = checks.length === 0 ? 'NULL' : `CASE ${checks.map((c) => `WHEN ${c.fails} THEN '${c.filter}'`).join(' ')} END`;
  const filterOrder = params.add(HELD_BACK_FILTERS);
  // MATERIALIZED: inlined, the planner copies the free-capacity subquery into every expression
  // that reads `free_devices` (the filter, the window orders) and runs it once per copy.
  return `WITH checked AS (
      SELECT p.id, p.site_id, p.accelerator_id, p.device_count, p.devices_per_node, p.ownership, p.price_basis,
        p.price_amount::text AS price_amount, p.price_currency, p.price_source, p.available_from, p.available_to, p.version,
        a.vendor, a.origin_country, a.precisions, a.memory_gb, a.interconnect_gbps, ${classify} AS cheap
      FROM inventory.capacity_pools p
      JOIN inventory.accelerators a ON a.id = p.accelerator_id
      JOIN inventory.sites s ON s.id = p.site_id
      WHERE s.retired_in_version IS NULL AND a.retired_in_version IS NULL
    ), measured AS MATERIALIZED (
      SELECT p.*, f.free_devices
      FROM checked p
      CROSS JOIN LATERAL (SELECT CASE WHEN p.cheap IS NULL THEN ${freeDevicesSql(params, window, now)} END AS free_devices) f
    ), classified AS (
      SELECT f.*, coalesce(f.cheap, CASE WHEN ${capacityFails(devices)} THEN 'CAPACITY' END) AS filter FROM measured f
    )
    SELECT * FROM (
      SELECT m.*,
        (count(*) FILTER (WHERE m.filter IS NULL) OVER ())::int AS matched,
        (count(*) OVER (PARTITION BY m.filter))::int AS in_filter,
        (row_number() OVER (PARTITION BY m.filter ORDER BY m.id))::int AS nth_in_filter,
        (row_number() OVER (PARTITION BY m.filter IS NULL
          ORDER BY CASE WHEN m.filter IS NULL THEN m.free_devices END DESC NULLS LAST, array_position(${filterOrder}::text[], m.filter) DESC, m.id))::int AS rn
      FROM classified m
    ) x
    WHERE (x.filter IS NULL AND x.rn <= ${params.add(limit)}) OR (x.filter IS NOT NULL AND (x.rn <= ${params.add(listMax)} OR x.nth_in_filter = 1))
    ORDER BY x.filter IS NOT NULL, x.rn`;
}

export interface PoolRow {
  id: string;
  site_id: string;
  accelerator_id: string;
  device_count: number;
  devices_per_node: number;
  ownership: 'OWNED' | 'LEASED_IAAS' | 'COLOCATION';
  price_basis: 'ON_DEMAND' | 'COMMITTED' | 'CAPEX';
  price_amount: string;
  price_currency: string;
  price_source: string;
  available_from: Date;
  available_to: Date | null;
  version: number;
  free_devices: number;
}

/** A row of `candidatesSql`: a pool with what its requirements were checked against. */
export interface CandidateRow extends Omit<PoolRow, 'free_devices'> {
  vendor: string;
  origin_country: string;
  precisions: string[];
  memory_gb: number | null;
  interconnect_gbps: number | null;
  /** Null when the pool was held back before its free capacity was measured. */
  free_devices: number | null;
  filter: HeldBackFilter | null;
  matched: number;
  in_filter: number;
  nth_in_filter: number;
  rn: number;
}
