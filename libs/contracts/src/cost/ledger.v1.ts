import { z } from 'zod';
import { defineEvent, defineRequest, type PayloadOf, type ReplyOf, type RequestOf } from '../contract.js';
import { Actor } from '../common/actor.js';
import { CountryCode, CurrencyCode, IsoDate, Slug } from '../common/reference.js';
import { Topics } from '../topics.js';

import { WorkloadKind } from '../compliance/facts.v1.js';

/** Ledger amounts: exact decimals with at most 8 places (the column's scale), never rounded on the way in. */
export const LedgerAmount = z.string().regex(/^-?\d{1,18}(\.\d{1,8})?$/, 'must be a decimal string with at most 18 integer digits and 8 decimal places');
export const NonNegativeQuantity = z.string().regex(/^\d{1,18}(\.\d{1,8})?$/, 'must be a non-negative decimal string with at most 8 decimal places');
export const CostCenter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-"');

export const LedgerEntryType = z.enum(['COMMITTED', 'ACTUAL']);
export type LedgerEntryType = z.output<typeof LedgerEntryType>;

export const LedgerEntryInputV1 = z
  .object({
    /** Unique per entry; a repeat with the same content is a no-op, with different content a conflict. */
    idempotencyKey: z.string().min(1).max(200),
    entryType: LedgerEntryType,
    costCenter: CostCenter,
    workloadId: z.string().min(1).max(200).nullable().default(null),
    workloadKind: WorkloadKind,
    siteId: Slug,
    countryCode: CountryCode,
    vendor: z.string().min(1).max(100),
    acceleratorId: Slug,
    poolId: z.string().min(1).max(200).nullable().default(null),
    /** Half-open [start, end) in UTC; an entry lies inside one calendar month. */
    chargePeriodStart: IsoDate,
    chargePeriodEnd: IsoDate,
    /** What is (or will be) billed: FOCUS BilledCost. */
    amount: LedgerAmount,
    currency: CurrencyCode,
    /** The same usage at list (on-demand) price: FOCUS ListCost. */
    listAmount: LedgerAmount.nullable().default(null),
    /** Device-hours consumed or committed. */
    deviceHours: NonNegativeQuantity.nullable().default(null),
    priceBookVersion: z.string().min(1).max(50).nullable().default(null),
    description: z.string().max(500).nullable().default(null),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.chargePeriodEnd <= entry.chargePeriodStart) ctx.addIssue({ code: 'custom', path: ['chargePeriodEnd'], message: 'must be after chargePeriodStart' });
    const start = new Date(`${entry.chargePeriodStart}T00:00:00Z`);
    // The field's own check has already named a date that is not one.
    if (Number.isNaN(start.getTime())) return;
    const nextMonth = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    if (entry.chargePeriodEnd > nextMonth) ctx.addIssue({ code: 'custom', path: ['chargePeriodEnd'], message: `must not pass the end of the month it starts in (${nextMonth}); split the entry by month` });
  });
export type LedgerEntryInputV1 = z.input<typeof LedgerEntryInputV1>;
export type LedgerEntryV1Parsed = z.output<typeof LedgerEntryInputV1>;

export const LedgerSource = z.enum(['GRAPHQL', 'KAFKA', 'PLAN']);

export const LedgerEntryV1 = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  entryType: LedgerEntryType,
  costCenter: z.string(),
  workloadId: z.string().nullable(),
  workloadKind: WorkloadKind,
  siteId: z.string(),
  countryCode: z.string(),
  vendor: z.string(),
  acceleratorId: z.string(),
  poolId: z.string().nullable(),
  chargePeriodStart: IsoDate,
  chargePeriodEnd: IsoDate,
  amount: z.string(),
  currency: z.string(),
  listAmount: z.string().nullable(),
  deviceHours: z.string().nullable(),
  priceBookVersion: z.string().nullable(),
  description: z.string().nullable(),
  source: LedgerSource,
  recordedBy: z.string(),
  recordedAt: z.iso.datetime({ offset: true }),
});
export type LedgerEntryV1 = z.output<typeof LedgerEntryV1>;

export const ReportDimension = z.enum(['COST_CENTER', 'SITE', 'COUNTRY', 'VENDOR', 'ACCELERATOR', 'WORKLOAD_KIND', 'MONTH']);
export type ReportDimension = z.output<typeof ReportDimension>;

export const LedgerFilterV1 = z
  .object({
    /** Charge periods starting in [from, to). */
    from: IsoDate,
    to: IsoDate,
    costCenters: z.array(CostCenter).min(1).max(500).optional(),
    siteIds: z.array(Slug).min(1).max(500).optional(),
    countryCodes: z.array(CountryCode).min(1).max(300).optional(),
    vendors: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
    acceleratorIds: z.array(Slug).min(1).max(500).optional(),
    workloadKinds: z.array(WorkloadKind).min(1).max(4).optional(),
    entryTypes: z.array(LedgerEntryType).min(1).max(2).optional(),
  })
  .strict()
  .refine((f) => f.to > f.from, { message: 'must be after from', path: ['to'] });
export type LedgerFilterV1 = z.output<typeof LedgerFilterV1>;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as "2026-12"');

export const ReportKeyV1 = z.object({
  costCenter: z.string().nullable(),
  siteId: z.string().nullable(),
  countryCode: z.string().nullable(),
  vendor: z.string().nullable(),
  acceleratorId: z.string().nullable(),
  workloadKind: WorkloadKind.nullable(),
  month: Month.nullable(),
});

const ReportFiguresV1 = z.object({
  committed: z.string(),
  actual: z.string(),
  /** Budget of the cost centres (and months) the row covers; null when the row does not map to budgets or none is set. */
  budget: z.string().nullable(),
  /** actual − budget: positive means over budget. */
  variance: z.string().nullable(),
  variancePercent: z.string().nullable(),
  overBudget: z.boolean().nullable(),
  /** max(committed, actual) > budget: the plan will overrun even if actual spend has not yet. */
  forecastOverBudget: z.boolean().nullable(),
  entryCount: z.number().int().nonnegative(),
});

export const CostReportV1 = z.object({
  currency: CurrencyCode,
  fxDate: IsoDate,
  fxRatesUsed: z.array(z.object({ from: CurrencyCode, to: CurrencyCode, rate: z.string(), rowDate: IsoDate, source: z.string() })),
  fxRatesVersion: z.string(),
  groupBy: z.array(ReportDimension),
  rows: z.array(ReportFiguresV1.extend({ key: ReportKeyV1 })),
  totals: ReportFiguresV1,
});
export type CostReportV1 = z.output<typeof CostReportV1>;

export const BudgetV1 = z.object({ costCenter: z.string(), month: Month, amount: z.string(), currency: CurrencyCode, setBy: z.string(), setAt: z.iso.datetime({ offset: true }) });
export type BudgetV1 = z.output<typeof BudgetV1>;

export const LedgerCommandV1 = z.discriminatedUnion('command', [
  z.object({ command: z.literal('record'), actor: Actor, source: LedgerSource, entries: z.array(LedgerEntryInputV1).min(1).max(5_000) }).strict(),
  z
    .object({
      command: z.literal('page'),
      filter: LedgerFilterV1,
      /** Keyset cursor: the id of the last entry already read. */
      after: z.string().max(200).nullable(),
      first: z.number().int().min(1).max(10_000),
    })
    .strict(),
  z
    .object({
      command: z.literal('report'),
      filter: LedgerFilterV1,
      groupBy: z.array(ReportDimension).max(7).refine((dims) => new Set(dims).size === dims.length, { message: 'must not repeat a dimension' }),
      currency: CurrencyCode,
      /** Convert at the rates in force on this date (default: the day before `to`). */
      fxDate: IsoDate.optional(),
    })
    .strict(),
  z.object({ command: z.literal('setBudget'), actor: Actor, costCenter: CostCenter, month: Month, amount: LedgerAmount, currency: CurrencyCode }).strict(),
  z.object({ command: z.literal('listBudgets'), costCenters: z.array(CostCenter).max(500).optional(), from: Month, to: Month }).strict(),
]);

/** gateway -> cost-estimation: ledger writes and reads, reports and budgets. */
export const CostLedgerV1 = defineRequest(
  Topics.costLedger,
  Topics.costLedgerReply,
  1,
  LedgerCommandV1,
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('recorded'), recorded: z.number().int().nonnegative(), duplicates: z.number().int().nonnegative(), ids: z.array(z.string()) }),
    z.object({ kind: z.literal('page'), entries: z.array(LedgerEntryV1), endCursor: z.string().nullable(), hasNextPage: z.boolean() }),
    z.object({ kind: z.literal('report'), report: CostReportV1 }),
    z.object({ kind: z.literal('budget'), budget: BudgetV1 }),
    z.object({ kind: z.literal('budgets'), budgets: z.array(BudgetV1) }),
  ]),
);
export type LedgerCommandV1 = RequestOf<typeof CostLedgerV1>;
export type CostLedgerReplyV1 = ReplyOf<typeof CostLedgerV1>;

/**
 * pipelines / billing feeds -> cost-estimation: actual usage, keyed by cost centre. The
 * message id is not the dedup key: `idempotencyKey` is, so a feed replayed from its start
 * records nothing twice.
 */
export const UsageRecordedV1 = defineEvent(
  Topics.costUsage,
  1,
  z
    .object({
      recordedBy: z.string().min(1).max(200),
      entry: LedgerEntryInputV1.refine((e) => e.entryType === 'ACTUAL', { message: 'must be ACTUAL on cost.usage (committed spend comes from accepted plans)', path: ['entryType'] }),
    })
    .strict(),
);
export type UsageRecordedV1 = PayloadOf<typeof UsageRecordedV1>;


