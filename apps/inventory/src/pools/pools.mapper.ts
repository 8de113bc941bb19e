import type { CapacityPoolV1 } from '@cp/contracts';
import { canonicalDecimal } from '../common/decimal.js';
import type { PoolRow } from './pool-query.js';

export function toPoolV1(row: PoolRow): CapacityPoolV1 {
  return {
    id: row.id,
    siteId: row.site_id,
    acceleratorId: row.accelerator_id,
    deviceCount: row.device_count,
    devicesPerNode: row.devices_per_node,
    ownership: row.ownership,
    price: { basis: row.price_basis, amount: canonicalDecimal(row.price_amount), currency: row.price_currency, source: row.price_source },
    availableFrom: row.available_from.toISOString(),
    availableTo: row.available_to ? row.available_to.toISOString() : null,
    freeDevices: row.free_devices,
    version: row.version,
  };
}
