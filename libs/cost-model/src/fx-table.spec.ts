import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { convert, fxRateOn } from './fx.js';
import { fxTableRates, parseFxTable, type FxTable } from './fx-table.js';
import { costModelError } from './test/expect-error.js';

const raw = (): Record<string, unknown> => JSON.parse(readFileSync(join('data', 'fx-rates', 'fx-rates.v1.json'), 'utf8'));
const table = parseFxTable(raw());
const rates = fxTableRates(table);

describe('fx-rates.v1.json', () => {
  it('parses, with a version and an effective date', () => {
    expect(table).toMatchObject({ dataset: 'fx-rates', version: '2026.12.1', effectiveFrom: '2026-12-01' });
  });

  // Rates the fact sheet states (§5.2), the THB rate its Thailand row implies, and the two official pegs.
  const fx: { quote: string; rate: string; date: string; evidence: string; peg: boolean }[] = [
    { quote: 'MYR', rate: '4.3', date: '2025-07-01', evidence: 'E', peg: false },
    { quote: 'SGD', rate: '1.32', date: '2023-07-01', evidence: 'E', peg: false },
    { quote: 'CNY', rate: '7.2', date: '2026-01-01', evidence: 'E', peg: false },
    { quote: 'IDR', rate: '16701', date: '2025-01-01', evidence: 'E', peg: false },
    { quote: 'THB', rate: '36.1', date: '2025-03-01', evidence: 'E', peg: false },
    { quote: 'AED', rate: '3.6725', date: '1997-11-01', evidence: 'S', peg: true },
    { quote: 'SAR', rate: '3.75', date: '1986-06-01', evidence: 'S', peg: true },
  ];
  it('holds exactly these rows', () => {
    expect(table.rates.map((r) => `${r.base}/${r.quote}`)).toEqual(fx.map((r) => `USD/${r.quote}`));
  });

  it.each(fx)('converts 1 USD to $rate $quote on the file date (row of $date, [$evidence])', ({ quote, rate, date, evidence, peg }) => {
    expect(convert({ amount: '1', currency: 'USD' }, quote, rates, table.effectiveFrom)).toEqual({ amount: rate, currency: quote });
    expect(table.rates.find((r) => r.quote === quote)).toMatchObject({ date, evidence, peg });
  });

  it('holds no JPY rate: the fact sheet states none and the yen floats', () => {
    const error = costModelError(() => convert({ amount: '1', currency: 'USD' }, 'JPY', rates, table.effectiveFrom), 'NO_FX_RATE');
    expect(error.pair).toBe('USD/JPY');
  });

  it('applies no row before its date: CNY is dated 2026-01-01', () => {
    expect(costModelError(() => convert({ amount: '1', currency: 'CNY' }, 'USD', rates, '2025-12-31'), 'NO_FX_RATE')).toMatchObject({ pair: 'CNY/USD', date: '2025-12-31' });
  });

  it('every note of a derived row says what it is', () => {
    expect(table.rates.filter((r) => r.evidence === 'E' && r.note === null)).toEqual([]);
  });
});

describe('fxTableRates', () => {
  it('cites "fx-rates <version> <BASE>-<QUOTE> [<evidence>]: <source>"', () => {
    const myr = rates.find((r) => r.quote === 'MYR');
    expect(myr).toEqual({
      base: 'USD',
      quote: 'MYR',
      rate: '4.3',
      date: '2025-07-01',
      source: 'fx-rates 2026.12.1 USD-MYR [E]: fact sheet §5.2 FX assumption of the Peninsular Malaysia tariff row (tariff from 2025-07-01)',
    });
    expect(rates.every((r) => /^fx-rates 2026\.12\.1 USD-[A-Z]{3} \[(P|S|E|UNVERIFIED)\]: \S/.test(r.source))).toBe(true);
  });

  it('records the row an inverse conversion used', () => {
    expect(fxRateOn(rates, 'CNY', 'USD', '2026-12-01')).toMatchObject({ rate: '0.1388888889', inverted: true, row: { base: 'USD', quote: 'CNY', date: '2026-01-01' } });
  });
});

describe('parseFxTable', () => {
  type Edit = (file: FxTable & Record<string, unknown>) => void;
  const row0 = (f: FxTable) => f.rates[0] as Record<string, unknown>;
  const broken: { name: string; edit: Edit; issue: RegExp }[] = [
    { name: 'another data set', edit: (f) => void ((f as Record<string, unknown>).dataset = 'cost-scenarios'), issue: /^dataset:/ },
    { name: 'a bad version', edit: (f) => void (f.version = 'v1'), issue: /^version: must look like 2026\.12\.1/ },
    { name: 'an unknown key', edit: (f) => void (f.fxRates = []), issue: /Unrecognized key/ },
    { name: 'no rows', edit: (f) => void (f.rates = []), issue: /^rates:/ },
    { name: 'a float rate', edit: (f) => void (row0(f).rate = 4.3), issue: /^rates\.0\.rate/ },
    { name: 'a zero rate', edit: (f) => void (row0(f).rate = '0'), issue: /^rates\.0\.rate: must be positive/ },
    { name: 'a row from a currency to itself', edit: (f) => void (row0(f).quote = 'USD'), issue: /^rates\.0\.quote: must differ from base/ },
    { name: 'a bad date', edit: (f) => void (row0(f).date = '2025-7-1'), issue: /^rates\.0\.date/ },
    { name: 'an unknown evidence tag', edit: (f) => void (row0(f).evidence = 'X'), issue: /^rates\.0\.evidence/ },
    {
      name: 'an inverse row on the same date',
      edit: (f) => void f.rates.push({ ...(f.rates[0] as FxTable['rates'][number]), base: 'MYR', quote: 'USD', rate: '0.23' }),
      issue: /^rates\.7\.date: duplicate FX pair and date MYR\/USD 2025-07-01/,
    },
    {
      name: 'a second reading of a pair on the same date',
      edit: (f) => void f.rates.push({ ...(f.rates[2] as FxTable['rates'][number]), rate: '7.1' }),
      issue: /duplicate FX pair and date CNY\/USD 2026-01-01/,
    },
  ];
  it.each(broken)('rejects $name', ({ edit, issue }) => {
    const file = raw() as FxTable & Record<string, unknown>;
    edit(file);
    const error = costModelError(() => parseFxTable(file), 'INVALID_FX_TABLE');
    expect(error.issues.some((i) => issue.test(i))).toBe(true);
    expect(error.message).toContain(error.issues[0]);
  });

  it('names every issue, not the first', () => {
    const file = raw() as FxTable & Record<string, unknown>;
    file.version = 'v1';
    row0(file).rate = '0';
    expect(costModelError(() => parseFxTable(file), 'INVALID_FX_TABLE').issues).toHaveLength(2);
  });

  it('accepts a later reading of a pair on another date', () => {
    const file = raw() as FxTable & Record<string, unknown>;
    file.rates.push({ ...(file.rates[2] as FxTable['rates'][number]), rate: '7.0', date: '2027-01-01' });
    const later = fxTableRates(parseFxTable(file));
    expect(convert({ amount: '1', currency: 'USD' }, 'CNY', later, '2026-12-31').amount).toBe('7.2');
    expect(convert({ amount: '1', currency: 'USD' }, 'CNY', later, '2027-01-01').amount).toBe('7');
  });
});
