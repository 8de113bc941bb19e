import { z } from 'zod';
import { defineEvent, defineRequest, type PayloadOf, type ReplyOf, type RequestOf } from '../contract.js';
import { Actor } from '../common/actor.js';
import { IsoDate } from '../common/reference.js';
import { Topics } from '../topics.js';

/** Cost reference data sets, each published as whole, versioned, effective-dated documents. */
export const CostDataset = z.enum(['price-book', 'cost-scenarios', 'fx-rates']);
export type CostDataset = z.output<typeof CostDataset>;

export const CostDatasetVersionV1 = z.object({
  dataset: CostDataset,
  version: z.string(),
  effectiveFrom: IsoDate,
  source: z.string(),
  checksum: z.string(),
  itemCount: z.number().int().nonnegative(),
  publishedAt: z.iso.datetime({ offset: true }),
  publishedBy: z.string(),
  /** The version an estimate priced today would use. */
  inForceToday: z.boolean(),
});
export type CostDatasetVersionV1 = z.output<typeof CostDatasetVersionV1>;

export const CostAdminCommandV1 = z.discriminatedUnion('command', [
  /** The document is validated by cost-estimation against the data set's schema (libs/cost-model). */
  z.object({ command: z.literal('publish'), actor: Actor, dataset: CostDataset, document: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ command: z.literal('listVersions'), dataset: CostDataset.optional() }).strict(),
  z.object({ command: z.literal('getVersion'), dataset: CostDataset, version: z.string().min(1).max(50) }).strict(),
]);

/** gateway -> cost-estimation: publish and read price books, cost scenarios and FX tables. */
export const CostAdminV1 = defineRequest(
  Topics.costAdmin,
  Topics.costAdminReply,
  1,
  CostAdminCommandV1,
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('version'), version: CostDatasetVersionV1, created: z.boolean() }),
    z.object({ kind: z.literal('versions'), versions: z.array(CostDatasetVersionV1) }),
    z.object({ kind: z.literal('document'), version: CostDatasetVersionV1, document: z.record(z.string(), z.unknown()) }),
  ]),
);
export type CostAdminCommandV1 = RequestOf<typeof CostAdminV1>;
export type CostAdminReplyV1 = ReplyOf<typeof CostAdminV1>;

/** cost-estimation -> anyone: a cost reference data version was published. */
export const CostDataPublishedV1 = defineEvent(
  Topics.costDataPublished,
  1,
  z.object({
    dataset: CostDataset,
    version: z.string().min(1),
    effectiveFrom: IsoDate,
    itemCount: z.number().int().nonnegative(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
    publishedAt: z.iso.datetime({ offset: true }),
  }),
);
export type CostDataPublishedV1 = PayloadOf<typeof CostDataPublishedV1>;
