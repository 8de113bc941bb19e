import { CostModelError } from './cost-model.error.js';
import { D, invalid, quotient, text, type Dec } from './decimal.js';
import type { Assumption } from './estimate.js';
import { money, moneyAmount, type Money } from './money.js';

/** One effective-dated FX row: 1 `base` = `rate` `quote` from `date` until a later row for the pair. */
export interface FxRate {
  readonly base: string;
  readonly quote: string;
  /** Decimal string: units of quote per unit of base. */
  readonly rate: string;
  /** ISO date (YYYY-MM-DD, UTC) from which the row applies. */
  readonly date: string;
  readonly source: string;
}

export interface FxRateUsed {
  /** Units of `to` per unit of `from`, as a decimal string (an inverted row is rounded to the quotient scale). */
  readonly rate: string;
  readonly row: FxRate;
  /** True when the row is `to/from` and was inverted. */
  readonly inverted: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function rateOn(table: readonly FxRate[], from: string, to: string, onDate: string): { rate: Dec; row: FxRate; inverted: boolean } {
  if (!ISO_DATE.test(onDate)) throw invalid('onDate', `must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(onDate)}`);
  let best: { row: FxRate; inverted: boolean } | null = null;
  for (const row of table) {
    const direct = row.base === from && row.quote === to;
    const inverse = row.base === to && row.quote === from;
    if ((!direct && !inverse) || row.date > onDate) continue;
    // The latest row at or before the date wins; on the same date a direct row beats an inverse one.
    if (best === null || row.date > best.row.date || (row.date === best.row.date && direct && best.inverted)) best = { row, inverted: inverse };
  }
  if (best === null) {
    throw new CostModelError('NO_FX_RATE', `no FX rate for ${from}/${to} at or before ${onDate}`, { missing: `fx ${from}/${to}`, pair: `${from}/${to}`, date: onDate });
  }
  const rate = moneyAmount(`fx ${best.row.base}/${best.row.quote} ${best.row.date}`, { amount: best.row.rate, currency: best.row.quote });
  if (!rate.gt(0)) throw invalid(`fx ${best.row.base}/${best.row.quote} ${best.row.date}`, 'rate must be positive');
  return { rate: best.inverted ? quotient(new D(1), rate) : rate, row: best.row, inverted: best.inverted };
}

/** The FX row `convert` would use, for recording in assumptions. */
export function fxRateOn(table: readonly FxRate[], from: string, to: string, onDate: string): FxRateUsed {
  const found = rateOn(table, from, to, onDate);
  return { rate: text(found.rate), row: found.row, inverted: found.inverted };
}

/** The FX row `convert` would use, as an assumption named `FX FROM/TO` citing the row's source. */
export function fxAssumption(table: readonly FxRate[], from: string, to: string, onDate: string): Assumption {
  const used = fxRateOn(table, from, to, onDate);
  const row = used.row;
  return {
    name: `FX ${from}/${to}`,
    value: `${used.rate} ${to} per ${from} (${used.inverted ? `inverse of ${row.base}/${row.quote} ${row.rate}` : `row ${row.base}/${row.quote}`}, dated ${row.date}, applied on ${onDate})`,
    source: row.source,
  };
}

/**
 * Converts with the latest row for the pair (either direction) dated at or before `onDate`.
 * Same currency is the identity. A direct row multiplies exactly; an inverse row divides,
 * rounded half-even to QUOTIENT_DECIMAL_PLACES. Cross rates are not triangulated: add a row
 * for the pair or convert through a common currency yourself, so every rate used is on record.
 */
export function convert(amount: Money, toCurrency: string, fxTable: readonly FxRate[], onDate: string): Money {
  const value = moneyAmount('money', amount, { allowNegative: true });
  if (!/^[A-Z]{3}$/.test(toCurrency)) throw invalid('toCurrency', `must be an ISO 4217 code, got ${JSON.stringify(toCurrency)}`);
  if (amount.currency === toCurrency) return { amount: amount.amount, currency: toCurrency };
  const found = rateOn(fxTable, amount.currency, toCurrency, onDate);
  const base = found.row;
  const converted = found.inverted ? quotient(value, new D(base.rate)) : value.mul(found.rate);
  return money(converted, toCurrency);
}
