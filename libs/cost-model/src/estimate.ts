import { invalid, text, type Dec, type DecimalInput } from './decimal.js';
import type { Money } from './money.js';

/** `{ low, expected, high }`; in every result, `low` is the cheapest / fastest case. */
export interface Range<T> {
  readonly low: T;
  readonly expected: T;
  readonly high: T;
}

/** An uncertain input: a range (optionally saying where it came from) or a single known value. */
export type SourcedRange<T> = Range<T> & { readonly source?: string };
export type Uncertain<T> = T | SourcedRange<T>;

/** A physical quantity as output: exact decimal string with its unit. */
export interface Quantity {
  readonly value: string;
  readonly unit: string;
}

/** One line of a breakdown: a Money or a Quantity for the expected case, and how it was computed. */
export interface LineItem {
  readonly name: string;
  readonly value: Money | Quantity;
  readonly formula: string;
}

export interface Assumption {
  readonly name: string;
  readonly value: string;
  /** Where the value came from: a scenario-file row and version, a fact-sheet section, or "caller input". */
  readonly source: string;
}

/** What every estimating function returns. */
export interface Estimate<T> {
  readonly breakdown: readonly LineItem[];
  readonly assumptions: readonly Assumption[];
  readonly range: Range<T>;
}

export const CALLER_INPUT = 'caller input';

export const CASES = ['low', 'expected', 'high'] as const;
export type Case = (typeof CASES)[number];

export function isRange<T>(value: Uncertain<T>): value is SourcedRange<T> {
  return typeof value === 'object' && value !== null && 'low' in value && 'expected' in value && 'high' in value;
}

export function mapRange<T, U>(range: Range<T>, fn: (value: T, which: Case) => U): Range<U> {
  return { low: fn(range.low, 'low'), expected: fn(range.expected, 'expected'), high: fn(range.high, 'high') };
}

/** Swaps low and high: for an input that lowers the cost as it grows (MFU, throughput, link speed). */
export function reversed<T>(range: Range<T>): Range<T> {
  return { low: range.high, expected: range.expected, high: range.low };
}

/** Reads an uncertain quantity, checks low ≤ expected ≤ high and each bound, and returns it as Decimals. */
export function decimalRange(name: string, value: Uncertain<DecimalInput>, check: (name: string, v: DecimalInput) => Dec): Range<Dec> {
  if (!isRange(value)) {
    const d = check(name, value);
    return { low: d, expected: d, high: d };
  }
  const range = mapRange(value, (v, which) => check(`${name}.${which}`, v));
  if (range.low.gt(range.expected) || range.expected.gt(range.high)) {
    throw invalid(name, `must satisfy low ≤ expected ≤ high, got ${text(range.low)} / ${text(range.expected)} / ${text(range.high)}`);
  }
  return range;
}

export function sourceOf(value: unknown, fallback = CALLER_INPUT): string {
  const source = typeof value === 'object' && value !== null ? (value as { source?: unknown }).source : undefined;
  return typeof source === 'string' && source.length > 0 ? source : fallback;
}

/** "0.35 / 0.4 / 0.45" or "0.4" for an assumption's value. */
export function describeRange(range: Range<Dec>, unit = ''): string {
  const suffix = unit === '' ? '' : ` ${unit}`;
  if (range.low.eq(range.expected) && range.expected.eq(range.high)) return `${text(range.expected)}${suffix}`;
  return `low ${text(range.low)} / expected ${text(range.expected)} / high ${text(range.high)}${suffix}`;
}

export function quantity(value: Dec, unit: string): Quantity {
  return { value: text(value), unit };
}
