import { describe, expect, it } from '@jest/globals';
import type { CostEstimateV1 } from '@cp/contracts';
import { withLeadTime } from './lead-time.js';

const range = (v: string) => ({ low: v, expected: v, high: v });
function anEstimate(): CostEstimateV1 {
  return {
    currency: 'USD',
    total: { low: '900', expected: '1000', high: '1200', currency: 'USD' },
    components: [{ name: 'COMPUTE_LEASE', cost: { low: '900', expected: '1000', high: '1200', currency: 'USD' } }],
    devices: { ...range('8'), unit: 'device' },
    deviceHours: { ...range('80'), unit: 'device-hour' },
    computeHours: { ...range('10'), unit: 'hour' },
    transferDays: { ...range('0'), unit: 'day' },
    leadTimeDays: 0,
    timeToResultDays: { low: '0.4', expected: '0.5', high: '0.6', unit: 'day' },
    listCost: null,
    priceSource: { kind: 'POOL', basis: 'COMMITTED', detail: 'pool p' },
    breakdown: [],
    assumptions: [],
  };
}

describe('withLeadTime', () => {
  it('adds the days to every case of time to result and prices them at the cost of delay', () => {
    const e = withLeadTime(anEstimate(), { leadTimeDays: 30, source: 'verdict', costOfDelayPerDay: { amount: '10.5', currency: 'USD' } });
    expect(e.leadTimeDays).toBe(30);
    expect(e.timeToResultDays).toMatchObject({ low: '30.4', expected: '30.5', high: '30.6' });
    expect(e.components.find((c) => c.name === 'DELAY')?.cost.expected).toBe('315');
    expect(e.total).toMatchObject({ low: '1215', expected: '1315', high: '1515' });
  });

  it('adds days only when no cost of delay is given, and says so', () => {
    const e = withLeadTime(anEstimate(), { leadTimeDays: 7, source: 'verdict', costOfDelayPerDay: null });
    expect(e.total.expected).toBe('1000');
    expect(e.components.map((c) => c.name)).toEqual(['COMPUTE_LEASE']);
    expect(e.assumptions.at(-1)?.value).toMatch(/7 days count in time to result only/);
  });

  it('leaves an estimate without lead time as it is, and refuses a cost of delay in another currency', () => {
    const original = anEstimate();
    expect(withLeadTime(original, { leadTimeDays: 0, source: 'verdict', costOfDelayPerDay: null })).toBe(original);
    expect(() => withLeadTime(original, { leadTimeDays: 3, source: 'v', costOfDelayPerDay: { amount: '1', currency: 'EUR' } })).toThrow(/EUR/);
  });
});
