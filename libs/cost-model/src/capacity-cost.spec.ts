import { describe, expect, it } from '@jest/globals';
import { capacityCost, type CapacityCostInput, type ColocationCapacityInput, type LeasedCapacityInput, type OwnedCapacityInput } from './capacity-cost.js';
import type { FxRate } from './fx.js';
import { costModelError } from './test/expect-error.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });

const leased: LeasedCapacityInput = {
  ownership: 'LEASED_IAAS',
  devices: 8,
  hours: 100,
  basis: 'ON_DEMAND',
  priceBook: { ON_DEMAND: { low: usd('2.50'), expected: usd('3.00'), high: usd('3.50'), source: 'fact sheet §5.1 specialty H100 range' } },
};

const power = { tdpW: 700, utilisation: 0.8, pue: 1.3, powerPrice: usd('0.10') };

const owned: OwnedCapacityInput = {
  ownership: 'OWNED',
  devices: 8,
  hours: 730,
  purchasePricePerDevice: { ...usd('25000'), source: 'fact sheet §4.2 H100 list ~US$25–30k' },
  lifeMonths: 48,
  hoursPerMonth: 730,
  power,
};

const colocation: ColocationCapacityInput = { ...owned, ownership: 'COLOCATION', colocationFeePerDeviceMonth: usd('150.00') };

describe('capacityCost', () => {
  const cases: { name: string; input: CapacityCostInput; lease: string | null; capital: string | null; colocationFee: string | null; power: string | null; total: string }[] = [
    { name: 'LEASED_IAAS on demand: rate × device-hours', input: leased, lease: '2400', capital: null, colocationFee: null, power: null, total: '2400' },
    {
      name: 'LEASED_IAAS committed',
      input: { ...leased, basis: 'COMMITTED', priceBook: { ...leased.priceBook, COMMITTED: usd('2.35') } },
      lease: '1880',
      capital: null,
      colocationFee: null,
      power: null,
      total: '1880',
    },
    // 25,000 × 5,840 device-hours / (48 × 730 h) = 4,166.67; 700 W × 8 × 730 h × 0.8 × 1.3 / 1000 = 4,251.52 kWh
    { name: 'OWNED: one month of an 8-GPU node, straight-line over 48 months, plus power', input: owned, lease: null, capital: '4166.6666666667', colocationFee: null, power: '425.152', total: '4591.8186666667' },
    { name: 'COLOCATION: OWNED plus 150 USD per device-month', input: colocation, lease: null, capital: '4166.6666666667', colocationFee: '1200', power: '425.152', total: '5791.8186666667' },
  ];
  it.each(cases)('$name', ({ input, lease, capital, colocationFee, power: powerAmount, total }) => {
    const e = capacityCost(input).range.expected;
    const m = (amount: string | null) => (amount === null ? null : usd(amount));
    expect(e).toEqual({ deviceHours: input.devices * (input.hours as number) + '', lease: m(lease), capital: m(capital), colocationFee: m(colocationFee), power: m(powerAmount), total: usd(total) });
  });

  it('ranges over price and hours together: low takes every low', () => {
    const { range } = capacityCost({ ...leased, hours: { low: 80, expected: 100, high: 150 } });
    expect([range.low.total, range.expected.total, range.high.total]).toEqual([usd('1600'), usd('2400'), usd('4200')]);
  });

  it('states the price source and the amortisation convention', () => {
    const { assumptions, breakdown } = capacityCost(owned);
    expect(assumptions).toContainEqual({ name: 'purchase price per device', value: '25000 USD', source: 'fact sheet §4.2 H100 list ~US$25–30k' });
    expect(assumptions.find((a) => a.name === 'amortisation')?.value).toMatch(/straight-line over 48 months of 730 h/);
    expect(breakdown.map((line) => line.name)).toEqual(['device-hours', 'amortised capital', 'energy', 'power cost', 'total']);
  });

  it('states that a colocation fee was not given instead of pricing it silently', () => {
    const result = capacityCost({ ...colocation, colocationFeePerDeviceMonth: null });
    expect(result.range.expected.colocationFee).toBeNull();
    expect(result.assumptions.find((a) => a.name === 'colocation fee')?.value).toMatch(/none given/);
  });

  const missing: { name: string; input: CapacityCostInput; code: 'MISSING_PRICE' | 'MISSING_INPUT'; what: string }[] = [
    { name: 'the chosen lease basis', input: { ...leased, basis: 'COMMITTED' }, code: 'MISSING_PRICE', what: 'priceBook.COMMITTED' },
    { name: 'a null lease rate', input: { ...leased, priceBook: { ON_DEMAND: null } }, code: 'MISSING_PRICE', what: 'priceBook.ON_DEMAND' },
    { name: 'an empty price book', input: { ...leased, priceBook: {} }, code: 'MISSING_PRICE', what: 'priceBook.ON_DEMAND' },
    { name: 'the purchase price (OWNED)', input: { ...owned, purchasePricePerDevice: null }, code: 'MISSING_PRICE', what: 'purchasePricePerDevice' },
    { name: 'the purchase price (COLOCATION)', input: { ...colocation, purchasePricePerDevice: undefined }, code: 'MISSING_PRICE', what: 'purchasePricePerDevice' },
    { name: 'the power price', input: { ...owned, power: { ...power, powerPrice: null } }, code: 'MISSING_PRICE', what: 'powerPrice' },
    { name: 'the TDP', input: { ...colocation, power: { ...power, tdpW: null } }, code: 'MISSING_INPUT', what: 'tdpW' },
  ];
  it.each(missing)('throws $code naming $what when $name is missing', ({ input, code, what }) => {
    const error = costModelError(() => capacityCost(input), code);
    expect(error.missing).toBe(what);
    expect(error.message).toContain(what);
  });

  describe('currencies', () => {
    const myrPower = { ...owned, power: { ...power, powerPrice: { amount: '0.4562', currency: 'MYR' } } };
    const fxRates: FxRate[] = [{ base: 'USD', quote: 'MYR', rate: '4.3', date: '2025-07-01', source: 'fact sheet §5.2' }];

    it('refuses to add USD capital to MYR power without FX', () => {
      expect(costModelError(() => capacityCost(myrPower), 'CURRENCY_MISMATCH').missing).toBe('reportIn');
    });

    it('converts every component with the dated FX row and records it', () => {
      const result = capacityCost({ ...myrPower, reportIn: { currency: 'USD', fxRates, onDate: '2026-12-01' } });
      // 4,251.52 kWh × 0.4562 MYR = 1,939.543424 MYR / 4.3
      expect(result.range.expected.power).toEqual(usd('451.0566102326'));
      expect(result.range.expected.total).toEqual(usd('4617.7232768993'));
      expect(result.assumptions).toContainEqual({
        name: 'FX MYR/USD',
        value: '0.2325581395 USD per MYR (inverse of USD/MYR 4.3, dated 2025-07-01, applied on 2026-12-01)',
        source: 'fact sheet §5.2',
      });
    });

    it('throws NO_FX_RATE when the date precedes every row', () => {
      const error = costModelError(() => capacityCost({ ...myrPower, reportIn: { currency: 'USD', fxRates, onDate: '2025-01-01' } }), 'NO_FX_RATE');
      expect(error).toMatchObject({ pair: 'MYR/USD', date: '2025-01-01' });
    });
  });

  describe('chargeback rate instead of a purchase price', () => {
    const { purchasePricePerDevice: _price, lifeMonths: _life, ...rest } = owned;
    const chargeback: OwnedCapacityInput = { ...rest, chargebackRatePerDeviceHour: { ...usd('1.20'), source: 'internal rate card' } };

    const cases: { name: string; input: CapacityCostInput; capital: string; colocationFee: string | null; total: string }[] = [
      // 1.20 × 5,840 device-hours = 7,008, plus the same 425.152 of power as the OWNED case
      { name: 'OWNED: rate × device-hours, plus power', input: chargeback, capital: '7008', colocationFee: null, total: '7433.152' },
      { name: 'COLOCATION: the fee still applies', input: { ...chargeback, ownership: 'COLOCATION', colocationFeePerDeviceMonth: usd('150.00') }, capital: '7008', colocationFee: '1200', total: '8633.152' },
    ];
    it.each(cases)('$name', ({ input, capital, colocationFee, total }) => {
      expect(capacityCost(input).range.expected).toMatchObject({ capital: usd(capital), colocationFee: colocationFee === null ? null : usd(colocationFee), power: usd('425.152'), total: usd(total) });
    });

    it('ranges with the rate: low takes the low rate', () => {
      const { range } = capacityCost({ ...chargeback, chargebackRatePerDeviceHour: { low: usd('1.00'), expected: usd('1.20'), high: usd('1.50') } });
      expect([range.low.capital, range.expected.capital, range.high.capital]).toEqual([usd('5840'), usd('7008'), usd('8760')]);
    });

    it('says the rate stands in for capital, and needs no hardware life', () => {
      const { assumptions, breakdown } = capacityCost(chargeback);
      expect(assumptions).toContainEqual({ name: 'chargeback rate per device-hour', value: '1.2 USD', source: 'internal rate card' });
      expect(assumptions.find((a) => a.name === 'capital')?.value).toMatch(/chargeback rate per device-hour stands in for capital/);
      expect(assumptions.find((a) => a.name === 'amortisation')).toBeUndefined();
      expect(breakdown.find((line) => line.name === 'capital (chargeback)')?.formula).toBe('5840 device-hours × 1.2 USD/device-hour');
    });

    it('refuses both a purchase price and a chargeback rate', () => {
      expect(costModelError(() => capacityCost({ ...owned, chargebackRatePerDeviceHour: usd('1.20') }), 'INVALID_INPUT').missing).toBe('chargebackRatePerDeviceHour');
    });

    it('names both alternatives when neither is given, and needs lifeMonths with a purchase price', () => {
      expect(costModelError(() => capacityCost(rest as OwnedCapacityInput), 'MISSING_PRICE').message).toMatch(/purchase price per device or a chargeback rate/);
      expect(costModelError(() => capacityCost({ ...rest, purchasePricePerDevice: usd('25000') } as OwnedCapacityInput), 'MISSING_INPUT').missing).toBe('lifeMonths');
    });
  });

  it('rejects a price range whose currencies differ', () => {
    costModelError(
      () => capacityCost({ ...leased, priceBook: { ON_DEMAND: { low: usd('2'), expected: usd('3'), high: { amount: '20', currency: 'CNY' } } } }),
      'INVALID_INPUT',
    );
  });
});
