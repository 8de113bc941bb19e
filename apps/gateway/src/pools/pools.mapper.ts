import type { CapacityPoolV1 } from '@cp/contracts';
import type { CapacityPool, Ownership, PriceBasis } from './pool.model.js';

export function toCapacityPool(pool: CapacityPoolV1): CapacityPool {
  return {
    id: pool.id,
    siteId: pool.siteId,
    acceleratorId: pool.acceleratorId,
    deviceCount: pool.deviceCount,
    devicesPerNode: pool.devicesPerNode,
    ownership: pool.ownership as Ownership,
    price: { basis: pool.price.basis as PriceBasis, amount: { amount: pool.price.amount, currency: pool.price.currency }, source: pool.price.source },
    availableFrom: new Date(pool.availableFrom),
    availableTo: pool.availableTo ? new Date(pool.availableTo) : null,
    freeDevices: pool.freeDevices,
    version: pool.version,
  };
}

/** GraphQL Date inputs as the contract's ISO strings; undefined when absent. */
export function iso(value: Date | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString();
}

/** Drops null and undefined members, so optional contract fields are simply absent. */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}
