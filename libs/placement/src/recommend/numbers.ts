import { Decimal } from 'decimal.js';
import { RecommendError } from './recommend.error.js';

/** A private Decimal constructor, so this library never changes the global decimal.js settings. */
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -50, toExpPos: 50 });
export type Dec = InstanceType<typeof D>;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export function decimal(field: string, value: string): Dec {
  if (typeof value !== 'string' || !DECIMAL_TEXT.test(value)) {
    throw new RecommendError('INVALID_RECOMMEND_INPUT', `${field} must be a decimal string, got ${JSON.stringify(value)}`, field);
  }
  return new D(value);
}

/** Plain notation, never an exponent and never "-0". */
export function plain(d: Dec): string {
  return d.isZero() ? '0' : d.toFixed();
}

/**
 * Scores, risks and normalised objectives are rounded once, so equal-looking values compare
 * equal and the JSON stays readable; 6 places is far below any difference a planner acts on.
 */
export function round(value: number, places = 6): number {
  const f = 10 ** places;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** `1234567.891` → `1,234,567.89`: money in sentences (the exact amount stays in the detail). */
export function formatMoney(d: Dec, currency: string): string {
  const [int, frac] = d.toDecimalPlaces(2, D.ROUND_HALF_EVEN).toFixed(2).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}.${frac} ${currency}`;
}

/** Days in sentences: at most one decimal, no trailing zero (`12.5`, `60`). */
export function formatDays(days: number | Dec): string {
  return formatNumber(typeof days === 'number' ? days : days.toNumber(), 1);
}

/** Thousands grouped, at most `places` decimals, no trailing zeros (`3,798`, `0.0333`). */
export function formatNumber(value: number, places: number): string {
  const [int, frac] = Math.abs(round(value, places)).toFixed(places).split('.');
  const digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = (frac ?? '').replace(/0+$/, '');
  const sign = round(value, places) < 0 ? '-' : '';
  return `${sign}${digits}${decimals === '' ? '' : `.${decimals}`}`;
}

export const MS_PER_DAY = 86_400_000;
