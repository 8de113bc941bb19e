import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { PageInfo, PageRequest } from '../common/pagination.js';
import { CountryCode, Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { SiteRegion, SiteV1 } from './site.v1.js';

/** gateway -> inventory: one page of the site catalog, ordered by site id. */
export const ListSitesV1 = defineRequest(
  Topics.inventorySites,
  Topics.inventorySitesReply,
  1,
  PageRequest.extend({
    filter: z
      .object({ ids: z.array(Slug).min(1).max(500).optional(), countryCode: CountryCode.optional(), region: SiteRegion.optional() })
      .strict(),
  }).strict(),
  z.object({
    edges: z.array(z.object({ cursor: z.string(), node: SiteV1 })),
    pageInfo: PageInfo,
    totalCount: z.number().int().nonnegative(),
    catalogVersion: z.string().nullable(),
  }),
);
export type ListSitesRequestV1 = RequestOf<typeof ListSitesV1>;
export type ListSitesReplyV1 = ReplyOf<typeof ListSitesV1>;
