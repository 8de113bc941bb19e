import type { CostEstimateV1 } from '@cp/contracts';
import { Decimal } from 'decimal.js';

const Exact = Decimal.clone({ precision: 60 });

export interface LeadTimeInput {
  readonly leadTimeDays: number;
  /** Where the lead time comes from (the deciding verdict), for the assumptions. */
  readonly source: string;
  /** In the estimate's currency; absent prices the delay at zero, said so. */
  readonly costOfDelayPerDay: { readonly amount: string; readonly currency: string } | null;
}

/**
 * Compliance and cost are asked in parallel, so the estimate comes back without the licence
 * lead time the verdict states. This adds it: the days to time to result (every case), and
 * their cost, if the workload gives a cost of delay, as a DELAY component and to the total.
 * Throws when the cost of delay is in another currency than the estimate.
 */
export function withLeadTime(estimate: CostEstimateV1, lead: LeadTimeInput): CostEstimateV1 {
  if (lead.leadTimeDays === 0 || estimate.leadTimeDays === lead.leadTimeDays) return estimate;
  if (estimate.leadTimeDays !== 0) throw new Error(`estimate already counts ${estimate.leadTimeDays} lead-time days`);
  const days = new Exact(lead.leadTimeDays);
  const perDay = lead.costOfDelayPerDay;
  if (perDay && perDay.currency !== estimate.currency) {
    throw new Error(`costOfDelayPerDay is in ${perDay.currency}, the estimate in ${estimate.currency}`);
  }
  const delay = perDay ? days.mul(perDay.amount) : new Exact(0);
  const plus = (value: string, add: Decimal): string => new Exact(value).add(add).toFixed();
  const addDays = <R extends { low: string; expected: string; high: string }>(r: R): R => ({ ...r, low: plus(r.low, days), expected: plus(r.expected, days), high: plus(r.high, days) });
  const components = estimate.components.filter((c) => c.name !== 'DELAY');
  const previousDelay = estimate.components.find((c) => c.name === 'DELAY');
  const delayRange = { low: delay.toFixed(), expected: delay.toFixed(), high: delay.toFixed(), currency: estimate.currency };
  const total = previousDelay
    ? { ...estimate.total, low: plus(estimate.total.low, delay.sub(previousDelay.cost.low)), expected: plus(estimate.total.expected, delay.sub(previousDelay.cost.expected)), high: plus(estimate.total.high, delay.sub(previousDelay.cost.high)) }
    : { ...estimate.total, low: plus(estimate.total.low, delay), expected: plus(estimate.total.expected, delay), high: plus(estimate.total.high, delay) };
  return {
    ...estimate,
    leadTimeDays: lead.leadTimeDays,
    timeToResultDays: addDays(estimate.timeToResultDays),
    components: perDay ? [...components, { name: 'DELAY', cost: delayRange }] : components,
    total,
    breakdown: [
      ...estimate.breakdown,
      { name: 'licence lead time', value: String(lead.leadTimeDays), unit: 'day', formula: 'added to time to result' },
      ...(perDay ? [{ name: 'cost of delay', value: delay.toFixed(), unit: estimate.currency, formula: `${lead.leadTimeDays} days × ${perDay.amount} ${perDay.currency}/day` }] : []),
    ],
    assumptions: [
      ...estimate.assumptions,
      { name: 'licence lead time', value: `${lead.leadTimeDays} days`, source: lead.source },
      perDay
        ? { name: 'cost of delay per day', value: `${perDay.amount} ${perDay.currency}`, source: 'caller input' }
        : { name: 'cost of delay', value: `none given: the ${lead.leadTimeDays} days count in time to result only`, source: 'model convention' },
    ],
  };
}
