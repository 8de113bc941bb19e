import { describe, expect, it } from '@jest/globals';
import { convert, fxAssumption, fxRateOn, type FxRate } from './fx.js';
import { costModelError } from './test/expect-error.js';

const table: FxRate[] = [
  { base: 'USD', quote: 'MYR', rate: '4.3', date: '2025-07-01', source: 'fact sheet §5.2' },
  { base: 'USD', quote: 'CNY', rate: '7.1', date: '2025-01-01', source: 'older row' },
  { base: 'USD', quote: 'CNY', rate: '7.2', date: '2026-01-01', source: 'fact sheet §5.2' },
  { base: 'USD', quote: 'AED', rate: '3.6725', date: '1997-11-01', source: 'peg' },
];

describe('convert', () => {
  const cases: { name: string; amount: string; from: string; to: string; on: string; expected: string }[] = [
    { name: 'direct row multiplies exactly', amount: '100', from: 'USD', to: 'MYR', on: '2026-12-01', expected: '430' },
    { name: 'inverse row divides', amount: '430', from: 'MYR', to: 'USD', on: '2026-12-01', expected: '100' },
    { name: 'inverse row rounds half-even to 10 places', amount: '1', from: 'MYR', to: 'USD', on: '2026-12-01', expected: '0.2325581395' },
    { name: 'the row in force on the date applies', amount: '10', from: 'USD', to: 'CNY', on: '2025-12-31', expected: '71' },
    { name: 'a row applies from its own date', amount: '10', from: 'USD', to: 'CNY', on: '2026-01-01', expected: '72' },
    { name: 'a peg', amount: '1000000.00', from: 'USD', to: 'AED', on: '2026-12-01', expected: '3672500' },
    { name: 'same currency is the identity', amount: '12.30', from: 'SGD', to: 'SGD', on: '1900-01-01', expected: '12.30' },
  ];
  it.each(cases)('$name: $amount $from → $expected $to on $on', ({ amount, from, to, on, expected }) => {
    expect(convert({ amount, currency: from }, to, table, on)).toEqual({ amount: expected, currency: to });
  });

  const missing: { name: string; from: string; to: string; on: string }[] = [
    { name: 'a date before the first row', from: 'USD', to: 'MYR', on: '2025-06-30' },
    { name: 'an inverse pair before the first row', from: 'CNY', to: 'USD', on: '2024-12-31' },
    { name: 'a pair with no row at all', from: 'USD', to: 'JPY', on: '2026-12-01' },
    { name: 'a cross pair (no triangulation)', from: 'MYR', to: 'CNY', on: '2026-12-01' },
  ];
  it.each(missing)('throws NO_FX_RATE naming pair and date for $name', ({ from, to, on }) => {
    const error = costModelError(() => convert({ amount: '1', currency: from }, to, table, on), 'NO_FX_RATE');
    expect(error).toMatchObject({ pair: `${from}/${to}`, date: on, missing: `fx ${from}/${to}` });
    expect(error.message).toContain(`${from}/${to}`);
    expect(error.message).toContain(on);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    costModelError(() => convert({ amount: '1', currency: 'USD' }, 'MYR', table, '2026-12-01T00:00:00Z'), 'INVALID_INPUT');
  });

  it('prefers a direct row over an inverse row of the same date', () => {
    const both: FxRate[] = [
      { base: 'MYR', quote: 'USD', rate: '0.25', date: '2026-01-01', source: 'inverse' },
      { base: 'USD', quote: 'MYR', rate: '4.3', date: '2026-01-01', source: 'direct' },
    ];
    expect(fxRateOn(both, 'USD', 'MYR', '2026-06-01')).toMatchObject({ rate: '4.3', inverted: false, row: { source: 'direct' } });
  });
});

describe('fxRateOn', () => {
  it('reports the row used and whether it was inverted', () => {
    expect(fxRateOn(table, 'MYR', 'USD', '2026-12-01')).toEqual({ rate: '0.2325581395', row: table[0], inverted: true });
  });
});

describe('fxAssumption', () => {
  const cases: { from: string; to: string; value: string; source: string }[] = [
    { from: 'USD', to: 'CNY', value: '7.2 CNY per USD (row USD/CNY, dated 2026-01-01, applied on 2026-12-01)', source: 'fact sheet §5.2' },
    { from: 'MYR', to: 'USD', value: '0.2325581395 USD per MYR (inverse of USD/MYR 4.3, dated 2025-07-01, applied on 2026-12-01)', source: 'fact sheet §5.2' },
  ];
  it.each(cases)('records $from/$to with the row it used', ({ from, to, value, source }) => {
    expect(fxAssumption(table, from, to, '2026-12-01')).toEqual({ name: `FX ${from}/${to}`, value, source });
  });

  it('throws NO_FX_RATE like convert', () => {
    expect(costModelError(() => fxAssumption(table, 'USD', 'JPY', '2026-12-01'), 'NO_FX_RATE').pair).toBe('USD/JPY');
  });
});
