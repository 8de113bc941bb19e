import { describe, expect, it } from '@jest/globals';
import { sumMoney, type Money } from './money.js';
import { costModelError } from './test/expect-error.js';

const usd = (amount: string): Money => ({ amount, currency: 'USD' });

describe('sumMoney', () => {
  const repeated: { amount: string; count: number; total: string }[] = [
    { amount: '0.10', count: 100_000, total: '10000.00' },
    { amount: '0.1', count: 100_000, total: '10000.0' },
    { amount: '0.01', count: 100_000, total: '1000.00' },
    { amount: '0.07', count: 100_000, total: '7000.00' },
    { amount: '0.333', count: 100_000, total: '33300.000' },
  ];
  it.each(repeated)('sums $count × "$amount" exactly to "$total"', ({ amount, count, total }) => {
    expect(sumMoney(Array.from({ length: count }, () => usd(amount)))).toEqual(usd(total));
  });

  it('sums 100,000 mixed amounts exactly where binary floats drift', () => {
    const cents = ['0.01', '0.1', '0.2', '0.3', '0.05'];
    const list = Array.from({ length: 100_000 }, (_, i) => usd(cents[i % cents.length] as string));
    expect(sumMoney(list)).toEqual(usd('13200.00'));
    expect(list.reduce((acc, m) => acc + Number(m.amount), 0)).not.toBe(13200);
  });

  const cases: { name: string; list: Money[]; currency?: string; total: Money }[] = [
    { name: 'keeps the largest input scale', list: [usd('1.5'), usd('2.25'), usd('3')], total: usd('6.75') },
    { name: 'allows credits', list: [usd('10.00'), usd('-2.50')], total: usd('7.50') },
    { name: 'an empty list in a named currency is zero', list: [], currency: 'MYR', total: { amount: '0', currency: 'MYR' } },
    { name: 'a zero sum keeps its scale', list: [usd('1.00'), usd('-1.00')], total: usd('0.00') },
  ];
  it.each(cases)('$name', ({ list, currency, total }) => {
    expect(sumMoney(list, currency)).toEqual(total);
  });

  it('refuses mixed currencies', () => {
    const error = costModelError(() => sumMoney([usd('1'), { amount: '1', currency: 'MYR' }]), 'CURRENCY_MISMATCH');
    expect(error.missing).toBe('fx MYR/USD');
  });

  it('needs a currency for an empty list', () => {
    expect(costModelError(() => sumMoney([]), 'MISSING_INPUT').missing).toBe('currency');
  });

  it.each([['1.2.3'], ['1e3'], ['12,50'], [''], ['.5']])('rejects the amount %p', (amount) => {
    costModelError(() => sumMoney([usd(amount)]), 'INVALID_INPUT');
  });
});
