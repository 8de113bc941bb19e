import { nearestPrecision, type Precision } from '@cp/hardware';
import { CostModelError } from '../cost-model.error.js';
import type { CostScenarios, ThroughputScenario } from '../cost-scenarios.js';
import type { Assumption, Range, SourcedRange } from '../estimate.js';
import { rateOf, significant, type ChipSpec } from './chip.js';
import { calibrate, centreMfu, interconnectFactor, kvBytesOfArchitecture, lookupEta, maxReplica, vendorKey, type Calibration } from './calibration.js';
import { calibrationInputOf } from './calibration-table.js';
import { chipFigures, decode, minimumDevices, prefillTokensPerSecond, type DecodeSetup, type ServedModel } from './roofline.js';

/**
 * Training and serving figures for any accelerator in the catalog, derived from its peak rates,
 * memory and interconnect by the roofline arithmetic and calibrated against the published rows
 * of the cost scenarios. Every figure says how it was found (`DERIVED` here; a published row the
 * caller prefers is `MEASURED`) and carries a band as wide as the calibration warrants.
 */

export type EvidenceGrade = 'MEASURED' | 'DERIVED';

const calibrations = new WeakMap<CostScenarios, Calibration>();

/** The calibration of a cost-scenarios version, fitted once per parsed file. */
export function calibrationOf(scenarios: CostScenarios): Calibration {
  let cal = calibrations.get(scenarios);
  if (cal === undefined) {
    cal = calibrate(calibrationInputOf(scenarios));
    calibrations.set(scenarios, cal);
  }
  return cal;
}

function cite(scenarios: CostScenarios, path: string): string {
  return `cost-scenarios ${scenarios.version} performanceModel.${path}`;
}

/** The precision a chip runs a request at (nearest it has), or MISSING_INPUT naming what is absent. */
export function runPrecision(chip: ChipSpec, requested: Precision, path: string): { precision: Precision; tflops: number; assumption: string | null } {
  const available = chip.denseRates.filter((r) => r.tflops !== null).map((r) => r.precision);
  const choice = nearestPrecision(available, requested);
  if (choice === null) {
    throw new CostModelError('MISSING_INPUT', `accelerator ${chip.id} has no dense rate at ${requested} or a precision that may stand in for it (${path}.${requested})`, { missing: `${path}.${requested}` });
  }
  return { precision: choice.precision, tflops: rateOf(chip, choice.precision)!, assumption: choice.assumption };
}

function isCalibratedVendor(cal: Calibration, vendor: string): boolean {
  return [...cal.decodeEta.keys()].some((k) => k.startsWith(`${vendorKey(vendor)}|`));
}

export interface DerivedMfu {
  readonly mfu: SourcedRange<number>;
  readonly grade: EvidenceGrade;
  readonly method: string;
  readonly assumptions: readonly Assumption[];
}

/**
 * MFU against the `precision` peak: the dense 16-bit base fitted to the published runs × the
 * interconnect factor × the MoE factor (× the stack factor for a vendor with no published run),
 * converted to 8-bit peaks through the stated speedup; the band is the calibration's largest
 * residual (plus the stack factor's range and the interconnect exponent's range).
 */
export function deriveTrainingMfu(scenarios: CostScenarios, chip: ChipSpec, modelType: 'DENSE' | 'MOE', precision: Precision): DerivedMfu {
  const data = scenarios.performanceModel;
  const cal = calibrationOf(scenarios);
  const calibratedVendor = data.trainingRuns.some((r) => {
    const c = data.calibrationChips.find((x) => x.id === r.acceleratorId);
    return c !== undefined && vendorKey(c.vendor) === vendorKey(chip.vendor);
  });
  const stack = calibratedVendor ? { low: 1, expected: 1, high: 1 } : data.uncalibratedStackFactor.value;
  const band = Math.exp(cal.trainingBand);
  const expected = centreMfu(data, cal, chip, modelType, precision, stack.expected);
  const icLow = interconnectFactor(data, chip, 'low') / interconnectFactor(data, chip);
  const icHigh = interconnectFactor(data, chip, 'high') / interconnectFactor(data, chip);
  const cap = 0.75;
  const mfu = {
    low: significant(Math.min(cap, (expected * (stack.low / stack.expected) * icLow) / band)),
    expected: significant(Math.min(cap, expected)),
    high: significant(Math.min(cap, expected * (stack.high / stack.expected) * icHigh * band)),
  };
  const method =
    `derived: dense 16-bit MFU ${significant(cal.denseMfu16, 3)} (fitted to ${data.trainingRuns.filter((r) => r.modelType === 'DENSE').length} published dense runs)` +
    ` × interconnect factor ${significant(interconnectFactor(data, chip), 3)} (${chip.interconnectGBps ?? `PCIe ${data.interconnect.pcieGBps}`} GB/s vs ${data.interconnect.referenceGBps} GB/s)` +
    (modelType === 'MOE' ? ` × MoE factor ${significant(cal.moeFactor, 3)} (fitted to the published MoE runs)` : '') +
    (calibratedVendor ? '' : ` × stack factor ${stack.expected} (no published ${chip.vendor} run)`) +
    (precision === 'BF16' || precision === 'FP16' ? '' : `, converted to the ${precision} peak at an 8-bit speedup of ${data.eightBitTrainingSpeedup.value.expected}`) +
    `; band ×/÷ ${significant(band, 3)} (largest calibration residual)`;
  return {
    mfu: { ...mfu, source: `${cite(scenarios, 'trainingRuns')} (performance model, DERIVED)` },
    grade: 'DERIVED',
    method,
    assumptions: [
      { name: 'training: MFU method', value: method, source: cite(scenarios, 'trainingRuns') },
      { name: 'training: 8-bit speedup', value: `${data.eightBitTrainingSpeedup.value.expected} [${data.eightBitTrainingSpeedup.evidence}]`, source: `${cite(scenarios, 'eightBitTrainingSpeedup')}: ${data.eightBitTrainingSpeedup.source}` },
      ...(calibratedVendor ? [] : [{ name: 'training: stack factor', value: `${stack.low} / ${stack.expected} / ${stack.high} [${data.uncalibratedStackFactor.evidence}]`, source: `${cite(scenarios, 'uncalibratedStackFactor')}: ${data.uncalibratedStackFactor.source}` }]),
    ],
  };
}

/** Goodput (share of wall-clock time on useful steps) as a sourced range. */
export function goodputOf(scenarios: CostScenarios): SourcedRange<number> {
  const g = scenarios.performanceModel.goodput;
  return { ...g.value, source: `${cite(scenarios, 'goodput')} [${g.evidence}]: ${g.source}` };
}

/** Fewest devices whose memory holds weights, gradients and optimizer state of a model (full sharding). */
export function trainingMinimumDevices(scenarios: CostScenarios, chip: ChipSpec, totalParameters: number): { devices: number; formula: string } {
  const data = scenarios.performanceModel;
  if (chip.memoryGb === null) throw new CostModelError('MISSING_INPUT', `accelerator ${chip.id} has no memory size (accelerator.memoryGb); training memory cannot be sized`, { missing: 'accelerator.memoryGb' });
  const perParameter = data.trainingBytesPerParameter.value.expected;
  const usable = chip.memoryGb * 1e9 * data.usableMemoryFraction.value;
  const devices = Math.ceil((totalParameters * perParameter) / usable);
  return { devices, formula: `ceil(${totalParameters.toExponential()} parameters × ${perParameter} bytes / (${chip.memoryGb} GB × ${data.usableMemoryFraction.value} usable))` };
}

export interface ServingRequest {
  readonly kind: 'INFERENCE' | 'BATCH_INFERENCE';
  readonly modelType: 'DENSE' | 'MOE';
  readonly precision: Precision;
  readonly totalParameters: number;
  readonly activeParameters: number;
  readonly architectureId?: string | undefined;
  readonly contextLength?: number | undefined;
  readonly concurrentSequences?: number | undefined;
  readonly tpotTargetMs?: number | undefined;
  readonly ttftTargetMs?: number | undefined;
}

export interface DerivedServing {
  readonly tokensPerSecondPerDevice: SourcedRange<number>;
  readonly devicesPerReplica: number;
  readonly batchPerReplica: number;
  readonly stepMs: number;
  readonly prefillTokensPerSecondPerDevice: number;
  readonly ttftMs: number;
  readonly runPrecision: Precision;
  readonly grade: EvidenceGrade;
  readonly method: string;
  readonly assumptions: readonly Assumption[];
}

/** The served model: its published architecture when named, else KV cache from the fitted GQA power law. */
export function servedModel(scenarios: CostScenarios, request: ServingRequest): { model: ServedModel; how: string } {
  const data = scenarios.performanceModel;
  if (request.architectureId !== undefined) {
    const a = data.architectures.find((x) => x.id === request.architectureId);
    if (a === undefined) throw new CostModelError('INVALID_INPUT', `workload.architectureId: cost-scenarios ${scenarios.version} has no architecture ${request.architectureId}`, { missing: 'workload.architectureId' });
    return {
      model: { modelType: a.modelType, totalParameters: a.totalParameters, activeParameters: a.activeParameters, kvBytesPerToken: kvBytesOfArchitecture(a) },
      how: `architecture ${a.id} (${a.name}): ${a.layers} layers × ${a.kvElementsPerTokenPerLayer} KV elements × 2 bytes per token [${a.evidence}] ${a.source}`,
    };
  }
  const fit = calibrationOf(scenarios).kvFit;
  const elements = fit.coefficient * request.activeParameters ** fit.exponent;
  return {
    model: { modelType: request.modelType, totalParameters: request.totalParameters, activeParameters: request.activeParameters, kvBytesPerToken: elements * 2 },
    how: `no architecture named: KV cache ${Math.round(elements).toLocaleString('en-US')} elements × 2 bytes per token from ${significant(fit.coefficient, 4)} × active parameters^${significant(fit.exponent, 3)}, fitted to the ${fit.rows} GQA architectures of ${cite(scenarios, 'architectures')} (an MLA model needs less: name its architecture)`,
  };
}

/** A published serving row applies to a request when it measured the same chip, model and precision. */
export function publishedServingRow(scenarios: CostScenarios, chip: ChipSpec, request: ServingRequest, precision: Precision): ThroughputScenario | null {
  const data = scenarios.performanceModel;
  const context = request.contextLength ?? data.servingDefaults.contextLength;
  return (
    scenarios.inferenceThroughput.find((row) => {
      if (row.acceleratorId !== chip.id || row.phase !== 'DECODE' || row.serving === null || row.supersededBy !== null || row.serving.precision !== precision) return false;
      const a = data.architectures.find((x) => x.id === row.serving!.architectureId);
      if (a === undefined) return false;
      const sameModel = request.architectureId !== undefined ? a.id === request.architectureId : a.modelType === request.modelType && Math.abs(a.totalParameters / request.totalParameters - 1) <= 0.1 && Math.abs(a.activeParameters / request.activeParameters - 1) <= 0.1;
      const ratio = row.serving.contextTokens / context;
      const tpot = request.kind === 'BATCH_INFERENCE' ? null : (request.tpotTargetMs ?? data.servingDefaults.tpotMs);
      const latencyOk = tpot === null || row.serving.tpotMs === null || row.serving.tpotMs <= tpot * 1.1;
      return sameModel && ratio >= 0.5 && ratio <= 2 && latencyOk;
    }) ?? null
  );
}

/**
 * Decode throughput per device, replica size and batch for a serving request on `chip`, derived by
 * the roofline at the efficiency calibrated for the chip's vendor and the model type; TTFT from
 * the calibrated prefill rate. A TPOT target the chip cannot meet, or a context no replica can
 * hold, throws INFEASIBLE naming the field.
 */
export function deriveServing(scenarios: CostScenarios, chip: ChipSpec, request: ServingRequest): DerivedServing {
  const data = scenarios.performanceModel;
  const cal = calibrationOf(scenarios);
  const run = runPrecision(chip, request.precision, 'accelerator.denseRates');
  const figures = chipFigures(chip, run.precision);
  if ('missing' in figures) throw new CostModelError('MISSING_INPUT', `accelerator ${chip.id} lacks ${figures.missing}; serving throughput cannot be derived`, { missing: figures.missing });
  const { model, how } = servedModel(scenarios, request);
  const context = request.contextLength ?? data.servingDefaults.contextLength;
  const tpot = request.kind === 'BATCH_INFERENCE' ? null : (request.tpotTargetMs ?? data.servingDefaults.tpotMs);
  const decodeEta = lookupEta(cal.decodeEta, chip.vendor, model.modelType)!;
  const prefillEta = lookupEta(cal.prefillEta, chip.vendor, model.modelType) ?? decodeEta;
  const calibrated = isCalibratedVendor(cal, chip.vendor);
  const stack = calibrated ? { low: 1, expected: 1, high: 1 } : data.uncalibratedStackFactor.value;
  const band = Math.exp(cal.decodeBand.get(`${vendorKey(chip.vendor)}|${model.modelType}`) ?? cal.globalDecodeBand);

  const setupAt = (eta: number): DecodeSetup => ({
    precision: run.precision,
    contextTokens: context,
    residentTokens: context,
    tpotMs: tpot,
    batch: request.concurrentSequences ?? null,
    devicesPerReplica: null,
    maxDevicesPerReplica: maxReplica(data, model.modelType),
    stepOverheadMs: model.modelType === 'MOE' ? data.decodeStepOverheadMs.moe : data.decodeStepOverheadMs.dense,
    usableMemoryFraction: data.usableMemoryFraction.value,
    computeEta: eta,
    endToEnd: null,
  });
  const at = (eta: number) => decode(model, setupAt(eta), figures, eta);
  const eta = decodeEta.eta * stack.expected;
  const centre = at(eta);
  if (!centre.ok) {
    const smallest = minimumDevices(model, setupAt(eta), figures);
    const field = centre.limit === 'TPOT' ? 'workload.tpotTargetMs' : centre.limit === 'BATCH' ? 'workload.concurrentSequences' : 'workload.contextLength';
    throw new CostModelError('INFEASIBLE', `${field}: ${chip.id} cannot serve this model as asked: ${centre.reason} (the weights and one sequence need ${smallest} devices; replicas up to ${maxReplica(data, model.modelType)} devices were tried)`, { missing: field });
  }
  const low = at(eta * (stack.low / stack.expected) / band);
  const high = at(Math.min(1, eta * (stack.high / stack.expected) * band));
  const point = centre.point;
  const perDevice: Range<number> = {
    low: significant(low.ok ? low.point.tokensPerSecondPerDevice : point.tokensPerSecondPerDevice / band),
    expected: significant(point.tokensPerSecondPerDevice),
    high: significant(high.ok ? Math.max(high.point.tokensPerSecondPerDevice, point.tokensPerSecondPerDevice) : point.tokensPerSecondPerDevice),
  };
  const prefill = prefillTokensPerSecond(model, figures, prefillEta.eta * stack.expected);
  const promptTokens = Math.ceil(context / 2);
  const ttftMs = ((promptTokens / (prefill * point.devicesPerReplica)) * 1000) + (tpot ?? point.stepMs);
  if (request.ttftTargetMs !== undefined && ttftMs > request.ttftTargetMs) {
    throw new CostModelError('INFEASIBLE', `workload.ttftTargetMs: ${chip.id} needs about ${Math.round(ttftMs)} ms to the first token of a ${promptTokens}-token prompt on a ${point.devicesPerReplica}-device replica, above the ${request.ttftTargetMs} ms target`, { missing: 'workload.ttftTargetMs' });
  }
  const etaBasis = decodeEta.basis === 'FITTED' ? `fitted to the published ${chip.vendor} ${model.modelType} rows` : `from ${decodeEta.basis.toLowerCase().replaceAll('_', ' ')} (no published ${chip.vendor} ${model.modelType} row)`;
  const method =
    `derived (roofline): replica of ${point.devicesPerReplica} devices, ${point.batch} sequences of ${context} tokens (${point.batchLimit === 'TPOT' ? `batch limited by TPOT ${tpot} ms` : point.batchLimit === 'GIVEN' ? 'batch as given' : 'batch limited by memory'}), ` +
    `step ${significant(point.stepMs, 3)} ms ${point.bound === 'COMPUTE' ? 'compute-bound' : 'memory-bound'}; bandwidth efficiency ${significant(decodeEta.eta, 3)} ${etaBasis}` +
    (calibrated ? '' : ` × stack factor ${stack.expected}`) +
    `; band ×/÷ ${significant(band, 3)}`;
  const assumptions: Assumption[] = [
    { name: 'inference: throughput method', value: method, source: `${cite(scenarios, 'calibration')} (DERIVED)` },
    { name: 'inference: KV cache', value: how, source: cite(scenarios, 'architectures') },
    {
      name: 'inference: context and latency',
      value: `${context} tokens per sequence${request.contextLength === undefined ? ' (default)' : ''}; ${tpot === null ? 'no TPOT ceiling (batch inference)' : `TPOT ≤ ${tpot} ms${request.tpotTargetMs === undefined ? ' (default)' : ''}`}; TTFT about ${Math.round(ttftMs)} ms for a ${promptTokens}-token prompt`,
      source: request.contextLength === undefined || request.tpotTargetMs === undefined ? `${cite(scenarios, 'servingDefaults')} [${data.servingDefaults.evidence}]: ${data.servingDefaults.source}` : 'caller input',
    },
    { name: 'inference: usable memory', value: `${data.usableMemoryFraction.value} of ${chip.memoryGb} GB per device`, source: `${cite(scenarios, 'usableMemoryFraction')} [${data.usableMemoryFraction.evidence}]` },
  ];
  if (run.assumption !== null) assumptions.push({ name: 'precision', value: run.assumption, source: 'libs/hardware nearestPrecision' });
  if (!calibrated) assumptions.push({ name: 'inference: stack factor', value: `${stack.low} / ${stack.expected} / ${stack.high} [${data.uncalibratedStackFactor.evidence}]`, source: `${cite(scenarios, 'uncalibratedStackFactor')}: ${data.uncalibratedStackFactor.source}` });
  return {
    tokensPerSecondPerDevice: { ...perDevice, source: `${cite(scenarios, 'calibration')} (performance model, DERIVED)` },
    devicesPerReplica: point.devicesPerReplica,
    batchPerReplica: point.batch,
    stepMs: significant(point.stepMs),
    prefillTokensPerSecondPerDevice: significant(prefill),
    ttftMs: significant(ttftMs),
    runPrecision: run.precision,
    grade: 'DERIVED',
    method,
    assumptions,
  };
}
