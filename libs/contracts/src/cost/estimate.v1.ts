import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { CountryCode, CurrencyCode, DecimalString, IsoDate, Money, Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { Precision } from '../inventory/accelerator.v1.js';
import { Ownership, PriceReference } from '../inventory/capacity-pool.v1.js';

/** An uncertain input: low ≤ expected ≤ high. */
const NumberRange = z
  .object({ low: z.number().positive(), expected: z.number().positive(), high: z.number().positive() })
  .strict()
  .refine((r) => r.low <= r.expected && r.expected <= r.high, { message: 'must satisfy low ≤ expected ≤ high' });
const FractionRange = z
  .object({ low: z.number().positive().max(1), expected: z.number().positive().max(1), high: z.number().positive().max(1) })
  .strict()
  .refine((r) => r.low <= r.expected && r.expected <= r.high, { message: 'must satisfy low ≤ expected ≤ high' });

export const PriceBasis = z.enum(['ON_DEMAND', 'COMMITTED']);
export type PriceBasis = z.output<typeof PriceBasis>;

/** What is trained: 6 × active parameters × tokens, or a FLOP count. */
export const TrainingWorkV1 = z.union([
  z.object({ activeParameters: z.number().positive().max(1e15), tokens: z.number().positive().max(1e18) }).strict(),
  z.object({ flops: z.number().positive().max(1e32) }).strict(),
]);

export const DataMovementKind = z.enum(['DATASET_TO_SITE', 'CHECKPOINTS', 'WEIGHTS_TO_INFERENCE', 'OTHER']);

export const DataMovementV1 = z
  .object({
    kind: DataMovementKind,
    /** Decimal gigabytes. */
    volumeGb: z.number().nonnegative().max(1e9),
    mode: z.enum(['NETWORK', 'SHIP_DRIVES']),
    /** INBOUND: into the candidate's site (egress paid where it leaves); OUTBOUND: out of the site (the site's egress price applies). */
    direction: z.enum(['INBOUND', 'OUTBOUND']),
    egressPricePerGb: Money.optional(),
    /** A network.egressPrices row of the cost scenarios, when no price is given. */
    egressScenarioId: Slug.optional(),
    linkGbps: z.number().positive().max(1e6).optional(),
    /** A network.links row of the cost scenarios, when no speed is given. */
    linkScenarioId: Slug.optional(),
  })
  .strict();
export type DataMovementV1 = z.output<typeof DataMovementV1>;

/** Model size and serving shape the performance model sizes memory and throughput with. */
const modelShape = {
  /** All parameters (every expert of an MoE model): weights resident in memory. */
  totalParameters: z.number().positive().max(1e14).optional(),
  /** A published architecture of the cost scenarios (exact KV cache size); default: derived from the parameter count. */
  architectureId: Slug.optional(),
};

const common = {
  /** Draw as a fraction of TDP for owned and colocated power; default 1 (conservative, stated in assumptions). */
  powerUtilisation: z.number().min(0).max(1).optional(),
  /** Lease rate basis; default: the basis of the pool's own price. */
  basis: PriceBasis.optional(),
  dataMovements: z.array(DataMovementV1).max(20).default([]),
  /** What each calendar day of licence or approval delay costs the business. */
  costOfDelayPerDay: Money.optional(),
};

export const TrainingCostWorkloadV1 = z
  .object({
    kind: z.enum(['TRAINING', 'FINE_TUNING']),
    work: TrainingWorkV1,
    modelType: z.enum(['DENSE', 'MOE']),
    precision: Precision,
    /** Overrides the scenario MFU. */
    mfu: FractionRange.optional(),
    /** An mfu row of the cost scenarios; default: the row for the accelerator, model type and precision, else the performance model. */
    mfuScenarioId: Slug.optional(),
    ...modelShape,
    ...common,
  })
  .strict()
  .refine((w) => !('activeParameters' in w.work) || w.totalParameters === undefined || w.work.activeParameters <= w.totalParameters, {
    message: 'must be at least the active parameters',
    path: ['totalParameters'],
  });

export const InferenceCostWorkloadV1 = z
  .object({
    kind: z.enum(['INFERENCE', 'BATCH_INFERENCE']),
    averageTokensPerSecond: z.number().nonnegative().max(1e12),
    peakTokensPerSecond: z.number().positive().max(1e12),
    /** Spare capacity over peak: 0.2 sizes for 1.2 × peak. */
    headroom: z.number().min(0).max(10).default(0.2),
    months: z.number().positive().max(120).default(1),
    /** Overrides the scenario throughput. */
    tokensPerSecondPerDevice: NumberRange.optional(),
    /** An inferenceThroughput row of the cost scenarios; default: a published row for this chip and model, else the performance model. */
    throughputScenarioId: Slug.optional(),
    /** What is served; the performance model needs totalParameters (and activeParameters for an MoE model). */
    modelType: z.enum(['DENSE', 'MOE']).default('DENSE'),
    /** Serving precision of the weights (bytes per parameter and the peak used). */
    precision: Precision.default('BF16'),
    activeParameters: z.number().positive().max(1e14).optional(),
    /** Tokens each sequence holds (prompt + output); default in the cost scenarios (4,096). */
    contextLength: z.number().int().positive().max(10_000_000).optional(),
    /** Sequences in flight per replica; default: as many as memory and the TPOT target allow. */
    concurrentSequences: z.number().int().positive().max(1_000_000).optional(),
    /** Time per output token ceiling (ms); default in the cost scenarios (50 ms); none for BATCH_INFERENCE. */
    tpotTargetMs: z.number().positive().max(600_000).optional(),
    /** Time to first token ceiling (ms). */
    ttftTargetMs: z.number().positive().max(3_600_000).optional(),
    ...modelShape,
    ...common,
  })
  .strict()
  .refine((w) => w.peakTokensPerSecond >= w.averageTokensPerSecond, { message: 'must be at least averageTokensPerSecond', path: ['peakTokensPerSecond'] })
  .refine((w) => w.activeParameters === undefined || w.totalParameters === undefined || w.activeParameters <= w.totalParameters, { message: 'must be at least activeParameters', path: ['totalParameters'] });

export const CostWorkloadV1 = z.discriminatedUnion('kind', [TrainingCostWorkloadV1, InferenceCostWorkloadV1]);
export type CostWorkloadV1 = z.output<typeof CostWorkloadV1>;

/** The facts of one candidate the gateway assembled from inventory (cost-estimation reads no other schema). */
export const CostCandidateV1 = z
  .object({
    candidateId: z.string().min(1).max(200),
    /** Devices a training run uses (default: the pool's device count); ignored for inference, which sizes itself. */
    devices: z.number().int().positive().max(1_000_000).optional(),
    /** Licence or approval lead time from the compliance verdict, calendar days. */
    leadTimeDays: z.number().int().nonnegative().max(3650).default(0),
    leadTimeSource: z.string().max(500).optional(),
    pool: z.object({ id: z.string().min(1).max(200), ownership: Ownership, price: PriceReference, deviceCount: z.number().int().nonnegative() }).strict(),
    accelerator: z
      .object({
        id: Slug,
        vendor: z.string().min(1).max(100),
        denseRates: z.array(z.object({ precision: Precision, tflops: z.number().positive().nullable(), source: z.string().max(2000) }).strict()).max(10),
        tdpW: z.number().positive().nullable(),
        /** Memory per device (GB), bandwidth (TB/s) and scale-up link (GB/s; null: PCIe only): the performance model's inputs. */
        memoryGb: z.number().positive().nullable().optional(),
        memoryBandwidthTBps: z.number().positive().nullable().optional(),
        interconnectGBps: z.number().positive().nullable().optional(),
      })
      .strict(),
    site: z
      .object({
        id: Slug,
        countryCode: CountryCode,
        powerPrice: z.object({ amount: DecimalString, currency: CurrencyCode, asOf: IsoDate, source: z.string().max(2000) }).strict().nullable(),
        pue: z.object({ value: DecimalString, source: z.string().max(2000) }).strict().nullable(),
        egressPricePerGb: z.object({ amount: DecimalString, currency: CurrencyCode, source: z.string().max(2000) }).strict().nullable(),
        internationalBandwidthGbps: z.number().positive().nullable(),
      })
      .strict(),
  })
  .strict();
export type CostCandidateV1 = z.output<typeof CostCandidateV1>;

export const MoneyRangeV1 = z.object({ low: DecimalString, expected: DecimalString, high: DecimalString, currency: CurrencyCode });
export type MoneyRangeV1 = z.output<typeof MoneyRangeV1>;
export const QuantityRangeV1 = z.object({ low: DecimalString, expected: DecimalString, high: DecimalString, unit: z.string() });

export const CostComponentName = z.enum(['COMPUTE_LEASE', 'CAPITAL', 'COLOCATION_FEE', 'POWER', 'DATA_MOVEMENT', 'DELAY']);

export const CostEstimateV1 = z.object({
  currency: CurrencyCode,
  total: MoneyRangeV1,
  components: z.array(z.object({ name: CostComponentName, cost: MoneyRangeV1 })),
  devices: QuantityRangeV1,
  deviceHours: QuantityRangeV1,
  /** Training: run length; inference: hours in the priced months. */
  computeHours: QuantityRangeV1,
  transferDays: QuantityRangeV1,
  leadTimeDays: z.number().int().nonnegative(),
  /** Lead time + the slowest transfer into the site + the run (training); lead time + transfer (inference). */
  timeToResultDays: QuantityRangeV1,
  /** On-demand list price of the same device-hours from the price book, when it has one (FOCUS ListCost). */
  listCost: MoneyRangeV1.nullable(),
  priceSource: z.object({ kind: z.enum(['CONTRACT', 'POOL', 'PRICE_BOOK']), basis: z.enum(['ON_DEMAND', 'COMMITTED', 'CAPEX']), detail: z.string() }),
  /**
   * Where the throughput or MFU came from: CALLER_INPUT, MEASURED (a published row of the cost
   * scenarios) or DERIVED (the performance model, with its method); absent in older estimates.
   */
  performance: z
    .object({
      grade: z.enum(['CALLER_INPUT', 'MEASURED', 'DERIVED']),
      method: z.string(),
      precision: Precision,
      /** Training: MFU against the peak at `precision`, goodput not included. */
      mfu: QuantityRangeV1.nullable(),
      goodput: QuantityRangeV1.nullable(),
      /** Inference: decode tokens/s per device, replica size, TTFT. */
      tokensPerSecondPerDevice: QuantityRangeV1.nullable(),
      devicesPerReplica: z.number().int().positive().nullable(),
      ttftMs: z.number().nonnegative().nullable(),
    })
    .optional(),
  breakdown: z.array(
    z.object({ name: z.string(), value: z.string(), unit: z.string(), formula: z.string() }),
  ),
  assumptions: z.array(z.object({ name: z.string(), value: z.string(), source: z.string() })),
});
export type CostEstimateV1 = z.output<typeof CostEstimateV1>;

export const CostErrorV1 = z.object({ code: z.string(), message: z.string(), missing: z.string().nullable() });

export const CostVersionsV1 = z.object({ priceBook: z.string(), costScenarios: z.string(), fxRates: z.string() });
export type CostVersionsV1 = z.output<typeof CostVersionsV1>;

/** gateway -> cost-estimation: one workload priced on many candidates in one message. */
export const EstimateCostV1 = defineRequest(
  Topics.costEstimate,
  Topics.costEstimateReply,
  1,
  z
    .object({
      /** Prices, FX and reference versions as of this date. */
      pricingDate: IsoDate,
      reportCurrency: CurrencyCode,
      /** Pin reference versions (default: the version in force on pricingDate). */
      versions: z.object({ priceBook: z.string().max(50), costScenarios: z.string().max(50), fxRates: z.string().max(50) }).partial().strict().default({}),
      workload: CostWorkloadV1,
      candidates: z.array(CostCandidateV1).min(1).max(5_000),
    })
    .strict(),
  z.object({
    versions: CostVersionsV1,
    results: z.array(z.object({ candidateId: z.string(), estimate: CostEstimateV1.nullable(), error: CostErrorV1.nullable() })),
  }),
);
export type EstimateCostRequestV1 = RequestOf<typeof EstimateCostV1>;
export type EstimateCostReplyV1 = ReplyOf<typeof EstimateCostV1>;
