import { CurrencyCode, DecimalString, IsoDate, Slug } from '@cp/contracts';
import { z } from 'zod';
import { DatasetVersion, ScenarioEvidence, Text, parseDataset, unique } from './dataset.js';
import { D, type Dec } from './decimal.js';
import type { SourcedRange } from './estimate.js';
import type { PriceBasis } from './capacity-cost.js';
import type { SourcedMoney } from './money.js';

/** Provider tier of a market rate (fact sheet §5.1): ANY when the source names none. */
export const PriceTier = z.enum(['HYPERSCALER', 'SPECIALTY', 'LONG_TAIL', 'ANY']);
export type PriceTier = z.output<typeof PriceTier>;

const Basis = z.enum(['ON_DEMAND', 'COMMITTED']);

/** A decimal string as a Decimal, or null when it is not one (a refinement may see unparsed input). */
function decimalOf(value: unknown): Dec | null {
  return DecimalString.safeParse(value).success ? new D(value as string) : null;
}

/** A positive decimal-string range, low ≤ expected ≤ high (compared exactly). */
const DecimalRange = z
  .strictObject({ low: DecimalString, expected: DecimalString, high: DecimalString })
  .superRefine((r, ctx) => {
    const [low, expected, high] = [decimalOf(r.low), decimalOf(r.expected), decimalOf(r.high)];
    if (low === null || expected === null || high === null) return;
    for (const [which, d] of [['low', low], ['expected', expected], ['high', high]] as const) {
      if (!d.gt(0)) ctx.addIssue({ code: 'custom', path: [which], message: 'must be positive' });
    }
    if (low.gt(expected) || expected.gt(high)) ctx.addIssue({ code: 'custom', message: 'must satisfy low ≤ expected ≤ high' });
  });

const provenance = { currency: CurrencyCode, evidence: ScenarioEvidence, source: Text, asOf: IsoDate, note: Text.nullable().default(null) };

/** Derived ([E]) and UNVERIFIED rows must say how they were derived or why they stand. */
function noteRequired(row: { evidence: ScenarioEvidence; note: string | null }, ctx: z.RefinementCtx<unknown>): void {
  if ((row.evidence === 'E' || row.evidence === 'UNVERIFIED') && row.note === null) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: `is required for an ${row.evidence} row (say how it was derived)` });
  }
}

export const DeviceHourRate = z
  .strictObject({
    id: Slug,
    /** Catalog ids (data/accelerators) the rate is for. */
    acceleratorIds: z.array(Slug).min(1),
    basis: Basis,
    tier: PriceTier,
    /** Per device-hour, in `currency`. */
    rate: DecimalRange,
    ...provenance,
  })
  .superRefine(noteRequired);
export type DeviceHourRate = z.output<typeof DeviceHourRate>;

export const PurchasePrice = z
  .strictObject({
    id: Slug,
    acceleratorIds: z.array(Slug).min(1),
    /** Per device, in `currency`. */
    price: DecimalRange,
    ...provenance,
  })
  .superRefine(noteRequired);
export type PurchasePrice = z.output<typeof PurchasePrice>;

/** A negotiated rate for one pool, in force over [validFrom, validTo) (validTo null: open-ended). */
export const ContractRate = z
  .strictObject({
    poolId: z.string().regex(/^pool-[a-z0-9-]+$/, 'must be a pool id such as "pool-my-johor-sedenak-h100-1"'),
    basis: Basis,
    /** Per device-hour, in `currency`. */
    rate: DecimalString,
    currency: CurrencyCode,
    source: Text,
    asOf: IsoDate,
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
  })
  .superRefine((row, ctx) => {
    const rate = decimalOf(row.rate);
    if (rate !== null && !rate.gt(0)) ctx.addIssue({ code: 'custom', path: ['rate'], message: 'must be positive' });
    if (row.validTo !== null && row.validTo <= row.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must be after validFrom' });
  });
export type ContractRate = z.output<typeof ContractRate>;

/** The price-book data set (data/price-books). */
export const PriceBook = z
  .strictObject({
    dataset: z.literal('price-book'),
    version: DatasetVersion,
    effectiveFrom: IsoDate,
    source: Text,
    deviceHourRates: z.array(DeviceHourRate),
    purchasePrices: z.array(PurchasePrice),
    contractRates: z.array(ContractRate),
  })
  .superRefine((book, ctx) => {
    unique(ctx, 'deviceHourRates id', book.deviceHourRates.map((r) => r.id), (i) => ['deviceHourRates', i, 'id']);
    unique(ctx, 'purchasePrices id', book.purchasePrices.map((r) => r.id), (i) => ['purchasePrices', i, 'id']);
    // Exactly one rate per accelerator, basis and tier, so a lookup never has to choose.
    const rateKeys = book.deviceHourRates.flatMap((r, i) => r.acceleratorIds.map((a, j) => ({ key: `${a}/${r.basis}/${r.tier}`, path: ['deviceHourRates', i, 'acceleratorIds', j] })));
    unique(ctx, 'device-hour rate for', rateKeys.map((k) => k.key), (i) => rateKeys[i]?.path ?? []);
    const priceKeys = book.purchasePrices.flatMap((r, i) => r.acceleratorIds.map((a, j) => ({ key: a, path: ['purchasePrices', i, 'acceleratorIds', j] })));
    unique(ctx, 'purchase price for', priceKeys.map((k) => k.key), (i) => priceKeys[i]?.path ?? []);
    // Contract windows of one pool and basis must not overlap: one rate is in force on any date.
    book.contractRates.forEach((row, i) => {
      book.contractRates.slice(0, i).forEach((earlier, j) => {
        if (earlier.poolId !== row.poolId || earlier.basis !== row.basis) return;
        const overlaps = (earlier.validTo === null || row.validFrom < earlier.validTo) && (row.validTo === null || earlier.validFrom < row.validTo);
        if (overlaps) ctx.addIssue({ code: 'custom', path: ['contractRates', i, 'validFrom'], message: `overlaps contractRates.${j} for ${row.poolId}/${row.basis}` });
      });
    });
  });
export type PriceBook = z.output<typeof PriceBook>;

/** Validates a parsed price-book file; throws CostModelError INVALID_PRICE_BOOK naming every issue with its path. */
export function parsePriceBook(json: unknown): PriceBook {
  return parseDataset(PriceBook, json, 'INVALID_PRICE_BOOK', 'price book');
}

function cite(book: PriceBook, path: string, row: { evidence: ScenarioEvidence; source: string }): string {
  return `price-book ${book.version} ${path} [${row.evidence}]: ${row.source}`;
}

function sourcedRange(range: { low: string; expected: string; high: string }, currency: string, source: string, asOf: string): SourcedRange<SourcedMoney> {
  const point = (amount: string): SourcedMoney => ({ amount, currency, source, asOf });
  return { low: point(range.low), expected: point(range.expected), high: point(range.high), source };
}

export interface DeviceHourRateMatch {
  readonly row: DeviceHourRate;
  /** The rate as capacityCost's price (a Money range citing the row). */
  readonly price: SourcedRange<SourcedMoney>;
  /** Which tier was taken and why, for the assumptions. */
  readonly tierChoice: string;
}

/**
 * The market rate for an accelerator and basis. Tier: the only row if there is one, else the
 * SPECIALTY row (the middle of the market, fact sheet §5.1), else the ANY row; null when the book
 * has none of these (several tiers without SPECIALTY or ANY are ambiguous, so also null).
 */
export function priceBookDeviceHourRate(book: PriceBook, acceleratorId: string, basis: PriceBasis): DeviceHourRateMatch | null {
  const rows = book.deviceHourRates.filter((r) => r.basis === basis && r.acceleratorIds.includes(acceleratorId));
  let row: DeviceHourRate | undefined;
  let tierChoice: string;
  if (rows.length === 1) {
    row = rows[0];
    tierChoice = `the only ${basis} row for ${acceleratorId} (tier ${row?.tier})`;
  } else {
    row = rows.find((r) => r.tier === 'SPECIALTY') ?? rows.find((r) => r.tier === 'ANY');
    tierChoice = `tier ${row?.tier} of ${rows.map((r) => r.tier).join(', ')} (SPECIALTY, else ANY, when several tiers are listed)`;
  }
  if (row === undefined) return null;
  return { row, price: sourcedRange(row.rate, row.currency, cite(book, `deviceHourRates/${row.id}`, row), row.asOf), tierChoice };
}

export interface ContractRateMatch {
  readonly row: ContractRate;
  readonly price: SourcedMoney;
}

/** The contract rate for a pool and basis in force on `onDate` (validFrom ≤ onDate < validTo), or null. */
export function priceBookContractRate(book: PriceBook, poolId: string, basis: PriceBasis, onDate: string): ContractRateMatch | null {
  const index = book.contractRates.findIndex((r) => r.poolId === poolId && r.basis === basis && r.validFrom <= onDate && (r.validTo === null || onDate < r.validTo));
  const row = book.contractRates[index];
  if (row === undefined) return null;
  const window = `${row.validFrom} to ${row.validTo ?? 'open'}`;
  return { row, price: { amount: row.rate, currency: row.currency, asOf: row.asOf, source: `price-book ${book.version} contractRates/${index} ${row.poolId} ${row.basis} (valid ${window}): ${row.source}` } };
}

/** The purchase price per device of an accelerator as a Money range citing its row, or null. */
export function priceBookPurchasePrice(book: PriceBook, acceleratorId: string): SourcedRange<SourcedMoney> | null {
  const row = book.purchasePrices.find((r) => r.acceleratorIds.includes(acceleratorId));
  return row === undefined ? null : sourcedRange(row.price, row.currency, cite(book, `purchasePrices/${row.id}`, row), row.asOf);
}
