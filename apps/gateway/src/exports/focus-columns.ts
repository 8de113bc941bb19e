import type { LedgerEntryV1 } from '@cp/contracts';
import { Decimal } from 'decimal.js';

/**
 * Columns of a ledger export, in file order: FOCUS 1.x column ids where one fits, `x_` custom
 * columns (FOCUS CustomColumnHandling: `x_` prefix, Pascal case) for the rest.
 */
export const FOCUS_LEDGER_COLUMNS = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ConsumedQuantity',
  'ConsumedUnit',
  'PricingQuantity',
  'PricingUnit',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceType',
  'ServiceCategory',
  'ServiceName',
  'SkuId',
  'ProviderName',
  'PublisherName',
  'SubAccountId',
  'Tags',
  'x_EntryType',
  'x_CostCenter',
  'x_WorkloadKind',
  'x_WorkloadId',
  'x_SiteId',
  'x_AcceleratorId',
  'x_AcceleratorVendor',
  'x_PriceBookVersion',
  'x_Source',
  'x_RecordedBy',
  'x_RecordedAt',
  'x_EntryId',
  'x_IdempotencyKey',
] as const;
export type FocusLedgerColumn = (typeof FOCUS_LEDGER_COLUMNS)[number];

/** One export row; null is an empty cell (FOCUS NullHandling: null, never "", "N/A" or 0). */
export type FocusLedgerRow = Readonly<Record<FocusLedgerColumn, string | null>>;

/** Columns holding exact decimal strings (FOCUS Decimal columns). */
export const FOCUS_DECIMAL_COLUMNS: ReadonlySet<FocusLedgerColumn> = new Set(['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost', 'ConsumedQuantity', 'PricingQuantity']);

// FOCUS UnitFormat allows the time unit "Hours" alone (its PricingUnit example: compute runtime);
// the price book quotes accelerators per device-hour.
const HOURS = 'Hours';
// ServiceCategory must be one of FOCUS's allowed values; accelerator capacity planned here is
// for training and inference, so "AI and Machine Learning" rather than the generic "Compute".
const SERVICE_CATEGORY = 'AI and Machine Learning';
const SERVICE_NAME = 'Compute Planner';
const RESOURCE_TYPE = 'Accelerator pool';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const regionNameCache = new Map<string, string | null>();
const COUNTRY_CODE = /^[A-Z]{2}$/;

/** Maps one ledger entry to one export row. Pure: the same entry always gives the same row. */
export function toFocusRow(entry: LedgerEntryV1): FocusLedgerRow {
  const usage = entry.entryType === 'ACTUAL';
  const [billingPeriodStart, billingPeriodEnd] = billingPeriodOf(entry.chargePeriodStart);
  return {
    BilledCost: entry.amount,
    // FOCUS wants EffectiveCost 0 on a Purchase that prepays later usage rows (the usage rows
    // then carry the amortised share). The ledger has no such link: an ACTUAL entry carries its
    // own full amount, so both kinds keep their amount here. COMMITTED and ACTUAL are two views
    // of the same spend (the report shows them side by side), so a consumer must filter on
    // ChargeCategory (or x_EntryType) before summing any cost column.
    EffectiveCost: entry.amount,
    // FOCUS makes ListCost mandatory; the ledger has no list price for some entries and an
    // invented one would not reconcile, so those cells stay empty.
    ListCost: entry.listAmount,
    ContractedCost: entry.amount,
    BillingCurrency: entry.currency,
    ChargePeriodStart: utcMidnight(entry.chargePeriodStart),
    ChargePeriodEnd: utcMidnight(entry.chargePeriodEnd),
    BillingPeriodStart: billingPeriodStart,
    BillingPeriodEnd: billingPeriodEnd,
    // FOCUS allows Usage | Purchase | Tax | Credit | Adjustment. ACTUAL is consumption measured
    // over the charge period ("Usage"); COMMITTED is capacity an accepted plan acquires ahead
    // of use, for a period ("Purchase": bought upfront or on a recurring basis). Neither is a
    // tax, a provider credit, or an adjustment.
    ChargeCategory: usage ? 'Usage' : 'Purchase',
    // Null unless the row corrects a previously invoiced billing period; the ledger has no corrections.
    ChargeClass: null,
    ChargeDescription: entry.description,
    // FOCUS: ConsumedQuantity and ConsumedUnit MUST be null unless ChargeCategory is "Usage", so a
    // commitment's device-hours appear only as PricingQuantity.
    ConsumedQuantity: usage ? entry.deviceHours : null,
    ConsumedUnit: usage && entry.deviceHours !== null ? HOURS : null,
    PricingQuantity: entry.deviceHours,
    PricingUnit: entry.deviceHours !== null ? HOURS : null,
    RegionId: entry.countryCode,
    RegionName: regionName(entry.countryCode),
    ResourceId: entry.poolId,
    // FOCUS: ResourceType MUST be null when ResourceId is null.
    ResourceType: entry.poolId !== null ? RESOURCE_TYPE : null,
    ServiceCategory: SERVICE_CATEGORY,
    ServiceName: SERVICE_NAME,
    SkuId: entry.acceleratorId,
    // The vendor is the chip maker, not who sells the capacity (ProviderName) or publishes the
    // service (PublisherName); the ledger does not record either, so both stay empty.
    ProviderName: null,
    PublisherName: null,
    SubAccountId: entry.costCenter,
    Tags: tagsOf(entry),
    x_EntryType: entry.entryType,
    x_CostCenter: entry.costCenter,
    x_WorkloadKind: entry.workloadKind,
    x_WorkloadId: entry.workloadId,
    x_SiteId: entry.siteId,
    x_AcceleratorId: entry.acceleratorId,
    x_AcceleratorVendor: entry.vendor,
    x_PriceBookVersion: entry.priceBookVersion,
    x_Source: entry.source,
    x_RecordedBy: entry.recordedBy,
    x_RecordedAt: utcInstant(entry.recordedAt),
    x_EntryId: entry.id,
    x_IdempotencyKey: entry.idempotencyKey,
  };
}

/** The row's cells in `FOCUS_LEDGER_COLUMNS` order. */
export function focusRowValues(row: FocusLedgerRow): (string | null)[] {
  return FOCUS_LEDGER_COLUMNS.map((column) => row[column]);
}

/**
 * An XLSX cell for one export value. Finance reconciles these files to the cent, and a
 * spreadsheet stores numbers as IEEE doubles and shows (and re-saves) at most 15 significant
 * digits: "123456789012.12345678" written as a number would come back as 123456789012.123.
 * So a decimal becomes a number only when it has at most 15 significant digits and its double
 * converts back to the same decimal; otherwise it is written as text, exactly as the ledger
 * holds it. Text never becomes a formula (exceljs writes strings as strings).
 */
export function toXlsxCell(column: FocusLedgerColumn, value: string | null): string | number | null {
  if (value === null || !FOCUS_DECIMAL_COLUMNS.has(column)) return value;
  return exactDouble(value) ?? value;
}

/** Excel's displayed and stored precision. */
const EXCEL_SIGNIFICANT_DIGITS = 15;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function exactDouble(decimal: string): number | null {
  const parts = DECIMAL.exec(decimal);
  if (!parts) return null;
  const [, sign, whole, fraction = ''] = parts;
  const digits = `${whole}${fraction}`.replace(/^0+/, '').replace(/0+$/, '');
  if (digits.length > EXCEL_SIGNIFICANT_DIGITS) return null;
  const double = Number(decimal);
  if (!Number.isFinite(double)) return null;
  // String(double) is the shortest decimal that reads back as this double; it must be the
  // ledger's value. (15 significant digits always survive a double; this states it outright.)
  const shortest = String(double);
  if (shortest.includes('e')) return new Decimal(shortest).eq(decimal) ? double : null;
  const canonicalWhole = whole.replace(/^0+(?=\d)/, '');
  const canonicalFraction = fraction.replace(/0+$/, '');
  const canonical = `${digits === '' ? '' : sign}${canonicalWhole}${canonicalFraction ? `.${canonicalFraction}` : ''}`;
  return shortest === canonical ? double : null;
}

function utcMidnight(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

/** The calendar month holding the charge period (an entry never crosses a month). */
function billingPeriodOf(chargePeriodStart: string): [string, string] {
  const year = Number(chargePeriodStart.slice(0, 4));
  const month = Number(chargePeriodStart.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01` : `${chargePeriodStart.slice(0, 4)}-${String(month + 1).padStart(2, '0')}`;
  return [`${chargePeriodStart.slice(0, 7)}-01T00:00:00Z`, `${next}-01T00:00:00Z`];
}

/** FOCUS DateTimeFormat wants UTC with a "Z"; an offset timestamp is converted (milliseconds kept). */
function utcInstant(timestamp: string): string {
  if (timestamp.endsWith('Z')) return timestamp;
  const instant = new Date(timestamp);
  return Number.isNaN(instant.getTime()) ? timestamp : instant.toISOString().replace('.000Z', 'Z');
}

/** The English name of an ISO 3166-1 alpha-2 code; null for anything else (cache stays ≤ 676 keys). */
function regionName(countryCode: string): string | null {
  if (!COUNTRY_CODE.test(countryCode)) return null;
  let name = regionNameCache.get(countryCode);
  if (name === undefined) {
    name = regionNames.of(countryCode) ?? null;
    regionNameCache.set(countryCode, name);
  }
  return name;
}

/** FOCUS KeyValueFormat: a JSON object of scalar values; absent dimensions are left out. */
function tagsOf(entry: LedgerEntryV1): string {
  const tags: Record<string, string> = { CostCenter: entry.costCenter, WorkloadKind: entry.workloadKind };
  if (entry.workloadId !== null) tags.WorkloadId = entry.workloadId;
  tags.SiteId = entry.siteId;
  return JSON.stringify(tags);
}
