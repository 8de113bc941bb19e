import { PRECISION_BITS, type Precision } from './precision.js';

/**
 * What a request for each precision may run at, nearest first: itself, then the other formats of
 * the same width, then wider ones. Never narrower: a narrower format changes the model's accuracy,
 * which no estimate may assume silently, while a wider one only costs memory and speed. TF32 has
 * no same-width partner, and a 16-bit run is narrower, so it is exact or nothing.
 */
const FALLBACKS: Readonly<Record<Precision, readonly Precision[]>> = {
  FP4: ['FP4', 'INT4', 'FP8', 'INT8', 'BF16', 'FP16'],
  INT4: ['INT4', 'FP4', 'INT8', 'FP8', 'BF16', 'FP16'],
  FP8: ['FP8', 'INT8', 'BF16', 'FP16'],
  INT8: ['INT8', 'FP8', 'BF16', 'FP16'],
  BF16: ['BF16', 'FP16'],
  FP16: ['FP16', 'BF16'],
  TF32: ['TF32'],
};

/** What a same-width substitution assumes about the model, beyond "same bytes per value". */
const SAME_WIDTH_CAVEAT: Partial<Record<`${Precision}->${Precision}`, string>> = {
  'BF16->FP16': "FP16's narrower exponent range may need loss scaling, or a range check of BF16-trained weights",
  'FP16->BF16': 'BF16 keeps 3 fewer mantissa bits than FP16',
  'FP8->INT8': 'the model is quantised to INT8 instead of FP8',
  'INT8->FP8': 'the model is quantised to FP8 instead of INT8',
  'FP4->INT4': 'the model is quantised to INT4 instead of FP4',
  'INT4->FP4': 'the model is quantised to FP4 instead of INT4',
};

/** Every precision a request for `requested` may run at, nearest first (`requested` itself first). */
export function acceptablePrecisions(requested: Precision): readonly Precision[] {
  return FALLBACKS[requested];
}

export interface PrecisionChoice {
  /** The precision to run at: `requested` when the accelerator has it. */
  readonly precision: Precision;
  /** Null when running at `requested`; otherwise one sentence naming the substitution and what it assumes. */
  readonly assumption: string | null;
}

function bytes(p: Precision): string {
  const b = PRECISION_BITS[p] / 8;
  return `${b} byte${b === 1 ? '' : 's'}`;
}

function assumptionOf(requested: Precision, runAt: Precision): string {
  const [from, to] = [PRECISION_BITS[requested], PRECISION_BITS[runAt]];
  if (from === to) {
    const caveat = SAME_WIDTH_CAVEAT[`${requested}->${runAt}`] ?? `the model runs at ${runAt}`;
    return `No ${requested} rate: runs at ${runAt}, the same width (${bytes(runAt)} per value, so the same memory); assumes ${caveat}.`;
  }
  return (
    `No ${from}-bit rate for ${requested}: runs at ${runAt} instead, ${bytes(runAt)} per value instead of ${bytes(requested)} ` +
    `(×${to / from} the weight memory) at the ${runAt} peak rate; assumes the model is served or trained in ${runAt}.`
  );
}

/**
 * The precision a workload asking for `requested` runs at on an accelerator that has dense rates
 * for `available`: `requested` itself, else the nearest acceptable one (`acceptablePrecisions`),
 * with the assumption that substitution makes; null when none is available. Inventory's candidate
 * filter and the cost model both decide with this one rule.
 */
export function nearestPrecision(available: Iterable<Precision>, requested: Precision): PrecisionChoice | null {
  const has = new Set(available);
  const runAt = FALLBACKS[requested].find((p) => has.has(p));
  if (runAt === undefined) return null;
  return { precision: runAt, assumption: runAt === requested ? null : assumptionOf(requested, runAt) };
}
