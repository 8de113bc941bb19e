import { InvalidAcceleratorSpecError } from './hardware.error.js';
import { integratedCircuits, totalProcessingPerformance, type TppInput } from './total-processing-performance.js';

export interface PerformanceDensityInput extends TppInput {
  /** Logic dies on a FinFET/GAA process. false: the PD-applicable area is 0, so PD does not apply. */
  readonly nonPlanarLogic: boolean;
  /** Total logic die area of the device in mm² (chiplets summed, HBM stacks excluded). */
  readonly logicDieAreaMm2: { readonly value: number | null; readonly unknownReason?: string | null };
}

export interface PerformanceDensity {
  readonly value: number | null;
  readonly unknownReason: string | null;
}

/**
 * PD = TPP per IC / applicable die area per IC (3A090 Technical Note). Unrounded; round only for
 * display, and compare the unrounded value with the 5.92 / 3.2 / 1.6 thresholds.
 */
export function performanceDensity(spec: PerformanceDensityInput): PerformanceDensity {
  const ics = integratedCircuits(spec);
  if (!spec.nonPlanarLogic) return { value: null, unknownReason: 'no non-planar logic die area' };

  const tpp = totalProcessingPerformance(spec);
  const area = spec.logicDieAreaMm2.value;
  const reasons: string[] = [];
  if (tpp.perIntegratedCircuit === null) reasons.push(`TPP unknown: ${tpp.unknownReason ?? 'no figure'}`);
  if (area === null) reasons.push(`logic die area unknown: ${spec.logicDieAreaMm2.unknownReason ?? 'no figure'}`);
  if (tpp.perIntegratedCircuit === null || area === null) return { value: null, unknownReason: reasons.join('; ') };

  if (!Number.isFinite(area) || area <= 0) {
    throw new InvalidAcceleratorSpecError(`logicDieAreaMm2 must be a positive number, got ${area}`);
  }
  return { value: tpp.perIntegratedCircuit / (area / ics), unknownReason: null };
}
