import { IsoDate, Slug } from '@cp/contracts';
import { PRECISIONS } from '@cp/hardware';
import { z } from 'zod';
import { ScenarioEvidence, Text, unique } from '../dataset.js';

/**
 * The `performanceModel` section of the cost scenarios: the published model architectures the
 * performance model sizes memory with, the published runs and serving measurements it is
 * calibrated against, and the few stated assumptions it cannot calibrate (each with evidence).
 */
const provenance = { evidence: ScenarioEvidence, source: Text, asOf: IsoDate, note: Text.nullable().default(null) };

function ordered(range: { low: number; expected: number; high: number }): boolean {
  return range.low <= range.expected && range.expected <= range.high;
}
const PositiveRange = z
  .strictObject({ low: z.number().positive(), expected: z.number().positive(), high: z.number().positive() })
  .refine(ordered, { message: 'must satisfy low ≤ expected ≤ high' });
const FractionRange = z
  .strictObject({ low: z.number().positive().max(1), expected: z.number().positive().max(1), high: z.number().positive().max(1) })
  .refine(ordered, { message: 'must satisfy low ≤ expected ≤ high' });

/** A published model configuration (config.json of the released weights). */
export const ModelArchitecture = z.strictObject({
  id: Slug,
  name: Text,
  modelType: z.enum(['DENSE', 'MOE']),
  totalParameters: z.number().positive(),
  activeParameters: z.number().positive(),
  layers: z.number().int().positive(),
  /** MHA / GQA: K and V per layer = 2 × kv heads × head dim; MLA: the compressed latent + rope dims. */
  attention: z.enum(['MHA', 'GQA', 'MLA']),
  kvElementsPerTokenPerLayer: z.number().int().positive(),
  ...provenance,
});
export type ModelArchitecture = z.output<typeof ModelArchitecture>;

/** How a published serving figure was produced: what the model needs to predict it. */
export const ServingSetup = z.strictObject({
  architectureId: Slug,
  precision: z.enum(PRECISIONS),
  /** Mean tokens held per sequence while decoding (prompt + half the output where both are known). */
  contextTokens: z.number().int().positive(),
  /** Prompt and output lengths when the figure is end-to-end (prefill included in the time). */
  promptTokens: z.number().int().positive().nullable().default(null),
  outputTokens: z.number().int().positive().nullable().default(null),
  /** Time per output token the figure was measured under, when stated. */
  tpotMs: z.number().positive().nullable().default(null),
  /** Bytes per cached K/V element: 2 (16-bit) unless the figure was measured with an 8-bit KV cache. */
  kvBytesPerElement: z.number().positive().default(2),
  /** Sequences per replica and devices per replica, when stated. */
  batch: z.number().int().positive().nullable().default(null),
  devicesPerReplica: z.number().int().positive().nullable().default(null),
});
export type ServingSetup = z.output<typeof ServingSetup>;

/** What a published training run reports: an MFU, an achieved rate per device, or device-hours for known work. */
export const TrainingMeasurement = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('MFU'), value: z.number().positive().max(1) }),
  z.strictObject({ kind: z.literal('ACHIEVED_TFLOPS'), value: z.number().positive() }),
  z.strictObject({ kind: z.literal('DEVICE_HOURS'), activeParameters: z.number().positive(), tokens: z.number().positive(), deviceHours: z.number().positive() }),
]);
export type TrainingMeasurement = z.output<typeof TrainingMeasurement>;

/** A published training run; its MFU against the dense peak at `precision` is computed from `measured`. */
export const TrainingRun = z.strictObject({
  id: Slug,
  run: Text,
  acceleratorId: Slug,
  modelType: z.enum(['DENSE', 'MOE']),
  precision: z.enum(PRECISIONS),
  measured: TrainingMeasurement,
  /**
   * STEADY: measured while training (restarts excluded); WHOLE_RUN: total device-hours over the
   * FLOPs of the run, so goodput losses are inside it.
   */
  basis: z.enum(['STEADY', 'WHOLE_RUN']),
  ...provenance,
});
export type TrainingRun = z.output<typeof TrainingRun>;

/** The figures of a chip a calibration row was measured on, as the accelerator catalog gives them. */
export const CalibrationChip = z.strictObject({
  id: Slug,
  vendor: Text,
  denseRates: z.array(z.strictObject({ precision: z.enum(PRECISIONS), tflops: z.number().positive() })).min(1),
  memoryGb: z.number().positive(),
  memoryBandwidthTBps: z.number().positive(),
  interconnectGBps: z.number().positive().nullable(),
  source: Text,
});
export type CalibrationChip = z.output<typeof CalibrationChip>;

export const PerformanceModelData = z
  .strictObject({
    architectures: z.array(ModelArchitecture).min(1),
    calibrationChips: z.array(CalibrationChip).min(1),
    trainingRuns: z.array(TrainingRun).min(1),
    /**
     * Usable share of device memory (runtime, activations and fragmentation take the rest); a
     * planning assumption shared by every chip.
     */
    usableMemoryFraction: z.strictObject({ value: z.number().positive().max(1), ...provenance }),
    /** Bytes per parameter training holds (weights, gradients, optimizer state, mixed precision Adam). */
    trainingBytesPerParameter: z.strictObject({ value: PositiveRange, ...provenance }),
    /** Share of wall-clock time spent on useful steps (restarts, checkpoints, evaluation and ramp-up excluded). */
    goodput: z.strictObject({ value: FractionRange, ...provenance }),
    /** Achieved 8-bit training FLOP/s ÷ achieved 16-bit FLOP/s on the same chip and run. */
    eightBitTrainingSpeedup: z.strictObject({ value: PositiveRange, ...provenance }),
    /** MFU falls with scale-up bandwidth below the reference: factor = min(1, (GB/s ÷ reference)^exponent). */
    interconnect: z.strictObject({ referenceGBps: z.number().positive(), exponent: PositiveRange, pcieGBps: z.number().positive(), ...provenance }),
    /** Devices that share one scale-up domain when the catalog does not say (NVLink / HCCS boards). */
    defaultScaleUpDomain: z.strictObject({ devices: z.number().int().positive(), ...provenance }),
    /** Largest serving replica as a multiple of the scale-up domain (expert parallelism spans nodes). */
    replicaDomains: z.strictObject({ dense: z.number().int().positive(), moe: z.number().int().positive(), ...provenance }),
    /** Fixed time per decode step (kernel launches, collectives) that bandwidth does not explain. */
    decodeStepOverheadMs: z.strictObject({ dense: z.number().nonnegative(), moe: z.number().nonnegative(), ...provenance }),
    /** For a vendor with no calibration row: its software stack's efficiency relative to the calibrated vendors. */
    uncalibratedStackFactor: z.strictObject({ value: FractionRange, ...provenance }),
    /** Defaults of the serving workload when the caller does not say. */
    servingDefaults: z.strictObject({ contextLength: z.number().int().positive(), tpotMs: z.number().positive(), ...provenance }),
  })
  .superRefine((data, ctx) => {
    unique(ctx, 'architecture id', data.architectures.map((a) => a.id), (i) => ['architectures', i, 'id']);
    unique(ctx, 'calibration chip id', data.calibrationChips.map((c) => c.id), (i) => ['calibrationChips', i, 'id']);
    const chips = new Set(data.calibrationChips.map((c) => c.id));
    data.trainingRuns.forEach((r, i) => {
      if (!chips.has(r.acceleratorId)) ctx.addIssue({ code: 'custom', path: ['trainingRuns', i, 'acceleratorId'], message: `${r.acceleratorId} is not in calibrationChips` });
    });
    unique(ctx, 'training run id', data.trainingRuns.map((r) => r.id), (i) => ['trainingRuns', i, 'id']);
    data.architectures.forEach((a, i) => {
      if (a.activeParameters > a.totalParameters) ctx.addIssue({ code: 'custom', path: ['architectures', i, 'activeParameters'], message: 'must not exceed totalParameters' });
      if (a.modelType === 'DENSE' && a.activeParameters !== a.totalParameters) ctx.addIssue({ code: 'custom', path: ['architectures', i, 'activeParameters'], message: 'must equal totalParameters for a dense model' });
    });
  });
export type PerformanceModelData = z.output<typeof PerformanceModelData>;
