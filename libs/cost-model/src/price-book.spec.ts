import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { parsePriceBook, priceBookContractRate, priceBookDeviceHourRate, priceBookPurchasePrice, type ContractRate, type DeviceHourRate, type PriceBook } from './price-book.js';
import { costModelError } from './test/expect-error.js';

const raw = (): Record<string, unknown> => JSON.parse(readFileSync(join('data', 'price-books', 'price-book.v1.json'), 'utf8'));
const book = parsePriceBook(raw());
const catalogIds = new Set(
  (JSON.parse(readFileSync(join('data', 'accelerators', 'accelerators.v1.json'), 'utf8')) as { accelerators: { id: string }[] }).accelerators.map((a) => a.id),
);
const MERCATUS = 'https://www.mercatus-ai.com/blog/cloud-gpu-pricing';

describe('price-book.v1.json', () => {
  it('parses, with a version and an effective date, and ships no contract rates', () => {
    expect(book).toMatchObject({ dataset: 'price-book', version: '2026.12.1', effectiveFrom: '2026-12-01', contractRates: [] });
  });

  // Fact sheet §5.1: mercatus 2026-05 on-demand ranges (hyperscaler / specialty / long-tail).
  const onDemand: { accelerator: string; tier: string; low: string; high: string }[] = [
    { accelerator: 'nvidia-a100-sxm', tier: 'HYPERSCALER', low: '1.50', high: '3.00' },
    { accelerator: 'nvidia-a100-sxm', tier: 'SPECIALTY', low: '1.10', high: '1.50' },
    { accelerator: 'nvidia-a100-sxm', tier: 'LONG_TAIL', low: '0.80', high: '1.10' },
    { accelerator: 'nvidia-h100-sxm', tier: 'HYPERSCALER', low: '3.50', high: '5.00' },
    { accelerator: 'nvidia-h100-sxm', tier: 'SPECIALTY', low: '2.50', high: '3.50' },
    { accelerator: 'nvidia-h100-sxm', tier: 'LONG_TAIL', low: '1.99', high: '2.50' },
    { accelerator: 'nvidia-h200-sxm', tier: 'HYPERSCALER', low: '4.50', high: '7.00' },
    { accelerator: 'nvidia-h200-sxm', tier: 'SPECIALTY', low: '3.50', high: '4.50' },
    { accelerator: 'nvidia-h200-sxm', tier: 'LONG_TAIL', low: '2.50', high: '3.50' },
  ];
  const row = (accelerator: string, basis: string, tier: string): DeviceHourRate | undefined =>
    book.deviceHourRates.find((r) => r.acceleratorIds.includes(accelerator) && r.basis === basis && r.tier === tier);

  it.each(onDemand)('ON_DEMAND $accelerator $tier: $low–$high USD, expected the midpoint [E]', ({ accelerator, tier, low, high }) => {
    const r = row(accelerator, 'ON_DEMAND', tier);
    const midpoint = new Decimal(low).add(high).div(2);
    expect(r).toMatchObject({ rate: { low, high }, currency: 'USD', evidence: 'S', asOf: '2026-05-01' });
    expect(new Decimal(r?.rate.expected ?? 'NaN').eq(midpoint)).toBe(true);
    expect(r?.source).toContain(MERCATUS);
    expect(r?.note).toMatch(/midpoint .*\[E\]/);
  });

  it('H100 COMMITTED is the 1-year reserved index: US$1.70 (Oct 2025) to US$2.35 (Mar 2026), the latest reading expected', () => {
    const r = row('nvidia-h100-sxm', 'COMMITTED', 'SPECIALTY');
    expect(r).toMatchObject({ rate: { low: '1.70', expected: '2.35', high: '2.35' }, evidence: 'S', asOf: '2026-03-01' });
    expect(r?.source).toMatch(/SemiAnalysis/);
    expect(book.deviceHourRates.filter((x) => x.acceleratorIds.includes('nvidia-h100-sxm') && x.basis === 'COMMITTED')).toHaveLength(1);
  });

  // A100 and H200 have no published reserved rate: on-demand less the 30–50% rule of thumb.
  const derived = onDemand.filter((r) => r.accelerator !== 'nvidia-h100-sxm');
  it.each(derived)('COMMITTED $accelerator $tier is derived [E]: on-demand low × 0.5, expected × 0.6, high × 0.7', ({ accelerator, tier }) => {
    const od = row(accelerator, 'ON_DEMAND', tier);
    const committed = row(accelerator, 'COMMITTED', tier);
    expect(committed?.evidence).toBe('E');
    expect(committed?.note).toMatch(/30%|40%|50%/);
    expect(committed?.source).toMatch(/30–50% off on-demand/);
    const times = (a: string | undefined, f: string) => new Decimal(a ?? 'NaN').mul(f);
    expect(new Decimal(committed?.rate.low ?? 'NaN').eq(times(od?.rate.low, '0.5'))).toBe(true);
    expect(new Decimal(committed?.rate.expected ?? 'NaN').eq(times(od?.rate.expected, '0.6'))).toBe(true);
    expect(new Decimal(committed?.rate.high ?? 'NaN').eq(times(od?.rate.high, '0.7'))).toBe(true);
  });

  it('holds the DeepSeek H800 reference of US$2/GPU-h as a point figure', () => {
    expect(row('nvidia-h800-sxm', 'ON_DEMAND', 'ANY')).toMatchObject({ rate: { low: '2', expected: '2', high: '2' }, evidence: 'S', asOf: '2024-12-01' });
  });

  it('holds nothing else: no invented rates for unpriced accelerators', () => {
    expect(book.deviceHourRates).toHaveLength(9 + 1 + 6 + 1);
    const priced = new Set(book.deviceHourRates.flatMap((r) => r.acceleratorIds));
    expect([...priced].sort()).toEqual(['nvidia-a100-sxm', 'nvidia-h100-sxm', 'nvidia-h200-sxm', 'nvidia-h800-sxm']);
  });

  // Fact sheet §4.2 device prices.
  const purchases: { accelerator: string; low: string; expected: string; high: string }[] = [
    { accelerator: 'nvidia-h100-sxm', low: '25000', expected: '27500', high: '30000' },
    { accelerator: 'nvidia-h20', low: '10000', expected: '11000', high: '12000' },
    { accelerator: 'nvidia-rtx-pro-6000d', low: '6500', expected: '7250', high: '8000' },
  ];
  it.each(purchases)('purchase price of $accelerator: $low–$high USD', ({ accelerator, low, expected, high }) => {
    const price = priceBookPurchasePrice(book, accelerator);
    expect(price).toMatchObject({ low: { amount: low, currency: 'USD' }, expected: { amount: expected, currency: 'USD' }, high: { amount: high, currency: 'USD' } });
    expect(price?.source).toMatch(/^price-book 2026\.12\.1 purchasePrices\/[a-z0-9-]+ \[S\]: fact sheet §4\.2/);
  });

  it('has purchase prices only where the fact sheet gives one', () => {
    expect(book.purchasePrices.flatMap((r) => r.acceleratorIds).sort()).toEqual(purchases.map((p) => p.accelerator).sort());
    expect(priceBookPurchasePrice(book, 'huawei-ascend-910c')).toBeNull();
  });

  it('names only accelerators of the catalog', () => {
    const ids = [...book.deviceHourRates.flatMap((r) => r.acceleratorIds), ...book.purchasePrices.flatMap((r) => r.acceleratorIds)];
    expect(ids.filter((id) => !catalogIds.has(id))).toEqual([]);
  });

  it('every row has a dated source', () => {
    expect([...book.deviceHourRates, ...book.purchasePrices].filter((r) => !/https?:\/\//.test(r.source) || !/^\d{4}-\d{2}-\d{2}$/.test(r.asOf))).toEqual([]);
  });
});

describe('priceBookDeviceHourRate', () => {
  const cases: { name: string; accelerator: string; basis: 'ON_DEMAND' | 'COMMITTED'; id: string | null; choice?: RegExp }[] = [
    { name: 'three tiers: the SPECIALTY row', accelerator: 'nvidia-h100-sxm', basis: 'ON_DEMAND', id: 'h100-sxm-on-demand-specialty', choice: /^tier SPECIALTY of HYPERSCALER, SPECIALTY, LONG_TAIL/ },
    { name: 'one row: that row', accelerator: 'nvidia-h100-sxm', basis: 'COMMITTED', id: 'h100-sxm-committed-1yr-neocloud-index', choice: /^the only COMMITTED row for nvidia-h100-sxm \(tier SPECIALTY\)/ },
    { name: 'one ANY row', accelerator: 'nvidia-h800-sxm', basis: 'ON_DEMAND', id: 'h800-sxm-deepseek-reference', choice: /tier ANY/ },
    { name: 'a derived committed rate', accelerator: 'nvidia-h200-sxm', basis: 'COMMITTED', id: 'h200-sxm-committed-specialty-derived' },
    { name: 'a basis the book lacks', accelerator: 'nvidia-h800-sxm', basis: 'COMMITTED', id: null },
    { name: 'an unpriced accelerator', accelerator: 'huawei-ascend-910c', basis: 'ON_DEMAND', id: null },
  ];
  it.each(cases)('$name', ({ accelerator, basis, id, choice }) => {
    const match = priceBookDeviceHourRate(book, accelerator, basis);
    expect(match?.row.id ?? null).toBe(id);
    if (choice) expect(match?.tierChoice).toMatch(choice);
  });

  it('returns the rate as a sourced Money range', () => {
    const match = priceBookDeviceHourRate(book, 'nvidia-h100-sxm', 'ON_DEMAND');
    expect(match?.price).toMatchObject({ low: { amount: '2.50', currency: 'USD', asOf: '2026-05-01' }, expected: { amount: '3.00' }, high: { amount: '3.50' } });
    expect(match?.price.source).toBe(`price-book 2026.12.1 deviceHourRates/h100-sxm-on-demand-specialty [S]: fact sheet §5.1 market range, on-demand US$/GPU-h, H100 specialty 2.50–3.50 (2026-05) [S] ${MERCATUS}`);
  });

  it('takes ANY when several tiers but no SPECIALTY are listed, and nothing when neither is', () => {
    const base = book.deviceHourRates.find((r) => r.id === 'h100-sxm-on-demand-hyperscaler') as DeviceHourRate;
    const rows = (tiers: DeviceHourRate['tier'][]): PriceBook => ({ ...book, deviceHourRates: tiers.map((tier) => ({ ...base, id: `x-${tier.toLowerCase().replace('_', '-')}`, tier })) });
    expect(priceBookDeviceHourRate(rows(['HYPERSCALER', 'ANY', 'LONG_TAIL']), 'nvidia-h100-sxm', 'ON_DEMAND')?.row.tier).toBe('ANY');
    expect(priceBookDeviceHourRate(rows(['HYPERSCALER', 'LONG_TAIL']), 'nvidia-h100-sxm', 'ON_DEMAND')).toBeNull();
  });
});

describe('priceBookContractRate', () => {
  const contract = (over: Partial<ContractRate>): ContractRate => ({
    poolId: 'pool-my-johor-sedenak-h100-1',
    basis: 'COMMITTED',
    rate: '1.95',
    currency: 'USD',
    source: 'MSA 2026-11 schedule B',
    asOf: '2026-11-15',
    validFrom: '2026-12-01',
    validTo: '2027-12-01',
    ...over,
  });
  const withContracts = (rows: ContractRate[]): PriceBook => parsePriceBook({ ...raw(), contractRates: rows });
  const signed = withContracts([contract({}), contract({ validFrom: '2027-12-01', validTo: null, rate: '1.80' }), contract({ basis: 'ON_DEMAND', rate: '2.90' })]);

  const cases: { name: string; basis: 'ON_DEMAND' | 'COMMITTED'; on: string; pool?: string; rate: string | null }[] = [
    { name: 'in force from its first day', basis: 'COMMITTED', on: '2026-12-01', rate: '1.95' },
    { name: 'the renewal from the day the first ends (half-open)', basis: 'COMMITTED', on: '2027-12-01', rate: '1.8' },
    { name: 'an open-ended window', basis: 'COMMITTED', on: '2035-01-01', rate: '1.8' },
    { name: 'the row of the basis asked for', basis: 'ON_DEMAND', on: '2027-01-01', rate: '2.90' },
    { name: 'nothing before the first window', basis: 'COMMITTED', on: '2026-11-30', rate: null },
    { name: 'nothing for another pool', basis: 'COMMITTED', on: '2027-01-01', pool: 'pool-other-1', rate: null },
  ];
  it.each(cases)('$name', ({ basis, on, pool, rate }) => {
    const match = priceBookContractRate(signed, pool ?? 'pool-my-johor-sedenak-h100-1', basis, on);
    expect(match === null ? null : new Decimal(match.price.amount).toString()).toBe(rate === null ? null : new Decimal(rate).toString());
  });

  it('cites the contract row and its window', () => {
    expect(priceBookContractRate(signed, 'pool-my-johor-sedenak-h100-1', 'COMMITTED', '2027-01-01')?.price).toEqual({
      amount: '1.95',
      currency: 'USD',
      asOf: '2026-11-15',
      source: 'price-book 2026.12.1 contractRates/0 pool-my-johor-sedenak-h100-1 COMMITTED (valid 2026-12-01 to 2027-12-01): MSA 2026-11 schedule B',
    });
  });

  it('rejects overlapping windows for one pool and basis', () => {
    const error = costModelError(() => withContracts([contract({}), contract({ validFrom: '2027-06-01', validTo: null })]), 'INVALID_PRICE_BOOK');
    expect(error.issues).toEqual(['contractRates.1.validFrom: overlaps contractRates.0 for pool-my-johor-sedenak-h100-1/COMMITTED']);
  });
});

describe('parsePriceBook', () => {
  type File = PriceBook & Record<string, unknown>;
  const rate0 = (f: File) => f.deviceHourRates[0] as unknown as Record<string, unknown>;
  const broken: { name: string; edit: (f: File) => void; issue: RegExp }[] = [
    { name: 'another data set', edit: (f) => void ((f as Record<string, unknown>).dataset = 'fx-rates'), issue: /^dataset:/ },
    { name: 'a bad version', edit: (f) => void (f.version = '1'), issue: /^version: must look like 2026\.12\.1/ },
    { name: 'an unknown key', edit: (f) => void (f.spot = []), issue: /Unrecognized key/ },
    { name: 'a float rate', edit: (f) => void (rate0(f).rate = { low: 1.5, expected: 2.25, high: 3 }), issue: /^deviceHourRates\.0\.rate\.low/ },
    { name: 'an unordered rate', edit: (f) => void (rate0(f).rate = { low: '3.00', expected: '2.25', high: '3.00' }), issue: /^deviceHourRates\.0\.rate: must satisfy low ≤ expected ≤ high/ },
    { name: 'a zero rate', edit: (f) => void (rate0(f).rate = { low: '0', expected: '2.25', high: '3.00' }), issue: /^deviceHourRates\.0\.rate\.low: must be positive/ },
    { name: 'an unknown tier', edit: (f) => void (rate0(f).tier = 'SPOT'), issue: /^deviceHourRates\.0\.tier/ },
    { name: 'a CAPEX basis for a device-hour rate', edit: (f) => void (rate0(f).basis = 'CAPEX'), issue: /^deviceHourRates\.0\.basis/ },
    { name: 'no accelerator', edit: (f) => void (rate0(f).acceleratorIds = []), issue: /^deviceHourRates\.0\.acceleratorIds/ },
    { name: 'a second row for one accelerator, basis and tier', edit: (f) => void f.deviceHourRates.push({ ...(f.deviceHourRates[1] as DeviceHourRate), id: 'copy' }), issue: /^deviceHourRates\.17\.acceleratorIds\.0: duplicate device-hour rate for nvidia-a100-sxm\/ON_DEMAND\/SPECIALTY/ },
    { name: 'a duplicate id', edit: (f) => void f.deviceHourRates.push({ ...(f.deviceHourRates[0] as DeviceHourRate), tier: 'ANY' }), issue: /^deviceHourRates\.17\.id: duplicate deviceHourRates id a100-sxm-on-demand-hyperscaler/ },
    { name: 'two purchase prices for one accelerator', edit: (f) => void f.purchasePrices.push({ ...(f.purchasePrices[0] as PriceBook['purchasePrices'][number]), id: 'again' }), issue: /^purchasePrices\.3\.acceleratorIds\.0: duplicate purchase price for nvidia-h100-sxm/ },
    { name: 'a contract for a non-pool id', edit: (f) => void (f.contractRates = [{ poolId: 'h100', basis: 'COMMITTED', rate: '2', currency: 'USD', source: 'x', asOf: '2026-01-01', validFrom: '2026-01-01', validTo: null }]), issue: /^contractRates\.0\.poolId/ },
    { name: 'a contract that ends before it starts', edit: (f) => void (f.contractRates = [{ poolId: 'pool-a-1', basis: 'COMMITTED', rate: '2', currency: 'USD', source: 'x', asOf: '2026-01-01', validFrom: '2026-01-01', validTo: '2026-01-01' }]), issue: /^contractRates\.0\.validTo: must be after validFrom/ },
    { name: 'a zero contract rate', edit: (f) => void (f.contractRates = [{ poolId: 'pool-a-1', basis: 'COMMITTED', rate: '0', currency: 'USD', source: 'x', asOf: '2026-01-01', validFrom: '2026-01-01', validTo: null }]), issue: /^contractRates\.0\.rate: must be positive/ },
  ];
  it.each(broken)('rejects $name', ({ edit, issue }) => {
    const file = raw() as File;
    edit(file);
    const error = costModelError(() => parsePriceBook(file), 'INVALID_PRICE_BOOK');
    expect(error.issues.some((i) => issue.test(i))).toBe(true);
  });

  it('rejects a derived or UNVERIFIED row without a note', () => {
    const file = raw() as File;
    Object.assign(rate0(file), { evidence: 'E', note: null });
    Object.assign(file.purchasePrices[0] as unknown as Record<string, unknown>, { evidence: 'UNVERIFIED', note: null });
    expect(costModelError(() => parsePriceBook(file), 'INVALID_PRICE_BOOK').issues).toEqual([
      'deviceHourRates.0.note: is required for an E row (say how it was derived)',
      'purchasePrices.0.note: is required for an UNVERIFIED row (say how it was derived)',
    ]);
  });

  it('names every issue with its path in the message', () => {
    const file = raw() as File;
    file.version = '1';
    rate0(file).evidence = 'X';
    const error = costModelError(() => parsePriceBook(file), 'INVALID_PRICE_BOOK');
    expect(error.issues).toHaveLength(2);
    expect(error.message).toMatch(/^invalid price book: version: .*; deviceHourRates\.0\.evidence: /);
  });
});
