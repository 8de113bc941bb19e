import { describe, expect, it } from '@jest/globals';
import { powerCost, type PowerCostInput } from './power-cost.js';
import { costModelError } from './test/expect-error.js';

const base: PowerCostInput = {
  tdpW: 700,
  devices: 8,
  hours: 730,
  utilisation: 1,
  pue: 1.3,
  powerPrice: { amount: '0.4562', currency: 'MYR', source: 'TNB RP4 base tariff' },
};

describe('powerCost', () => {
  const cases: { name: string; input: Partial<PowerCostInput>; energyKwh: string; cost: string; currency: string }[] = [
    // 700 W × 8 × 730 h × 1.3 / 1000 = 5,314.4 kWh at 45.62 sen (fact sheet §5.2, Peninsular Malaysia)
    { name: 'an H100 node for a month in Johor at PUE 1.3', input: {}, energyKwh: '5314.4', cost: '2424.42928', currency: 'MYR' },
    { name: 'the same node at the global average PUE 1.56', input: { pue: 1.56 }, energyKwh: '6377.28', cost: '2909.315136', currency: 'MYR' },
    { name: 'decimal inputs that drift in binary floats stay exact', input: { tdpW: 1000, devices: 1, hours: 3, utilisation: 0.1, pue: 1.2, powerPrice: { amount: '0.1', currency: 'USD' } }, energyKwh: '0.36', cost: '0.036', currency: 'USD' },
    { name: 'idle devices draw nothing in this model', input: { utilisation: 0 }, energyKwh: '0', cost: '0', currency: 'MYR' },
  ];
  it.each(cases)('$name', ({ input, energyKwh, cost, currency }) => {
    expect(powerCost({ ...base, ...input }).range.expected).toEqual({ energyKwh, cost: { amount: cost, currency } });
  });

  it('takes the low of every uncertain input for range.low', () => {
    const { range, assumptions } = powerCost({ ...base, utilisation: { low: 0.5, expected: 0.7, high: 0.9 }, pue: { low: 1.2, expected: 1.3, high: 1.56, source: 'pue rows' } });
    expect(range.low.energyKwh).toBe('2452.8');
    expect(range.expected.energyKwh).toBe('3720.08');
    expect(range.high.energyKwh).toBe('5739.552');
    expect(assumptions).toContainEqual({ name: 'PUE', value: 'low 1.2 / expected 1.3 / high 1.56', source: 'pue rows' });
    expect(assumptions).toContainEqual({ name: 'power price', value: '0.4562 MYR/kWh', source: 'TNB RP4 base tariff' });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
  ])('throws MISSING_PRICE for a %s power price, never zero', (_label, powerPrice) => {
    expect(costModelError(() => powerCost({ ...base, powerPrice }), 'MISSING_PRICE').missing).toBe('powerPrice');
  });

  it('throws MISSING_INPUT for an unknown TDP', () => {
    expect(costModelError(() => powerCost({ ...base, tdpW: null }), 'MISSING_INPUT').missing).toBe('tdpW');
  });

  const invalid: { name: string; input: Partial<PowerCostInput> }[] = [
    { name: 'utilisation above 1', input: { utilisation: 1.1 } },
    { name: 'PUE below 1', input: { pue: 0.9 } },
    { name: 'negative hours', input: { hours: -1 } },
    { name: 'a negative price', input: { powerPrice: { amount: '-0.1', currency: 'MYR' } } },
    { name: 'a float price', input: { powerPrice: { amount: 0.1 as unknown as string, currency: 'MYR' } } },
  ];
  it.each(invalid)('rejects $name', ({ input }) => {
    costModelError(() => powerCost({ ...base, ...input }), 'INVALID_INPUT');
  });
});
