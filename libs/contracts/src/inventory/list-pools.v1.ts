import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { PageInfo, PageRequest } from '../common/pagination.js';
import { CountryCode, Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { CapacityPoolV1, Ownership, TimeWindow } from './capacity-pool.v1.js';
import { SiteRegion } from './site.v1.js';

export const PoolFilterV1 = z
  .object({
    ids: z.array(z.string().min(1).max(200)).min(1).max(500).optional(),
    siteId: Slug.optional(),
    countryCode: CountryCode.optional(),
    region: SiteRegion.optional(),
    acceleratorId: Slug.optional(),
    vendor: z.string().min(1).max(100).optional(),
    originCountry: CountryCode.optional(),
    ownership: z.array(Ownership).min(1).max(3).optional(),
    minMemoryGbPerDevice: z.number().positive().max(100_000).optional(),
    /** Free capacity is computed for this window (default: now). */
    window: TimeWindow.optional(),
    minFreeDevices: z.number().int().positive().max(10_000_000).optional(),
  })
  .strict();
export type PoolFilterV1 = z.output<typeof PoolFilterV1>;

/** gateway -> inventory: a page of capacity pools, ordered by id, with free capacity. */
export const ListPoolsV1 = defineRequest(
  Topics.inventoryPools,
  Topics.inventoryPoolsReply,
  1,
  PageRequest.extend({ filter: PoolFilterV1 }).strict(),
  z.object({
    edges: z.array(z.object({ cursor: z.string(), node: CapacityPoolV1 })),
    pageInfo: PageInfo,
    totalCount: z.number().int().nonnegative(),
  }),
);
export type ListPoolsRequestV1 = RequestOf<typeof ListPoolsV1>;
export type ListPoolsReplyV1 = ReplyOf<typeof ListPoolsV1>;
