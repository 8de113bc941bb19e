import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { Actor } from '../common/actor.js';
import { Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { CapacityPoolV1, Ownership, PriceReference } from './capacity-pool.v1.js';
import { AcceleratorSpecInputV1, AcceleratorV1 } from './accelerator.v1.js';
import { SiteV1 } from './site.v1.js';

const PoolFields = z.object({
  siteId: Slug,
  acceleratorId: Slug,
  deviceCount: z.number().int('must be a whole number of devices').nonnegative('must not be negative').max(10_000_000),
  devicesPerNode: z.number().int().positive().max(1_024),
  ownership: Ownership,
  price: PriceReference,
  availableFrom: z.iso.datetime({ offset: true }),
  availableTo: z.iso.datetime({ offset: true }).nullable(),
});

export const InventoryAdminCommandV1 = z.discriminatedUnion('command', [
  z.object({ command: z.literal('upsertSite'), actor: Actor, site: SiteV1 }).strict(),
  z.object({ command: z.literal('upsertAccelerator'), actor: Actor, accelerator: AcceleratorSpecInputV1 }).strict(),
  z.object({ command: z.literal('createPool'), actor: Actor, pool: PoolFields.strict() }).strict(),
  z
    .object({
      command: z.literal('updatePool'),
      actor: Actor,
      poolId: z.string().min(1).max(200),
      /** Optimistic concurrency: the version the caller last read. */
      expectedVersion: z.number().int().positive(),
      changes: PoolFields.omit({ siteId: true, acceleratorId: true, deviceCount: true }).partial().strict(),
    })
    .strict(),
  z
    .object({
      command: z.literal('adjustCapacity'),
      actor: Actor,
      poolId: z.string().min(1).max(200),
      delta: z.number().int('must be a whole number of devices').refine((d) => d !== 0, 'must not be zero'),
      reason: z.string().min(3).max(500),
    })
    .strict(),
]);

/** gateway -> inventory: admin changes; only inventory-admin (or admin) actors may send them. */
export const InventoryAdminV1 = defineRequest(
  Topics.inventoryAdmin,
  Topics.inventoryAdminReply,
  1,
  InventoryAdminCommandV1,
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('site'), site: SiteV1 }),
    z.object({ kind: z.literal('accelerator'), accelerator: AcceleratorV1 }),
    z.object({ kind: z.literal('pool'), pool: CapacityPoolV1 }),
  ]),
);
export type InventoryAdminCommandV1 = RequestOf<typeof InventoryAdminV1>;
export type InventoryAdminReplyV1 = ReplyOf<typeof InventoryAdminV1>;
