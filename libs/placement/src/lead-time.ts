import type { CostEstimateV1, VerdictLeadTimeV1 } from '@cp/contracts';
import { Decimal } from 'decimal.js';

const Exact = Decimal.clone({ precision: 60 });
const CASES = ['low', 'expected', 'high'] as const;

export interface LeadTimeInput {
  /** The verdict's lead-time distribution; null when nothing binding takes time. */
  readonly leadTime: VerdictLeadTimeV1 | null;
  /** Where the lead time comes from (the verdict and its rule pack), for the assumptions. */
  readonly source: string;
  /** In the estimate's currency; absent prices the delay at zero, said so. */
  readonly costOfDelayPerDay: { readonly amount: string; readonly currency: string } | null;
}

/** How the lead time reads in an estimate: an assumed range says the review time is unknown. */
export function describeLeadTime(lead: VerdictLeadTimeV1): string {
  const range = `${lead.low}–${lead.high} days, ${lead.expected} expected`;
  const policy = lead.policy === null ? '' : `, ${lead.policy.toLowerCase().replaceAll('_', ' ')}`;
  return lead.assumed ? `unknown: assumed ${range}${policy}` : `${range}${policy}`;
}

/**
 * Compliance and cost are asked in parallel, so the estimate comes back without the licence
 * lead time the verdict states. This adds it case by case: low, expected and high days to the
 * same cases of time to result, and, if the workload gives a cost of delay, their cost as a
 * DELAY component and to the total. Ranking reads the expected figures, the bands low and
 * high, so an uncertain licence widens the band instead of hiding in one number. The
 * estimate's `leadTimeDays` becomes the expected days.
 * Throws when the estimate already counts a lead time, or the cost of delay is in another
 * currency than the estimate.
 */
export function withLeadTime(estimate: CostEstimateV1, input: LeadTimeInput): CostEstimateV1 {
  const lead = input.leadTime;
  if (lead === null || lead.high === 0) return estimate;
  if (estimate.leadTimeDays !== 0) throw new Error(`estimate already counts ${estimate.leadTimeDays} lead-time days`);
  const perDay = input.costOfDelayPerDay;
  if (perDay && perDay.currency !== estimate.currency) {
    throw new Error(`costOfDelayPerDay is in ${perDay.currency}, the estimate in ${estimate.currency}`);
  }
  const days = { low: new Exact(lead.low), expected: new Exact(lead.expected), high: new Exact(lead.high) };
  const delay = { low: new Exact(0), expected: new Exact(0), high: new Exact(0) };
  if (perDay) for (const k of CASES) delay[k] = days[k].mul(perDay.amount);
  const previousDelay = estimate.components.find((c) => c.name === 'DELAY');
  const plus = (value: string, add: Decimal): string => new Exact(value).add(add).toFixed();
  const shift = <R extends { low: string; expected: string; high: string }>(r: R, by: Record<(typeof CASES)[number], Decimal>): R => ({
    ...r,
    low: plus(r.low, by.low),
    expected: plus(r.expected, by.expected),
    high: plus(r.high, by.high),
  });
  // A DELAY the cost model priced (at its own lead time) is replaced, not added to.
  const totalShift = previousDelay
    ? { low: delay.low.sub(previousDelay.cost.low), expected: delay.expected.sub(previousDelay.cost.expected), high: delay.high.sub(previousDelay.cost.high) }
    : delay;
  const components = estimate.components.filter((c) => c.name !== 'DELAY');
  const delayRange = { low: delay.low.toFixed(), expected: delay.expected.toFixed(), high: delay.high.toFixed(), currency: estimate.currency };
  const described = describeLeadTime(lead);
  return {
    ...estimate,
    leadTimeDays: lead.expected,
    timeToResultDays: shift(estimate.timeToResultDays, days),
    components: perDay ? [...components, { name: 'DELAY', cost: delayRange }] : components,
    total: shift(estimate.total, totalShift),
    breakdown: [
      ...estimate.breakdown,
      { name: 'licence lead time', value: `${lead.low} / ${lead.expected} / ${lead.high}`, unit: 'day', formula: 'low / expected / high added to the same cases of time to result' },
      ...(perDay
        ? [{ name: 'cost of delay', value: `${delayRange.low} / ${delayRange.expected} / ${delayRange.high}`, unit: estimate.currency, formula: `lead-time days × ${perDay.amount} ${perDay.currency}/day` }]
        : []),
    ],
    assumptions: [
      ...estimate.assumptions,
      { name: 'licence lead time', value: described, source: `${input.source}: rule ${lead.ruleId} [${lead.evidence}${lead.assumed ? ', assumed' : ''}] ${lead.source}` },
      perDay
        ? { name: 'cost of delay per day', value: `${perDay.amount} ${perDay.currency}`, source: 'caller input' }
        : { name: 'cost of delay', value: `none given: the lead time (${lead.low}–${lead.high} days) counts in time to result only`, source: 'model convention' },
    ],
  };
}
