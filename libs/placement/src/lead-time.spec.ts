import { describe, expect, it } from '@jest/globals';
import type { CostEstimateV1, VerdictLeadTimeV1 } from '@cp/contracts';
import { describeLeadTime, withLeadTime } from './lead-time.js';

const range = (v: string) => ({ low: v, expected: v, high: v });
function anEstimate(overrides: Partial<CostEstimateV1> = {}): CostEstimateV1 {
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
    ...overrides,
  };
}

function aLeadTime(overrides: Partial<VerdictLeadTimeV1> = {}): VerdictLeadTimeV1 {
  return { low: 30, expected: 90, high: 180, source: 'observed cases', evidence: 'E', assumed: true, ruleId: 'us-ac-2026-01-cn-mo-case-by-case', policy: 'CASE_BY_CASE', ...overrides };
}

describe('withLeadTime', () => {
  it('adds low, expected and high days to the same cases of time to result, and prices each at the cost of delay', () => {
    const e = withLeadTime(anEstimate(), { leadTime: aLeadTime(), source: 'verdict', costOfDelayPerDay: { amount: '10.5', currency: 'USD' } });
    expect(e.leadTimeDays).toBe(90);
    expect(e.timeToResultDays).toMatchObject({ low: '30.4', expected: '90.5', high: '180.6' });
    expect(e.components.find((c) => c.name === 'DELAY')?.cost).toEqual({ low: '315', expected: '945', high: '1890', currency: 'USD' });
    expect(e.total).toMatchObject({ low: '1215', expected: '1945', high: '3090' });
    expect(e.breakdown.find((b) => b.name === 'licence lead time')?.value).toBe('30 / 90 / 180');
  });

  it('shows an assumed range as unknown, never as 0 days, with the rule and its source', () => {
    const e = withLeadTime(anEstimate(), { leadTime: aLeadTime(), source: 'compliance verdict LICENSE_REQUIRED, rule pack 2026.12.2', costOfDelayPerDay: null });
    const lead = e.assumptions.find((a) => a.name === 'licence lead time')!;
    expect(lead.value).toBe('unknown: assumed 30–180 days, 90 expected, case by case');
    expect(lead.source).toBe('compliance verdict LICENSE_REQUIRED, rule pack 2026.12.2: rule us-ac-2026-01-cn-mo-case-by-case [E, assumed] observed cases');
    expect(describeLeadTime(aLeadTime({ assumed: false, evidence: 'P', policy: 'PUBLISHED_PROCESSING_TIME', low: 25, expected: 25, high: 25 }))).toBe('25–25 days, 25 expected, published processing time');
  });

  it('adds days only when no cost of delay is given, and says so', () => {
    const e = withLeadTime(anEstimate(), { leadTime: aLeadTime({ low: 7, expected: 7, high: 7 }), source: 'verdict', costOfDelayPerDay: null });
    expect(e.total).toMatchObject({ low: '900', expected: '1000', high: '1200' });
    expect(e.components.map((c) => c.name)).toEqual(['COMPUTE_LEASE']);
    expect(e.assumptions.at(-1)?.value).toMatch(/lead time \(7–7 days\) counts in time to result only/);
  });

  it('replaces a DELAY the cost model priced rather than adding to it', () => {
    const priced = anEstimate({
      total: { low: '950', expected: '1050', high: '1250', currency: 'USD' },
      components: [
        { name: 'COMPUTE_LEASE', cost: { low: '900', expected: '1000', high: '1200', currency: 'USD' } },
        { name: 'DELAY', cost: { ...range('50'), currency: 'USD' } },
      ],
    });
    const e = withLeadTime(priced, { leadTime: aLeadTime({ low: 1, expected: 2, high: 3 }), source: 'v', costOfDelayPerDay: { amount: '100', currency: 'USD' } });
    expect(e.components.filter((c) => c.name === 'DELAY')).toEqual([{ name: 'DELAY', cost: { low: '100', expected: '200', high: '300', currency: 'USD' } }]);
    expect(e.total).toMatchObject({ low: '1000', expected: '1200', high: '1500' });
  });

  it('leaves an estimate without lead time as it is; refuses a second lead time and a cost of delay in another currency', () => {
    const original = anEstimate();
    expect(withLeadTime(original, { leadTime: null, source: 'verdict', costOfDelayPerDay: null })).toBe(original);
    expect(() => withLeadTime(original, { leadTime: aLeadTime(), source: 'v', costOfDelayPerDay: { amount: '1', currency: 'EUR' } })).toThrow(/EUR/);
    expect(() => withLeadTime(anEstimate({ leadTimeDays: 5 }), { leadTime: aLeadTime(), source: 'v', costOfDelayPerDay: null })).toThrow(/already counts 5/);
  });
});
