import { CostModelError } from './cost-model.error.js';
import { D, invalid, nonNegative, text, type DecimalInput } from './decimal.js';
import { decimalRange, describeRange, mapRange, sourceOf, type Assumption, type Estimate, type Uncertain } from './estimate.js';
import { money, moneyAmount, type Money, type SourcedMoney } from './money.js';

export interface DelayCostInput {
  /** Calendar days until the capacity can be used (licence, import, build-out lead time). */
  readonly leadTimeDays: Uncertain<DecimalInput>;
  /** What each day of delay costs the business; absent prices the delay at zero, said so in assumptions. */
  readonly costOfDelayPerDay?: SourcedMoney | null;
  /** Currency of the zero when no cost of delay is given (defaults to that of costOfDelayPerDay). */
  readonly currency?: string;
}

export interface DelayCostOutcome {
  readonly calendarDays: string;
  readonly cost: Money;
}

/** Calendar days of delay and their cost (days × cost of delay per day); `range.low` is the shortest lead time. */
export function delayCost(input: DelayCostInput): Estimate<DelayCostOutcome> {
  const days = decimalRange('leadTimeDays', input.leadTimeDays, nonNegative);
  const perDay = input.costOfDelayPerDay ?? null;
  const currency = input.currency ?? perDay?.currency;
  if (currency === undefined) {
    throw new CostModelError('MISSING_INPUT', 'delayCost needs costOfDelayPerDay or, to state a zero, a currency', { missing: 'currency' });
  }
  if (!/^[A-Z]{3}$/.test(currency)) throw invalid('currency', `must be an ISO 4217 code, got ${JSON.stringify(currency)}`);
  if (perDay !== null && perDay.currency !== currency) {
    throw new CostModelError('CURRENCY_MISMATCH', `costOfDelayPerDay is in ${perDay.currency}, currency is ${currency}`, { missing: 'currency' });
  }
  const rate = perDay === null ? new D(0) : moneyAmount('costOfDelayPerDay', perDay);
  const range = mapRange(days, (d): DelayCostOutcome => ({ calendarDays: text(d), cost: money(d.mul(rate), currency) }));

  const assumptions: Assumption[] = [{ name: 'lead time', value: describeRange(days, 'days'), source: sourceOf(input.leadTimeDays) }];
  assumptions.push(
    perDay === null
      ? { name: 'cost of delay', value: `none given: delay priced at 0 ${currency}; only its calendar days count`, source: 'model convention' }
      : { name: 'cost of delay per day', value: `${perDay.amount} ${currency}`, source: sourceOf(perDay) },
  );
  return {
    breakdown: [
      { name: 'calendar days', value: { value: range.expected.calendarDays, unit: 'day' }, formula: 'lead time' },
      { name: 'cost of delay', value: range.expected.cost, formula: perDay === null ? 'no cost of delay given' : `${range.expected.calendarDays} days × ${perDay.amount} ${currency}/day` },
    ],
    assumptions,
    range,
  };
}
