import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../contract.js';
import { IsoDate } from '../common/reference.js';
import { Topics } from '../topics.js';

/** inventory -> anyone: a reference-data version was loaded and is now current. */
export const CatalogPublishedV1 = defineEvent(
  Topics.inventoryCatalogPublished,
  1,
  z.object({
    dataset: z.enum(['sites', 'accelerators', 'pools']),
    version: z.string().min(1),
    effectiveFrom: IsoDate,
    itemCount: z.number().int().nonnegative(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
    publishedAt: z.iso.datetime(),
  }),
);
export type CatalogPublishedV1 = PayloadOf<typeof CatalogPublishedV1>;
