import { InvalidAcceleratorSpecError } from './hardware.error.js';

export interface MemoryBandwidthInput {
  readonly memoryBandwidthTBps: { readonly value: number | null; readonly unknownReason?: string | null };
}

export interface MemoryBandwidth {
  /** Total DRAM bandwidth in GB/s (1 TB/s = 1,000 GB/s, as vendors and the 2026 rule use them). */
  readonly value: number | null;
  readonly unknownReason: string | null;
}

/** Memory bandwidth in GB/s, the unit of the 2026-01-15 China review overlay (< 6,500 GB/s). */
export function memoryBandwidthGBps(spec: MemoryBandwidthInput): MemoryBandwidth {
  const tbps = spec.memoryBandwidthTBps.value;
  if (tbps === null) return { value: null, unknownReason: spec.memoryBandwidthTBps.unknownReason ?? 'no figure' };
  if (!Number.isFinite(tbps) || tbps <= 0) {
    throw new InvalidAcceleratorSpecError(`memoryBandwidthTBps must be a positive number, got ${tbps}`);
  }
  // Shift the decimal point instead of multiplying, so 3.35 TB/s is 3350 GB/s, not 3350.0000000000005.
  const shifted = Number(`${tbps}e3`);
  return { value: Number.isFinite(shifted) ? shifted : tbps * 1000, unknownReason: null };
}
