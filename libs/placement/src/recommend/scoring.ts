import { LATENCY_MODEL, rttOfDistance } from './latency.js';
import { round } from './numbers.js';
import type { ScoringModel } from './recommend.types.js';

/**
 * How each objective becomes a normalised value in [0, 1], 0 the best. Min–max over the survivors
 * made a unit mean "the spread of whoever else passed": with three candidates a 0.2 risk gap could
 * be stretched to a full unit while a 71 % saving shrank. Here each scale is fixed by the objective:
 * a ratio for cost and time (scale-free, so 2× the cheapest weighs the same in USD or CNY, for a
 * 10k or a 10M run), the absolute 0–1 risk score, and latency against the target or the round trip
 * to the far side of the Earth. Only the cheapest cost and the fastest time come from the survivors,
 * and no dominated candidate can be either, so adding or removing one changes no other score.
 */
export const SCORING_MODEL: ScoringModel = Object.freeze({
  fullPenaltyRatio: Object.freeze({
    value: 10,
    why:
      'Cost and time count by their ratio to the cheapest / fastest that passed, on a log scale: log(ratio) ÷ log(10), at most 1. ' +
      'An order of magnitude spans the same 0–1 as the whole risk scale; 2× the cheapest is 0.301 and 3× is 0.477, whatever else passed.',
  }),
  timeFloorDays: Object.freeze({
    value: 1,
    why:
      'Times to result under a day count as one day: inference with no lead time or transfer takes ~0 days, and a ratio to ~0 would make half a day ' +
      'look infinitely slow. A day is the resolution of the lead times and transfers the estimate is built from.',
  }),
  latencyReferenceMs: Object.freeze({
    // The model's own maximum: half the Earth's circumference, so every estimate normalises into [0, 1].
    value: rttOfDistance(Math.PI * LATENCY_MODEL.earthRadiusKm.value),
    why:
      'Without a latency target, latency counts as ms ÷ the longest round trip the latency model can give (antipodes, half the Earth’s ' +
      'circumference); with a target, as ms ÷ the target, at most 1. Both are absolute: 0 ms is 0 whatever else passed.',
  }),
  risk: 'Risk counts as its score: already absolute on 0–1 (RISK_MODEL), so it is not rescaled.',
});

/** log(value ÷ best) ÷ log(fullPenaltyRatio), in [0, 1]. A best of 0 makes anything above it infinitely dearer: 1. */
export function ratioPenalty(value: number, best: number): number {
  if (value <= best) return 0;
  if (best <= 0) return 1;
  return round(Math.min(1, Math.log(value / best) / Math.log(SCORING_MODEL.fullPenaltyRatio.value)));
}

/** Days counted for the time ratio: never below `timeFloorDays`. */
export function countedDays(days: number): number {
  return Math.max(days, SCORING_MODEL.timeFloorDays.value);
}

/** The latency that normalises to 1: the caller's target, else the model's longest round trip. */
export function latencyFullScaleMs(targetMs: number | null): number {
  return targetMs ?? SCORING_MODEL.latencyReferenceMs.value;
}

/** ms ÷ full scale, at most 1; unknown latency (no users) is neutral: 0. */
export function latencyPenalty(ms: number | null, fullScaleMs: number): number {
  return ms === null ? 0 : round(Math.min(1, ms / fullScaleMs));
}
