import { InvalidAcceleratorSpecError } from './hardware.error.js';
import { PRECISION_BITS, PRECISIONS, type Precision } from './precision.js';

/** A dense (non-sparse) peak rate in TFLOPS or TOPS; null when the chip offers it but no figure is known. */
export interface DenseRateInput {
  readonly value: number | null;
  readonly unknownReason?: string | null;
}

export interface TppInput {
  /** ICs on the device: 2 for a dual-chip card whose rates are given per card. A chiplet package is one IC. */
  readonly integratedCircuitsPerDevice: number;
  /** Precisions the chip does not offer are absent. */
  readonly denseRates: Readonly<Partial<Record<Precision, DenseRateInput | undefined>>>;
}

export interface PrecisionTpp {
  readonly precision: Precision;
  readonly bits: number;
  readonly denseRate: number;
  /** Per device: denseRate × bits. */
  readonly tpp: number;
}

export interface TotalProcessingPerformance {
  /** Per device (the unit the rates are given in); null when no precision has a known rate. */
  readonly value: number | null;
  /** What 3A090 assesses: value / integratedCircuitsPerDevice. */
  readonly perIntegratedCircuit: number | null;
  /** The precision giving the maximum; ties go to the earlier entry of PRECISIONS. */
  readonly precision: Precision | null;
  /** Every precision with a known rate, in PRECISIONS order. */
  readonly byPrecision: readonly PrecisionTpp[];
  /**
   * Precisions the chip offers without a known rate. When non-empty and value is not null, value is
   * a lower bound: an unknown precision could give a higher TPP.
   */
  readonly unknownPrecisions: readonly Precision[];
  readonly unknownReason: string | null;
}

/**
 * TPP per 3A090 Technical Note: max over precisions of (dense TFLOPS/TOPS × bit length), the
 * datasheet rate already being 2 × MacTOPS. Results are unrounded; round only for display.
 */
export function totalProcessingPerformance(spec: TppInput): TotalProcessingPerformance {
  const ics = integratedCircuits(spec);
  const byPrecision: PrecisionTpp[] = [];
  const unknownPrecisions: Precision[] = [];
  const unknownReasons: string[] = [];

  for (const precision of PRECISIONS) {
    const rate = spec.denseRates[precision];
    if (rate === undefined) continue;
    if (rate.value === null) {
      unknownPrecisions.push(precision);
      unknownReasons.push(`${precision}: ${rate.unknownReason ?? 'no figure'}`);
      continue;
    }
    if (!Number.isFinite(rate.value) || rate.value <= 0) {
      throw new InvalidAcceleratorSpecError(`dense ${precision} rate must be a positive number, got ${rate.value}`);
    }
    const bits = PRECISION_BITS[precision];
    byPrecision.push({ precision, bits, denseRate: rate.value, tpp: rate.value * bits });
  }

  let best: PrecisionTpp | null = null;
  for (const entry of byPrecision) if (best === null || entry.tpp > best.tpp) best = entry;

  if (best === null) {
    const unknownReason =
      unknownReasons.length === 0
        ? 'no dense rate is given for any precision'
        : `no precision has a known dense rate (${unknownReasons.join('; ')})`;
    return { value: null, perIntegratedCircuit: null, precision: null, byPrecision, unknownPrecisions, unknownReason };
  }
  return {
    value: best.tpp,
    perIntegratedCircuit: best.tpp / ics,
    precision: best.precision,
    byPrecision,
    unknownPrecisions,
    unknownReason: null,
  };
}

export function integratedCircuits(spec: Pick<TppInput, 'integratedCircuitsPerDevice'>): number {
  const ics = spec.integratedCircuitsPerDevice;
  if (!Number.isInteger(ics) || ics < 1) {
    throw new InvalidAcceleratorSpecError(`integratedCircuitsPerDevice must be a positive integer, got ${ics}`);
  }
  return ics;
}
