import type { Precision } from '@cp/hardware';
import { D, invalid, positive, positiveInteger, quotient, text, type Dec, type DecimalInput } from './decimal.js';
import { CALLER_INPUT, decimalRange, describeRange, mapRange, quantity, reversed, sourceOf, type Estimate, type Uncertain } from './estimate.js';

/** What is trained: parameters active per token and tokens (6·N·D), or a FLOP count directly. */
export type TrainingWork = { readonly activeParameters: DecimalInput; readonly tokens: DecimalInput } | { readonly flops: DecimalInput };

export interface TrainingHardware {
  /** Dense (non-sparse) peak per device, TFLOPS, at `precision`. MFU is relative to this rate. */
  readonly denseRatePerDevice: DecimalInput;
  readonly precision: Precision;
  /** Where the peak rate came from (an accelerator catalog row); "caller input" if absent. */
  readonly rateSource?: string;
  /** Whole-run model FLOPs utilisation as a fraction of the peak above (scaling and restart losses included). */
  readonly mfu: Uncertain<DecimalInput>;
  readonly devices: number;
}

export interface TrainingComputeOutcome {
  readonly mfu: string;
  /** FLOPs of the run (the same in every case). */
  readonly totalFlops: string;
  /** Sustained cluster FLOP/s = devices × peak × MFU. */
  readonly sustainedFlopsPerSecond: string;
  readonly wallClockHours: string;
  readonly deviceHours: string;
}

const TFLOPS = new D('1e12');
const SECONDS_PER_HOUR = new D(3600);

function fraction(name: string, value: DecimalInput): Dec {
  const d = positive(name, value);
  if (d.gt(1)) throw invalid(name, `must be a fraction in (0, 1], got ${text(d)}`);
  return d;
}

function totalFlops(work: TrainingWork): { flops: Dec; formula: string; assumption: { name: string; value: string; source: string } } {
  if ('flops' in work) {
    const flops = positive('work.flops', work.flops);
    return { flops, formula: 'given', assumption: { name: 'training FLOPs', value: `${text(flops)} FLOP`, source: CALLER_INPUT } };
  }
  const n = positive('work.activeParameters', work.activeParameters);
  const tokens = positive('work.tokens', work.tokens);
  return {
    flops: n.mul(tokens).mul(6),
    formula: `6 × N × D = 6 × ${n.toExponential()} × ${tokens.toExponential()}`,
    assumption: {
      name: 'training FLOPs rule',
      value: `6 × active parameters × tokens (N = ${n.toExponential()}, D = ${tokens.toExponential()})`,
      source: 'rule of thumb, fact sheet §5.5 [S]',
    },
  };
}

/**
 * Total FLOPs, sustained throughput, wall-clock hours and device-hours of a training run:
 * device-hours = FLOPs / (peak × MFU × 3600), wall-clock = device-hours / devices. `range.low` is
 * the fastest case, so it uses the high MFU.
 */
export function trainingCompute(work: TrainingWork, hardware: TrainingHardware): Estimate<TrainingComputeOutcome> {
  const { flops, formula, assumption } = totalFlops(work);
  const peak = positive('hardware.denseRatePerDevice', hardware.denseRatePerDevice);
  const devices = positiveInteger('hardware.devices', hardware.devices);
  const mfu = decimalRange('hardware.mfu', hardware.mfu, fraction);

  const peakClusterFlops = peak.mul(TFLOPS).mul(devices);
  const outcome = (m: Dec): TrainingComputeOutcome => {
    const sustained = peakClusterFlops.mul(m);
    const deviceHours = quotient(flops, peak.mul(TFLOPS).mul(m).mul(SECONDS_PER_HOUR));
    return {
      mfu: text(m),
      totalFlops: text(flops),
      sustainedFlopsPerSecond: text(sustained),
      wallClockHours: text(quotient(flops, sustained.mul(SECONDS_PER_HOUR))),
      deviceHours: text(deviceHours),
    };
  };
  const range = mapRange(reversed(mfu), outcome);
  const e = range.expected;

  return {
    breakdown: [
      { name: 'total FLOPs', value: quantity(flops, 'FLOP'), formula },
      { name: 'peak cluster rate', value: quantity(peakClusterFlops, 'FLOP/s'), formula: `${devices} devices × ${text(peak)} TFLOPS dense ${hardware.precision}` },
      { name: 'sustained throughput', value: { value: e.sustainedFlopsPerSecond, unit: 'FLOP/s' }, formula: `peak cluster rate × MFU ${e.mfu}` },
      { name: 'device-hours', value: { value: e.deviceHours, unit: 'device-hour' }, formula: `FLOPs / (${text(peak)} TFLOPS × MFU ${e.mfu} × 3600 s/h)` },
      { name: 'wall-clock hours', value: { value: e.wallClockHours, unit: 'hour' }, formula: `device-hours / ${devices} devices` },
    ],
    assumptions: [
      assumption,
      { name: 'dense peak per device', value: `${text(peak)} TFLOPS ${hardware.precision} (dense, non-sparse)`, source: hardware.rateSource ?? CALLER_INPUT },
      { name: 'MFU', value: `${describeRange(mfu)} of ${hardware.precision} peak`, source: sourceOf(hardware.mfu) },
      { name: 'scaling', value: 'whole-run MFU already includes scaling, communication and restart losses; wall-clock = device-hours / devices', source: 'model convention' },
    ],
    range,
  };
}
