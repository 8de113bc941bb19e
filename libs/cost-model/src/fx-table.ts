import { CurrencyCode, DecimalString, IsoDate } from '@cp/contracts';
import { z } from 'zod';
import { DatasetVersion, ScenarioEvidence, Text, parseDataset, unique } from './dataset.js';
import type { FxRate } from './fx.js';

export const FxTableRow = z
  .strictObject({
    base: CurrencyCode,
    quote: CurrencyCode,
    /** Units of quote per unit of base, as a decimal string. */
    rate: DecimalString,
    /** From this date until a later row for the pair. */
    date: IsoDate,
    /** An official fixed rate (AED, SAR) rather than a planning assumption. */
    peg: z.boolean(),
    evidence: ScenarioEvidence,
    source: Text,
    note: Text.nullable().default(null),
  })
  .superRefine((row, ctx) => {
    if (row.base === row.quote) ctx.addIssue({ code: 'custom', path: ['quote'], message: 'must differ from base' });
    if (!(Number(row.rate) > 0)) ctx.addIssue({ code: 'custom', path: ['rate'], message: 'must be positive' });
  });
export type FxTableRow = z.output<typeof FxTableRow>;

/** The fx-rates data set (data/fx-rates): effective-dated FX rows, versioned on their own. */
export const FxTable = z
  .strictObject({
    dataset: z.literal('fx-rates'),
    version: DatasetVersion,
    effectiveFrom: IsoDate,
    source: Text,
    rates: z.array(FxTableRow).min(1),
  })
  .superRefine((table, ctx) => {
    // One row per unordered pair and date, so convert never has to choose between two readings.
    unique(ctx, 'FX pair and date', table.rates.map((r) => `${[r.base, r.quote].sort().join('/')} ${r.date}`), (i) => ['rates', i, 'date']);
  });
export type FxTable = z.output<typeof FxTable>;

/** Validates a parsed fx-rates file; throws CostModelError INVALID_FX_TABLE naming every issue. */
export function parseFxTable(json: unknown): FxTable {
  return parseDataset(FxTable, json, 'INVALID_FX_TABLE', 'FX table');
}

/** The rows as convert's table, each citing `fx-rates <version> <BASE>-<QUOTE> [<evidence>]: <source>`. */
export function fxTableRates(table: FxTable): FxRate[] {
  return table.rates.map((r) => ({
    base: r.base,
    quote: r.quote,
    rate: r.rate,
    date: r.date,
    source: `fx-rates ${table.version} ${r.base}-${r.quote} [${r.evidence}]: ${r.source}`,
  }));
}
