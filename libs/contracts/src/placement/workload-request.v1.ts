import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../contract.js';
import { CountryCode, CurrencyCode, IsoDate, Money, Slug } from '../common/reference.js';
import { WorkloadKind } from '../compliance/facts.v1.js';
import { Precision } from '../inventory/accelerator.v1.js';
import { Ownership } from '../inventory/capacity-pool.v1.js';
import { Topics } from '../topics.js';

const Range = z.object({ low: z.number().positive(), expected: z.number().positive(), high: z.number().positive() }).strict();
const DateTime = z.iso.datetime({ offset: true });

/**
 * The workload of a request, in the same form as the GraphQL `CostWorkloadInput`: training
 * fields apply to TRAINING and FINE_TUNING, inference fields to INFERENCE and BATCH_INFERENCE.
 */
export const RequestedWorkloadV1 = z
  .object({
    kind: WorkloadKind,
    activeParameters: z.number().positive().optional(),
    totalParameters: z.number().positive().optional(),
    architectureId: Slug.optional(),
    contextLength: z.number().int().positive().optional(),
    concurrentSequences: z.number().int().positive().optional(),
    tpotTargetMs: z.number().positive().optional(),
    ttftTargetMs: z.number().positive().optional(),
    tokens: z.number().positive().optional(),
    flops: z.number().positive().optional(),
    modelType: z.enum(['DENSE', 'MOE']).optional(),
    precision: Precision.optional(),
    mfu: Range.optional(),
    mfuScenarioId: Slug.optional(),
    devices: z.number().int().positive().optional(),
    averageTokensPerSecond: z.number().nonnegative().optional(),
    peakTokensPerSecond: z.number().positive().optional(),
    headroom: z.number().min(0).optional(),
    months: z.number().positive().optional(),
    tokensPerSecondPerDevice: Range.optional(),
    throughputScenarioId: Slug.optional(),
    powerUtilisation: z.number().min(0).max(1).optional(),
    basis: z.enum(['ON_DEMAND', 'COMMITTED']).optional(),
    dataMovements: z
      .array(
        z
          .object({
            kind: z.enum(['DATASET_TO_SITE', 'CHECKPOINTS', 'WEIGHTS_TO_INFERENCE', 'OTHER']),
            volumeGb: z.number().nonnegative(),
            mode: z.enum(['NETWORK', 'SHIP_DRIVES']),
            direction: z.enum(['INBOUND', 'OUTBOUND']),
            egressPricePerGb: Money.optional(),
            egressScenarioId: Slug.optional(),
            linkGbps: z.number().positive().optional(),
            linkScenarioId: Slug.optional(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    costOfDelayPerDay: Money.optional(),
  })
  .strict();

/** One workload to place, in the same form as the GraphQL `WorkloadInput`. */
export const WorkloadRequestInputV1 = z
  .object({
    name: z.string().min(1).max(200).optional(),
    workload: RequestedWorkloadV1,
    totalParameters: z.number().positive().optional(),
    minMemoryGbPerDevice: z.number().positive().optional(),
    legalEntityId: Slug,
    costCenter: z.string().min(1).max(64),
    data: z
      .object({
        originCountry: CountryCode.nullable().optional(),
        personalInfoIndividuals: z.number().int().nonnegative().optional(),
        sensitivePersonalInfoIndividuals: z.number().int().nonnegative().optional(),
        importantData: z.boolean().optional(),
        cumulativePersonalInfoIndividualsThisYear: z.number().int().nonnegative().optional(),
        cumulativeSensitivePersonalInfoIndividualsThisYear: z.number().int().nonnegative().optional(),
        personalInfoIndividualsSincePreviousYear: z.number().int().nonnegative().optional(),
        sensitivePersonalInfoIndividualsSincePreviousYear: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
    servesPublicIn: z.array(CountryCode).max(50).default([]),
    window: z.object({ from: DateTime, to: DateTime }).strict(),
    deadline: DateTime.optional(),
    budget: Money.optional(),
    acceptLicensed: z.boolean().default(false),
    users: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), label: z.string().min(1).max(100) }).strict().optional(),
    latencyTargetMs: z.number().positive().optional(),
    vendors: z.array(z.string().min(1)).max(50).optional(),
    excludeVendors: z.array(z.string().min(1)).max(50).optional(),
    originCountries: z.array(CountryCode).max(50).optional(),
    excludeOriginCountries: z.array(CountryCode).max(50).optional(),
    excludeCountries: z.array(CountryCode).max(300).optional(),
    ownership: z.array(Ownership).min(1).max(3).optional(),
    weights: z.object({ cost: z.number().min(0), time: z.number().min(0), risk: z.number().min(0), latency: z.number().min(0) }).strict().optional(),
    currency: CurrencyCode.default('USD'),
    pricingDate: IsoDate.optional(),
  })
  .strict();
export type WorkloadRequestInputV1 = z.output<typeof WorkloadRequestInputV1>;

/**
 * pipelines -> gateway, on `workload.requests`, keyed by `idempotencyKey`: place this workload.
 * The same key twice is one request and one result.
 */
export const WorkloadRequestedV1 = defineEvent(
  Topics.workloadRequests,
  1,
  z
    .object({
      idempotencyKey: z.string().min(8, 'must be at least 8 characters').max(200),
      submittedBy: z.string().min(1).max(200),
      request: WorkloadRequestInputV1,
    })
    .strict(),
);
export type WorkloadRequestedV1 = PayloadOf<typeof WorkloadRequestedV1>;

export const WorkloadRequestStatus = z.enum(['RECEIVED', 'EVALUATING', 'RECOMMENDED', 'FAILED']);

/** gateway -> pipelines, on `placement.recommendations`, keyed by the request's idempotency key. */
export const PlacementRecommendedV1 = defineEvent(
  Topics.placementRecommendations,
  1,
  z.object({
    requestId: z.uuid(),
    idempotencyKey: z.string(),
    status: z.enum(['RECOMMENDED', 'FAILED']),
    recommendationId: z.uuid().nullable(),
    chosen: z
      .object({ poolId: z.string(), siteId: z.string(), countryCode: z.string(), acceleratorId: z.string(), totalCost: z.object({ amount: z.string(), currency: z.string() }) })
      .nullable(),
    /** Why nothing could be recommended, or why the request failed. */
    error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }).nullable(),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
);
export type PlacementRecommendedV1 = PayloadOf<typeof PlacementRecommendedV1>;
