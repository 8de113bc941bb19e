import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { PageInfo, PageRequest } from '../common/pagination.js';
import { CountryCode, Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { AcceleratorV1 } from './accelerator.v1.js';

export const AcceleratorFilterV1 = z
  .object({
    ids: z.array(Slug).min(1).max(500).optional(),
    vendor: z.string().min(1).max(100).optional(),
    originCountry: CountryCode.optional(),
    minMemoryGb: z.number().positive().max(100_000).optional(),
  })
  .strict();

/** gateway -> inventory: a page of the accelerator catalog, ordered by id. */
export const ListAcceleratorsV1 = defineRequest(
  Topics.inventoryAccelerators,
  Topics.inventoryAcceleratorsReply,
  1,
  PageRequest.extend({ filter: AcceleratorFilterV1 }).strict(),
  z.object({
    edges: z.array(z.object({ cursor: z.string(), node: AcceleratorV1 })),
    pageInfo: PageInfo,
    totalCount: z.number().int().nonnegative(),
    catalogVersion: z.string().nullable(),
  }),
);
export type ListAcceleratorsRequestV1 = RequestOf<typeof ListAcceleratorsV1>;
export type ListAcceleratorsReplyV1 = ReplyOf<typeof ListAcceleratorsV1>;
