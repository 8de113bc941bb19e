import { PRECISION_BITS, type Precision } from '@cp/hardware';

/** The figures of one accelerator the performance model reads (a catalog row, flattened). */
export interface ChipSpec {
  readonly id: string;
  readonly vendor: string;
  readonly denseRates: readonly { readonly precision: Precision; readonly tflops: number | null }[];
  readonly memoryGb: number | null;
  readonly memoryBandwidthTBps: number | null;
  /** Scale-up link bandwidth per device; null when the device has only PCIe. */
  readonly interconnectGBps: number | null;
}

/** Bytes per weight at a serving or training precision (bits ÷ 8; TF32 weights are held as 32-bit). */
export function bytesPerParameter(precision: Precision): number {
  return PRECISION_BITS[precision] / 8;
}

export function isEightBitOrLess(precision: Precision): boolean {
  return PRECISION_BITS[precision] <= 8;
}

export function rateOf(chip: ChipSpec, precision: Precision): number | null {
  const rate = chip.denseRates.find((r) => r.precision === precision);
  return rate === undefined || rate.tflops === null ? null : rate.tflops;
}

/** The chip's best 16-bit dense rate (BF16 or FP16): the base every MFU is converted through. */
export function sixteenBitRate(chip: ChipSpec): number | null {
  const rates = (['BF16', 'FP16'] as const).map((p) => rateOf(chip, p)).filter((r): r is number => r !== null);
  return rates.length === 0 ? null : Math.max(...rates);
}

/** Rounds a derived figure to 4 significant digits: more would claim a precision the model does not have. */
export function significant(value: number, digits = 4): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}
