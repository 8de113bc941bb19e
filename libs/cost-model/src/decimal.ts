import { Decimal } from 'decimal.js';
import { CostModelError } from './cost-model.error.js';

/**
 * A private Decimal constructor, so the library never changes the global decimal.js settings
 * another caller may rely on. 60 significant digits hold a 6ND FLOP count (~26 integer digits)
 * with every decimal place of the quotient scale below; half-even keeps rounding unbiased.
 */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });
export type Dec = InstanceType<typeof D>;

/**
 * Decimal places kept by a quotient that does not terminate (an amortised price per hour, an
 * inverted FX rate, FLOPs divided by a rate). Sums and products are exact; each result goes
 * through at most one such division, so rounding happens once.
 */
export const QUOTIENT_DECIMAL_PLACES = 10;

/** A physical quantity as input: a JS number or a decimal string (the form every output uses). */
export type DecimalInput = number | string;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function toDecimal(name: string, value: DecimalInput): Dec {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(name, `must be a finite number, got ${value}`);
    return new D(value);
  }
  if (typeof value !== 'string' || !DECIMAL_TEXT.test(value)) throw invalid(name, `must be a decimal number, got ${JSON.stringify(value)}`);
  return new D(value);
}

export function positive(name: string, value: DecimalInput): Dec {
  const d = toDecimal(name, value);
  if (!d.gt(0)) throw invalid(name, `must be positive, got ${d.toFixed()}`);
  return d;
}

export function nonNegative(name: string, value: DecimalInput): Dec {
  const d = toDecimal(name, value);
  if (d.lt(0)) throw invalid(name, `must not be negative, got ${d.toFixed()}`);
  return d;
}

export function positiveInteger(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw invalid(name, `must be a positive integer, got ${value}`);
  return value;
}

export function quotient(numerator: Dec, denominator: Dec): Dec {
  return numerator.div(denominator).toDecimalPlaces(QUOTIENT_DECIMAL_PLACES, D.ROUND_HALF_EVEN);
}

/** Plain notation, never an exponent, and never "-0". */
export function text(d: Dec): string {
  return d.isZero() ? '0' : d.toFixed();
}

export function invalid(name: string, detail: string): CostModelError {
  return new CostModelError('INVALID_INPUT', `${name} ${detail}`, { missing: name });
}
