import { describe, expect, it } from '@jest/globals';
import type { CostEstimateV1 } from '@cp/contracts';
import { Decimal } from 'decimal.js';
import { commitmentByMonth, committedSpend, RunHoldError, runHoldOf } from './run-hold.js';

const money = (expected: string) => ({ low: expected, expected, high: expected, currency: 'USD' });
const qty = (expected: string, unit: string) => ({ low: expected, expected, high: expected, unit });

/** 64 devices for a 46.5 h run: 2,976 device-hours at 2.35 USD, 1,000 USD of data movement and a priced delay. */
function anEstimate(overrides: Partial<CostEstimateV1> = {}): CostEstimateV1 {
  return {
    currency: 'USD',
    total: money('17993.6'),
    components: [
      { name: 'COMPUTE_LEASE', cost: money('6993.6') },
      { name: 'DATA_MOVEMENT', cost: money('1000') },
      { name: 'DELAY', cost: money('10000') },
    ],
    devices: qty('64', 'device'),
    deviceHours: qty('2976', 'device-hour'),
    computeHours: qty('46.5', 'hour'),
    transferDays: qty('0', 'day'),
    leadTimeDays: 0,
    timeToResultDays: qty('1.9375', 'day'),
    listCost: null,
    priceSource: { kind: 'POOL', basis: 'COMMITTED', detail: 'pool p' },
    breakdown: [],
    assumptions: [],
    ...overrides,
  };
}

const window = { from: '2027-03-15T00:00:00Z', to: '2027-05-15T00:00:00Z' };
const training = (overrides: Partial<Parameters<typeof runHoldOf>[0]> = {}) => runHoldOf({ kind: 'TRAINING', window, availableFrom: '2026-01-01T00:00:00Z', devices: 64, estimate: anEstimate(), ...overrides });

describe('runHoldOf', () => {
  it('holds a training run for its expected length rounded up to whole hours, from the window start, not the whole window', () => {
    const hold = training();
    expect(hold).toMatchObject({ window: { from: '2027-03-15T00:00:00.000Z', to: '2027-03-16T23:00:00.000Z' }, devices: 64, hours: '47', deviceHours: '3008' });
    expect(hold.basis).toBe('training run of 46.5 h expected, rounded up to 47 h, from the window start');
  });

  it('starts when the pool becomes available, if that is later than the window start', () => {
    const hold = training({ kind: 'FINE_TUNING', availableFrom: '2027-04-01T06:00:00Z' });
    expect(hold.window).toEqual({ from: '2027-04-01T06:00:00.000Z', to: '2027-04-03T05:00:00.000Z' });
    expect(hold.basis).toMatch(/from 2027-04-01T06:00:00.000Z, when the pool becomes available/);
  });

  it('clips a run longer than the rest of the window to the window end, and says so', () => {
    const hold = training({ availableFrom: '2027-05-14T00:00:00Z' });
    expect(hold).toMatchObject({ window: { from: '2027-05-14T00:00:00.000Z', to: '2027-05-15T00:00:00.000Z' }, hours: '24', deviceHours: '1536' });
    expect(hold.basis).toMatch(/clipped to the window end after 24 h/);
  });

  it('refuses a run the pool cannot start before the window ends', () => {
    expect(() => training({ availableFrom: '2027-05-15T00:00:00Z' })).toThrow(RunHoldError);
    expect(() => training({ availableFrom: '2027-06-01T00:00:00Z' })).toThrow(/cannot start inside it/);
  });

  it('holds at least an hour for a run shorter than one', () => {
    expect(training({ estimate: anEstimate({ computeHours: qty('0.2', 'hour') }) }).hours).toBe('1');
  });

  it('holds an inference fleet for the whole window', () => {
    const hold = runHoldOf({ kind: 'INFERENCE', window, availableFrom: '2027-04-01T00:00:00Z', devices: 3, estimate: anEstimate() });
    expect(hold).toMatchObject({ window: { from: '2027-03-15T00:00:00.000Z', to: '2027-05-15T00:00:00.000Z' }, devices: 3, hours: '1464', deviceHours: '4392' });
  });
});

describe('committedSpend', () => {
  it("prices the hold's device-hours at the estimate's rate, adds one-off data movement and leaves the cost of delay out", () => {
    // 6993.6 / 2976 = 2.35 per device-hour; 3008 device-hours held.
    expect(committedSpend(anEstimate(), training())).toBe(new Decimal('2.35').mul(3008).add(1000).toFixed(2));
  });

  it("scales an inference estimate's months to the window held", () => {
    const estimate = anEstimate({ components: [{ name: 'COMPUTE_LEASE', cost: money('2190') }], deviceHours: qty('2190', 'device-hour') });
    const hold = runHoldOf({ kind: 'INFERENCE', window, availableFrom: null, devices: 3, estimate });
    expect(committedSpend(estimate, hold)).toBe('4392.00');
  });

  it('refuses an estimate without device-hours', () => {
    expect(() => committedSpend(anEstimate({ deviceHours: qty('0', 'device-hour') }), training())).toThrow(RunHoldError);
  });
});

describe('commitmentByMonth', () => {
  it('books a hold inside one month as one entry with all its device-hours', () => {
    expect(commitmentByMonth('8068.80', training())).toEqual([{ chargePeriodStart: '2027-03-15', chargePeriodEnd: '2027-03-17', amount: '8068.80', deviceHours: '3008' }]);
  });

  it('splits a hold across months by the device-hours in each, both adding up exactly', () => {
    const hold = training({ availableFrom: '2027-03-31T12:00:00Z' });
    const parts = commitmentByMonth('100.00', hold);
    // 12 of the 47 hours fall in March; the run ends 2027-04-02T11:00.
    expect(parts).toEqual([
      { chargePeriodStart: '2027-03-31', chargePeriodEnd: '2027-04-01', amount: '25.53', deviceHours: '768' },
      { chargePeriodStart: '2027-04-01', chargePeriodEnd: '2027-04-03', amount: '74.47', deviceHours: '2240' },
    ]);
  });

  it('covers every month of an inference window, with the rounding remainders in the last', () => {
    const hold = runHoldOf({ kind: 'INFERENCE', window: { from: '2027-01-10T00:00:00Z', to: '2027-03-20T08:30:00Z' }, availableFrom: null, devices: 7, estimate: anEstimate() });
    const parts = commitmentByMonth('12345.67', hold);
    expect(parts.map((p) => [p.chargePeriodStart, p.chargePeriodEnd])).toEqual([
      ['2027-01-10', '2027-02-01'],
      ['2027-02-01', '2027-03-01'],
      ['2027-03-01', '2027-03-21'],
    ]);
    expect(parts.reduce((s, p) => s.add(p.amount), new Decimal(0)).toFixed(2)).toBe('12345.67');
    expect(parts.reduce((s, p) => s.add(p.deviceHours), new Decimal(0)).eq(hold.deviceHours)).toBe(true);
    expect(hold.deviceHours).toBe(new Decimal(7).mul(new Decimal(69 * 24 + 8.5)).toFixed());
  });
});
