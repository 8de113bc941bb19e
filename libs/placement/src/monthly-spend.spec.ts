import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { committedAmount, monthlySpend } from './monthly-spend.js';

describe('monthlySpend', () => {
  it('keeps a window inside one month whole', () => {
    expect(monthlySpend('100.004', { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' })).toEqual([{ chargePeriodStart: '2027-03-01', chargePeriodEnd: '2027-04-01', amount: '100.00' }]);
  });

  it('splits pro rata by days across months, each part inside its month', () => {
    // 10 days in January, 28 in February, 2 in March: 40 days.
    const parts = monthlySpend('400', { from: '2027-01-22T00:00:00Z', to: '2027-03-03T00:00:00Z' });
    expect(parts).toEqual([
      { chargePeriodStart: '2027-01-22', chargePeriodEnd: '2027-02-01', amount: '100.00' },
      { chargePeriodStart: '2027-02-01', chargePeriodEnd: '2027-03-01', amount: '280.00' },
      { chargePeriodStart: '2027-03-01', chargePeriodEnd: '2027-03-03', amount: '20.00' },
    ]);
  });

  it('adds up exactly to the rounded amount when the shares do not terminate', () => {
    const parts = monthlySpend('1000000.0149999', { from: '2027-01-15T00:00:00Z', to: '2027-07-09T00:00:00Z' });
    expect(parts).toHaveLength(7);
    expect(parts.reduce((sum, p) => sum.add(p.amount), new Decimal(0)).toFixed(2)).toBe(committedAmount('1000000.0149999'));
    expect(committedAmount('1000000.0149999')).toBe('1000000.01');
    expect(parts.every((p) => /^\d+\.\d{2}$/.test(p.amount))).toBe(true);
    // Eight places when the ledger is asked for them.
    expect(monthlySpend('1.123456789', { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' }, 8)[0]!.amount).toBe('1.12345679');
  });

  it('refuses an empty window', () => {
    expect(() => monthlySpend('1', { from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' })).toThrow(/must end after it starts/);
  });
});
