import { describe, expect, it } from '@jest/globals';
import { delayCost, type DelayCostInput } from './delay-cost.js';
import { costModelError } from './test/expect-error.js';

describe('delayCost', () => {
  const cases: { name: string; input: DelayCostInput; days: [string, string, string]; cost: [string, string, string]; currency: string }[] = [
    {
      name: 'licence lead time 30 / 45 / 90 days at 10,000 USD a day',
      input: { leadTimeDays: { low: 30, expected: 45, high: 90 }, costOfDelayPerDay: { amount: '10000.00', currency: 'USD' } },
      days: ['30', '45', '90'],
      cost: ['300000', '450000', '900000'],
      currency: 'USD',
    },
    { name: 'no lead time', input: { leadTimeDays: 0, costOfDelayPerDay: { amount: '5', currency: 'SGD' } }, days: ['0', '0', '0'], cost: ['0', '0', '0'], currency: 'SGD' },
    { name: 'no cost of delay given: days only', input: { leadTimeDays: 14, currency: 'CNY' }, days: ['14', '14', '14'], cost: ['0', '0', '0'], currency: 'CNY' },
  ];
  it.each(cases)('$name', ({ input, days, cost, currency }) => {
    const { range } = delayCost(input);
    expect([range.low, range.expected, range.high].map((r) => r.calendarDays)).toEqual(days);
    expect([range.low, range.expected, range.high].map((r) => r.cost)).toEqual(cost.map((amount) => ({ amount, currency })));
  });

  it('says so when the delay is priced at zero for lack of a cost of delay', () => {
    const { assumptions } = delayCost({ leadTimeDays: 14, currency: 'USD' });
    expect(assumptions.find((a) => a.name === 'cost of delay')?.value).toMatch(/none given: delay priced at 0 USD/);
  });

  it('needs a currency to state a zero', () => {
    expect(costModelError(() => delayCost({ leadTimeDays: 14 }), 'MISSING_INPUT').missing).toBe('currency');
  });

  it('refuses a currency that contradicts the cost of delay', () => {
    costModelError(() => delayCost({ leadTimeDays: 1, costOfDelayPerDay: { amount: '1', currency: 'USD' }, currency: 'MYR' }), 'CURRENCY_MISMATCH');
  });

  it('rejects negative days', () => {
    costModelError(() => delayCost({ leadTimeDays: -1, currency: 'USD' }), 'INVALID_INPUT');
  });
});
