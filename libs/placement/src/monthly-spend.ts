import { Decimal } from 'decimal.js';

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
const DAY_MS = 86_400_000;
/** Committed spend is booked in minor units (cents for USD): what an invoice will show. */
const DEFAULT_DECIMALS = 2;

export interface MonthlySpend {
  /** YYYY-MM-DD, inclusive. */
  readonly chargePeriodStart: string;
  /** YYYY-MM-DD, exclusive; inside the month of the start. */
  readonly chargePeriodEnd: string;
  readonly amount: string;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Rounds a committed amount (half-even) to `decimals` places and splits it over the calendar
 * months of a window, pro rata by the time held in each. The last month takes the rounding
 * remainder, so the parts add up to the rounded amount exactly. Charge periods are whole UTC days: a window that
 * starts or ends inside a day is widened to it.
 */
export function monthlySpend(amount: string, window: { from: string; to: string }, decimals = DEFAULT_DECIMALS): MonthlySpend[] {
  const total = new Exact(amount).toDecimalPlaces(decimals, Exact.ROUND_HALF_EVEN);
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) throw new Error(`window must end after it starts, got ${window.from} .. ${window.to}`);
  const startDay = Math.floor(from / DAY_MS) * DAY_MS;
  const endDay = Math.ceil(to / DAY_MS) * DAY_MS;
  const parts: { start: number; end: number }[] = [];
  for (let cursor = startDay; cursor < endDay; ) {
    const d = new Date(cursor);
    const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const end = Math.min(nextMonth, endDay);
    parts.push({ start: cursor, end });
    cursor = end;
  }
  const span = new Exact(endDay - startDay);
  let allocated = new Exact(0);
  return parts.map((part, index) => {
    const share =
      index === parts.length - 1 ? total.sub(allocated) : total.mul(part.end - part.start).div(span).toDecimalPlaces(decimals, Exact.ROUND_HALF_EVEN);
    allocated = allocated.add(share);
    return { chargePeriodStart: day(part.start), chargePeriodEnd: day(part.end), amount: share.toFixed(decimals) };
  });
}

/** The amount monthlySpend books in total. */
export function committedAmount(amount: string, decimals = DEFAULT_DECIMALS): string {
  return new Exact(amount).toDecimalPlaces(decimals, Exact.ROUND_HALF_EVEN).toFixed(decimals);
}
