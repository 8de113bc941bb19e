import type { Precision } from '@cp/hardware';
import type { ThroughputScenario } from '../cost-scenarios.js';
import { isEightBitOrLess, rateOf, sixteenBitRate, type ChipSpec } from './chip.js';
import type { ModelArchitecture, PerformanceModelData, TrainingRun } from './performance-data.js';
import { chipFigures, decode, prefillTokensPerSecond, type DecodeSetup, type ServedModel } from './roofline.js';

/**
 * Fits the performance model's knobs to the published rows: training MFU (dense 16-bit base and
 * the MoE factor) and serving efficiency per vendor (decode and prefill). Every knob is a
 * geometric mean of what each row implies, so one row cannot dominate; `exclude` leaves a row
 * out, which is how the leave-one-out table is made.
 */

/** 16-bit KV cache: the convention every serving row here used, stated in the README. */
export const KV_BYTES_PER_ELEMENT = 2;

export interface Calibration {
  readonly denseMfu16: number;
  readonly moeFactor: number;
  /** Largest |ln(predicted ÷ published)| of the training rows fitted: the half-width of the derived band. */
  readonly trainingBand: number;
  readonly decodeEta: ReadonlyMap<string, number>;
  readonly prefillEta: ReadonlyMap<string, number>;
  readonly globalDecodeEta: number;
  /** Half-width (log) of the decode band per vendor, and over every row. */
  readonly decodeBand: ReadonlyMap<string, number>;
  readonly globalDecodeBand: number;
  readonly kvFit: { readonly coefficient: number; readonly exponent: number; readonly rows: number };
  readonly rowsUsed: { readonly training: number; readonly serving: number };
}

export interface CalibrationInput {
  readonly data: PerformanceModelData;
  readonly throughput: readonly ThroughputScenario[];
  /** Figures of the chips the rows were measured on. */
  readonly chips: ReadonlyMap<string, ChipSpec>;
}

const MIN_BAND = 0.1;

function geomean(values: readonly number[]): number {
  return Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
}

export function vendorKey(vendor: string): string {
  return vendor.trim().toLowerCase();
}

/** Serving efficiencies are fitted per vendor and model type: MoE adds expert-parallel traffic dense models do not have. */
export function servingKey(vendor: string, modelType: 'DENSE' | 'MOE'): string {
  return `${vendorKey(vendor)}|${modelType}`;
}

/**
 * The fitted efficiency for a vendor and model type, else the same model type on the other
 * vendors, else the same vendor's other model type, else every row; says which it used.
 */
export function lookupEta(fitted: ReadonlyMap<string, number>, vendor: string, modelType: 'DENSE' | 'MOE'): { eta: number; basis: 'FITTED' | 'OTHER_VENDORS' | 'OTHER_MODEL_TYPE' | 'ALL_ROWS' } | null {
  const exact = fitted.get(servingKey(vendor, modelType));
  if (exact !== undefined) return { eta: exact, basis: 'FITTED' };
  const entries = [...fitted];
  const sameType = entries.filter(([k]) => k.endsWith(`|${modelType}`)).map(([, v]) => v);
  if (sameType.length > 0) return { eta: geomean(sameType), basis: 'OTHER_VENDORS' };
  const sameVendor = entries.filter(([k]) => k.startsWith(`${vendorKey(vendor)}|`)).map(([, v]) => v);
  if (sameVendor.length > 0) return { eta: geomean(sameVendor), basis: 'OTHER_MODEL_TYPE' };
  if (entries.length > 0) return { eta: geomean(entries.map(([, v]) => v)), basis: 'ALL_ROWS' };
  return null;
}

/** Least squares of ln(KV elements per token) on ln(active parameters) over the GQA architectures. */
export function fitKvCache(architectures: readonly ModelArchitecture[]): Calibration['kvFit'] {
  const rows = architectures.filter((a) => a.attention === 'GQA');
  if (rows.length < 2) return { coefficient: 0, exponent: 0, rows: rows.length };
  const xs = rows.map((a) => Math.log(a.activeParameters));
  const ys = rows.map((a) => Math.log(a.layers * a.kvElementsPerTokenPerLayer));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const exponent = sxx === 0 ? 0 : sxy / sxx;
  return { coefficient: Math.exp(my - exponent * mx), exponent, rows: rows.length };
}

export function kvBytesOfArchitecture(a: ModelArchitecture, bytesPerElement = KV_BYTES_PER_ELEMENT): number {
  return a.layers * a.kvElementsPerTokenPerLayer * bytesPerElement;
}

export function interconnectFactor(data: PerformanceModelData, chip: ChipSpec, which: 'low' | 'expected' | 'high' = 'expected'): number {
  const link = chip.interconnectGBps ?? data.interconnect.pcieGBps;
  const exponent = data.interconnect.exponent[which === 'low' ? 'high' : which === 'high' ? 'low' : 'expected'];
  return Math.min(1, (link / data.interconnect.referenceGBps) ** exponent);
}

/** The MFU a run reports against its own precision's dense peak, computed from what was published. */
export function publishedMfu(run: TrainingRun, chip: ChipSpec): number {
  const peak = rateOf(chip, run.precision);
  if (peak === null) throw new Error(`training run ${run.id}: ${chip.id} has no ${run.precision} rate`);
  const m = run.measured;
  switch (m.kind) {
    case 'MFU':
      return m.value;
    case 'ACHIEVED_TFLOPS':
      return m.value / peak;
    case 'DEVICE_HOURS':
      return (6 * m.activeParameters * m.tokens) / (m.deviceHours * 3600 * peak * 1e12);
  }
}

/** A run's steady MFU expressed against the chip's 16-bit peak (8-bit runs through the stated speedup). */
export function steadySixteenBitMfu(data: PerformanceModelData, run: TrainingRun, chip: ChipSpec): number {
  const mfu = publishedMfu(run, chip);
  const steady = run.basis === 'WHOLE_RUN' ? mfu / data.goodput.value.expected : mfu;
  if (!isEightBitOrLess(run.precision)) return steady;
  const peak = rateOf(chip, run.precision);
  const peak16 = sixteenBitRate(chip);
  if (peak === null || peak16 === null) throw new Error(`training run ${run.id}: ${chip.id} lacks the rates to convert ${run.precision} MFU`);
  return (steady * peak) / data.eightBitTrainingSpeedup.value.expected / peak16;
}

/** MFU the model predicts against the `precision` peak, before any band (the calibrated centre). */
export function centreMfu(data: PerformanceModelData, cal: Pick<Calibration, 'denseMfu16' | 'moeFactor'>, chip: ChipSpec, modelType: 'DENSE' | 'MOE', precision: Precision, stackFactor = 1): number {
  const mfu16 = cal.denseMfu16 * interconnectFactor(data, chip) * (modelType === 'MOE' ? cal.moeFactor : 1) * stackFactor;
  if (!isEightBitOrLess(precision)) return mfu16;
  const peak = rateOf(chip, precision);
  const peak16 = sixteenBitRate(chip);
  if (peak === null || peak16 === null) return mfu16;
  return (mfu16 * peak16 * data.eightBitTrainingSpeedup.value.expected) / peak;
}

export interface ServingRow {
  readonly row: ThroughputScenario;
  readonly model: ServedModel;
  readonly chip: ChipSpec;
}

export function servedModelOf(data: PerformanceModelData, architectureId: string, kvBytesPerElement = KV_BYTES_PER_ELEMENT): ServedModel {
  const a = data.architectures.find((x) => x.id === architectureId);
  if (a === undefined) throw new Error(`unknown architecture ${architectureId}`);
  return { modelType: a.modelType, totalParameters: a.totalParameters, activeParameters: a.activeParameters, kvBytesPerToken: kvBytesOfArchitecture(a, kvBytesPerElement) };
}

export function maxReplica(data: PerformanceModelData, modelType: 'DENSE' | 'MOE'): number {
  return data.defaultScaleUpDomain.devices * (modelType === 'MOE' ? data.replicaDomains.moe : data.replicaDomains.dense);
}

/** The decode setup a published row describes. */
export function rowSetup(data: PerformanceModelData, row: ThroughputScenario, model: ServedModel, computeEta: number): DecodeSetup {
  const s = row.serving!;
  const endToEnd = s.promptTokens !== null && s.outputTokens !== null ? { promptTokens: s.promptTokens, outputTokens: s.outputTokens } : null;
  return {
    precision: s.precision,
    contextTokens: s.contextTokens,
    residentTokens: s.promptTokens !== null && s.outputTokens !== null ? s.promptTokens + s.outputTokens : s.contextTokens,
    tpotMs: s.tpotMs,
    batch: s.batch,
    devicesPerReplica: s.devicesPerReplica,
    maxDevicesPerReplica: maxReplica(data, model.modelType),
    stepOverheadMs: model.modelType === 'MOE' ? data.decodeStepOverheadMs.moe : data.decodeStepOverheadMs.dense,
    usableMemoryFraction: data.usableMemoryFraction.value,
    computeEta,
    endToEnd,
  };
}

/** The efficiency at which the model reproduces a row exactly (bisection: throughput grows with eta), or null. */
export function impliedDecodeEta(data: PerformanceModelData, r: ServingRow): number | null {
  const figures = chipFigures(r.chip, r.row.serving!.precision);
  if ('missing' in figures) return null;
  const target = r.row.tokensPerSecondPerDevice.expected;
  const at = (eta: number): number => {
    const result = decode(r.model, rowSetup(data, r.row, r.model, eta), figures, eta);
    return result.ok ? result.point.tokensPerSecondPerDevice : 0;
  };
  let lo = 0.005;
  let hi = 1;
  if (at(hi) < target || at(lo) > target) return null;
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(lo * hi);
    if (at(mid) < target) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

export function impliedPrefillEta(r: ServingRow): number | null {
  const figures = chipFigures(r.chip, r.row.serving!.precision);
  if ('missing' in figures) return null;
  return r.row.tokensPerSecondPerDevice.expected / prefillTokensPerSecond(r.model, figures, 1);
}

/** The rows calibration can reproduce: a serving setup, a chip with figures, and not superseded. */
export function servingRows(input: CalibrationInput, withSuperseded = false): ServingRow[] {
  return input.throughput
    .filter((row) => row.serving !== null && (withSuperseded || row.supersededBy === null))
    .flatMap((row) => {
      const chip = input.chips.get(row.acceleratorId);
      return chip === undefined ? [] : [{ row, model: servedModelOf(input.data, row.serving!.architectureId, row.serving!.kvBytesPerElement), chip }];
    });
}

function byKey(values: readonly { key: string; value: number }[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const v of values) map.set(v.key, [...(map.get(v.key) ?? []), v.value]);
  return map;
}

/** Fits every knob from the rows, leaving out the row ids in `exclude`. */
export function calibrate(input: CalibrationInput, exclude: ReadonlySet<string> = new Set()): Calibration {
  const { data } = input;
  // Training: dense 16-bit base from dense rows, then the MoE factor against it.
  const runs = data.trainingRuns.filter((r) => !exclude.has(r.id) && input.chips.has(r.acceleratorId));
  const base = (r: TrainingRun): number => {
    const chip = input.chips.get(r.acceleratorId)!;
    return steadySixteenBitMfu(data, r, chip) / interconnectFactor(data, chip);
  };
  const dense = runs.filter((r) => r.modelType === 'DENSE');
  const moe = runs.filter((r) => r.modelType === 'MOE');
  if (dense.length === 0) throw new Error('calibration needs at least one dense training run');
  const denseMfu16 = geomean(dense.map(base));
  const moeFactor = moe.length === 0 ? 1 : geomean(moe.map((r) => base(r) / denseMfu16));
  const trainingResiduals = runs.map((r) => {
    const chip = input.chips.get(r.acceleratorId)!;
    const predicted = centreMfu(data, { denseMfu16, moeFactor }, chip, r.modelType, r.precision) * (r.basis === 'WHOLE_RUN' ? data.goodput.value.expected : 1);
    return Math.abs(Math.log(predicted / publishedMfu(r, chip)));
  });

  // Serving: one efficiency per vendor and model type (bandwidth and matrix work alike), and prefill apart.
  const serving = servingRows(input).filter((r) => !exclude.has(r.row.id));
  const prefill = serving
    .filter((r) => r.row.phase === 'PREFILL')
    .map((r) => ({ key: servingKey(r.chip.vendor, r.model.modelType), value: impliedPrefillEta(r) }))
    .filter((v): v is { key: string; value: number } => v.value !== null);
  const prefillEta = new Map([...byKey(prefill)].map(([k, v]) => [k, geomean(v)]));

  const implied = serving
    .filter((r) => r.row.phase !== 'PREFILL')
    .map((r) => ({ key: servingKey(r.chip.vendor, r.model.modelType), value: impliedDecodeEta(data, r) }))
    .filter((v): v is { key: string; value: number } => v.value !== null);
  if (implied.length === 0) throw new Error('calibration needs at least one decode row the model can reproduce');
  const grouped = byKey(implied);
  const decodeEta = new Map([...grouped].map(([k, v]) => [k, geomean(v)]));
  const globalDecodeEta = geomean(implied.map((v) => v.value));
  const decodeBand = new Map([...grouped].map(([k, v]) => [k, Math.max(MIN_BAND, ...v.map((x) => Math.abs(Math.log(x / decodeEta.get(k)!))))]));
  const globalDecodeBand = Math.max(MIN_BAND, ...implied.map((v) => Math.abs(Math.log(v.value / globalDecodeEta))));

  return {
    denseMfu16,
    moeFactor,
    trainingBand: Math.max(MIN_BAND, ...trainingResiduals),
    decodeEta,
    prefillEta,
    globalDecodeEta,
    decodeBand,
    globalDecodeBand,
    kvFit: fitKvCache(data.architectures),
    rowsUsed: { training: runs.length, serving: serving.length },
  };
}
