import type { PoolFilterV1, WorkloadRequirementsV1 } from '@cp/contracts';

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

/** WHERE conditions of a placement's physical requirements. */
export function requirementConditions(params: SqlParams, r: WorkloadRequirementsV1): string[] {
  const where: string[] = ['s.retired_in_version IS NULL', 'a.retired_in_version IS NULL'];
  // Cheap checks first, so free capacity is measured only for pools that could qualify.
  const devices = params.add(r.deviceCount);
  where.push(`p.device_count >= ${devices}`);
  where.push(`p.available_from <= ${params.add(r.window.from)}::timestamptz`);
  where.push(`(p.available_to IS NULL OR p.available_to >= ${params.add(r.window.to)}::timestamptz)`);
  where.push(`f.free_devices >= ${devices}`);
  where.push(`a.memory_gb >= ${params.add(r.minMemoryGbPerDevice)}`);
  if (r.minInterconnectGBps !== undefined) where.push(`a.interconnect_gbps >= ${params.add(r.minInterconnectGBps)}`);
  if (r.precisions && r.precisions.length > 0) where.push(`a.precisions @> ${params.add(r.precisions)}::text[]`);
  if (r.vendors) where.push(`a.vendor = ANY(${params.add(r.vendors)}::text[])`);
  if (r.excludeVendors && r.excludeVendors.length > 0) where.push(`NOT (a.vendor = ANY(${params.add(r.excludeVendors)}::text[]))`);
  if (r.originCountries) where.push(`a.origin_country = ANY(${params.add(r.originCountries)}::text[])`);
  if (r.excludeOriginCountries && r.excludeOriginCountries.length > 0) {
    where.push(`NOT (a.origin_country = ANY(${params.add(r.excludeOriginCountries)}::text[]))`);
  }
  if (r.ownership) where.push(`p.ownership = ANY(${params.add(r.ownership)}::text[])`);
  return where;
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
