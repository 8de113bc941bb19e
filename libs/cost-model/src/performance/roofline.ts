import type { Precision } from '@cp/hardware';
import { bytesPerParameter, rateOf, type ChipSpec } from './chip.js';

/**
 * First-order serving arithmetic (roofline): one decode step reads the weights a batch touches
 * and every sequence's KV cache, and does 2 FLOPs per active parameter per token; prefill is
 * compute-bound. Plain numbers in SI units; `eta` (share of memory bandwidth reached) and
 * `computeEta` (share of the dense peak reached) are what calibration fits.
 */

export interface ServedModel {
  readonly modelType: 'DENSE' | 'MOE';
  readonly totalParameters: number;
  readonly activeParameters: number;
  /** KV cache bytes one token of context holds (all layers, K and V). */
  readonly kvBytesPerToken: number;
}

export interface DecodeSetup {
  readonly precision: Precision;
  /** Mean tokens of context each sequence reads per step. */
  readonly contextTokens: number;
  /** Tokens of KV cache each sequence must have room for (its longest context). */
  readonly residentTokens: number;
  /** Step-time ceiling; null: none (offline throughput). */
  readonly tpotMs: number | null;
  /** Fixed sequences per replica; null: as many as memory and the TPOT ceiling allow. */
  readonly batch: number | null;
  /** Fixed replica size; null: searched from the fewest devices that hold the weights up to `maxDevicesPerReplica`. */
  readonly devicesPerReplica: number | null;
  readonly maxDevicesPerReplica: number;
  readonly stepOverheadMs: number;
  readonly usableMemoryFraction: number;
  /** Share of the dense peak matrix work reaches (prefill, and decode when compute-bound). */
  readonly computeEta: number;
  /** Prefill included in the time (end-to-end figures): prompt and output tokens per sequence. */
  readonly endToEnd: { readonly promptTokens: number; readonly outputTokens: number } | null;
}

export interface DecodePoint {
  readonly devicesPerReplica: number;
  readonly batch: number;
  readonly stepMs: number;
  /** Output tokens per second per device. */
  readonly tokensPerSecondPerDevice: number;
  readonly bound: 'MEMORY_BANDWIDTH' | 'COMPUTE';
  /** What limited the batch. */
  readonly batchLimit: 'MEMORY_CAPACITY' | 'TPOT' | 'GIVEN';
}

export type DecodeResult =
  | { readonly ok: true; readonly point: DecodePoint }
  /** `limit` says what could not be met: the context (memory) or the TPOT ceiling. */
  | { readonly ok: false; readonly reason: string; readonly limit?: 'CONTEXT' | 'TPOT' | 'BATCH' };

export interface ChipFigures {
  readonly peakFlops: number;
  readonly bandwidthBytes: number;
  readonly memoryBytes: number;
}

/** The figures decode needs at `precision`, or the name of the missing one. */
export function chipFigures(chip: ChipSpec, precision: Precision): ChipFigures | { missing: string } {
  const tflops = rateOf(chip, precision);
  if (tflops === null) return { missing: `accelerator.denseRates.${precision}` };
  if (chip.memoryBandwidthTBps === null) return { missing: 'accelerator.memoryBandwidthTBps' };
  if (chip.memoryGb === null) return { missing: 'accelerator.memoryGb' };
  return { peakFlops: tflops * 1e12, bandwidthBytes: chip.memoryBandwidthTBps * 1e12, memoryBytes: chip.memoryGb * 1e9 };
}

export function weightBytes(model: ServedModel, precision: Precision): number {
  return model.totalParameters * bytesPerParameter(precision);
}

/** Fewest devices whose usable memory holds the weights and one sequence's KV cache. */
export function minimumDevices(model: ServedModel, setup: Pick<DecodeSetup, 'precision' | 'residentTokens' | 'usableMemoryFraction'>, chip: ChipFigures): number {
  const resident = weightBytes(model, setup.precision) + model.kvBytesPerToken * setup.residentTokens;
  return Math.max(1, Math.ceil(resident / (chip.memoryBytes * setup.usableMemoryFraction)));
}

function stepSeconds(model: ServedModel, setup: DecodeSetup, chip: ChipFigures, eta: number, devices: number, batch: number): { seconds: number; bound: DecodePoint['bound'] } {
  const weights = weightBytes(model, setup.precision);
  // An MoE batch touches at most every expert once; each token reads at most its active parameters.
  const weightsRead = model.modelType === 'MOE' ? Math.min(weights, model.activeParameters * bytesPerParameter(setup.precision) * batch) : weights;
  const memory = (weightsRead + batch * model.kvBytesPerToken * setup.contextTokens) / (devices * chip.bandwidthBytes * eta);
  const compute = (2 * model.activeParameters * batch) / (devices * chip.peakFlops * setup.computeEta);
  return { seconds: setup.stepOverheadMs / 1000 + Math.max(memory, compute), bound: compute > memory ? 'COMPUTE' : 'MEMORY_BANDWIDTH' };
}

function pointAt(model: ServedModel, setup: DecodeSetup, chip: ChipFigures, eta: number, devices: number): DecodeResult {
  const capacity = devices * chip.memoryBytes * setup.usableMemoryFraction - weightBytes(model, setup.precision);
  const byMemory = Math.floor(capacity / (model.kvBytesPerToken * setup.residentTokens));
  if (byMemory < 1) return { ok: false, reason: `${devices} devices cannot hold the weights and one sequence of ${setup.residentTokens} tokens`, limit: 'CONTEXT' };
  let batch: number;
  let limit: DecodePoint['batchLimit'];
  if (setup.batch !== null) {
    // A published configuration (replica size and batch both given) is taken as having fitted.
    if (setup.batch > byMemory && setup.devicesPerReplica === null) return { ok: false, reason: `${devices} devices hold ${byMemory} sequences of ${setup.residentTokens} tokens, fewer than the ${setup.batch} asked for`, limit: 'BATCH' };
    batch = setup.batch;
    limit = 'GIVEN';
  } else {
    batch = byMemory;
    limit = 'MEMORY_CAPACITY';
  }
  if (setup.tpotMs !== null) {
    const ceiling = setup.tpotMs / 1000;
    if (stepSeconds(model, setup, chip, eta, devices, 1).seconds > ceiling) {
      return { ok: false, reason: `even one sequence takes longer than ${setup.tpotMs} ms per token on ${devices} devices`, limit: 'TPOT' };
    }
    if (stepSeconds(model, setup, chip, eta, devices, batch).seconds > ceiling) {
      if (setup.batch !== null) return { ok: false, reason: `${setup.batch} sequences take longer than ${setup.tpotMs} ms per token on ${devices} devices`, limit: 'BATCH' };
      // Step time grows with the batch: the largest batch within the ceiling, by bisection.
      let lo = 1;
      let hi = batch;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (stepSeconds(model, setup, chip, eta, devices, mid).seconds <= ceiling) lo = mid;
        else hi = mid;
      }
      batch = lo;
      limit = 'TPOT';
    }
  }
  const step = stepSeconds(model, setup, chip, eta, devices, batch);
  let perDevice = batch / (step.seconds * devices);
  if (setup.endToEnd !== null) {
    const { promptTokens, outputTokens } = setup.endToEnd;
    const prefill = (batch * promptTokens * 2 * model.activeParameters) / (devices * chip.peakFlops * setup.computeEta);
    perDevice = (batch * outputTokens) / ((prefill + outputTokens * step.seconds) * devices);
  }
  return { ok: true, point: { devicesPerReplica: devices, batch, stepMs: step.seconds * 1000, tokensPerSecondPerDevice: perDevice, bound: step.bound, batchLimit: limit } };
}

/**
 * Decode throughput per device at efficiency `eta`. Without a fixed replica size, replicas of the
 * fewest devices that hold the model and then powers of two up to the cap are tried, and the one
 * with the most tokens per device wins (ties: the smaller replica).
 */
export function decode(model: ServedModel, setup: DecodeSetup, chip: ChipFigures, eta: number): DecodeResult {
  const smallest = minimumDevices(model, setup, chip);
  if (setup.devicesPerReplica !== null) {
    if (setup.devicesPerReplica < smallest) return { ok: false, reason: `the model needs at least ${smallest} devices per replica, ${setup.devicesPerReplica} given` };
    return pointAt(model, setup, chip, eta, setup.devicesPerReplica);
  }
  // The weights may force a replica past the cap (pipeline stages); one sequence's KV cache may not.
  const forWeights = Math.max(1, Math.ceil(weightBytes(model, setup.precision) / (chip.memoryBytes * setup.usableMemoryFraction)));
  const limit = Math.max(setup.maxDevicesPerReplica, forWeights);
  if (smallest > limit) {
    return { ok: false, reason: `one sequence of ${setup.residentTokens} tokens with the weights needs ${smallest} devices, more than the largest replica (${limit} devices)`, limit: 'CONTEXT' };
  }
  const sizes = [smallest];
  for (let d = 1; d <= setup.maxDevicesPerReplica; d *= 2) if (d > smallest) sizes.push(d);
  let best: DecodePoint | null = null;
  let firstFailure: Extract<DecodeResult, { ok: false }> | null = null;
  for (const devices of sizes) {
    const result = pointAt(model, setup, chip, eta, devices);
    if (!result.ok) {
      firstFailure ??= result;
      continue;
    }
    if (best === null || result.point.tokensPerSecondPerDevice > best.tokensPerSecondPerDevice * (1 + 1e-9)) best = result.point;
  }
  if (best === null) return firstFailure ?? { ok: false, reason: `no replica size up to ${setup.maxDevicesPerReplica} devices fits` };
  return { ok: true, point: best };
}

/** Prompt tokens per second per device: 2 FLOPs per active parameter per token at efficiency `eta`. */
export function prefillTokensPerSecond(model: ServedModel, chip: ChipFigures, eta: number): number {
  return (chip.peakFlops * eta) / (2 * model.activeParameters);
}
