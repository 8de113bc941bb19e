import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CostReportV1, LedgerFilterV1, ReportDimension } from '@cp/contracts';
import { convert, CostModelError, fxRateOn, fxTableRates } from '@cp/cost-model';
import { HandlerError } from '@cp/messaging';

import type { DataSource } from 'typeorm';
import { BudgetsService } from '../budgets/budgets.service.js';
import { Decimal, formatAmount } from '../ledger/amounts.js';
import { ledgerWhere } from '../ledger/ledger-filter.js';
import { CostDatasetsService } from '../reference-data/cost-datasets.service.js';

type Key = CostReportV1['rows'][number]['key'];

const COLUMNS: Readonly<Record<ReportDimension, { sql: string; key: keyof Key }>> = {
  COST_CENTER: { sql: 'e.cost_center', key: 'costCenter' },
  SITE: { sql: 'e.site_id', key: 'siteId' },
  COUNTRY: { sql: 'e.country_code', key: 'countryCode' },
  VENDOR: { sql: 'e.vendor', key: 'vendor' },
  ACCELERATOR: { sql: 'e.accelerator_id', key: 'acceleratorId' },
  WORKLOAD_KIND: { sql: 'e.workload_kind', key: 'workloadKind' },
  MONTH: { sql: `to_char(e.charge_period_start, 'YYYY-MM')`, key: 'month' },
};

/** Budgets are set per cost centre and month, so only rows keyed by those can be held against them. */
const BUDGET_DIMENSIONS: ReadonlySet<ReportDimension> = new Set(['COST_CENTER', 'MONTH']);

interface Figures {
  committed: Decimal;
  actual: Decimal;
  budget: Decimal | null;
  entryCount: number;
}

export interface ReportRequest {
  readonly filter: LedgerFilterV1;
  readonly groupBy: readonly ReportDimension[];
  readonly currency: string;
  readonly fxDate?: string;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function emptyKey(): Key {
  return { costCenter: null, siteId: null, countryCode: null, vendor: null, acceleratorId: null, workloadKind: null, month: null };
}

/**
 * Finance reports over the ledger: PostgreSQL sums exact numerics per group and currency;
 * each sum is converted once into the report currency at the FX table's rate for `fxDate`
 * and added with decimal.js, so a report of a single currency is the exact sum of its entries.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly datasets: CostDatasetsService,
  ) {}

  async report(request: ReportRequest): Promise<CostReportV1> {
    const { filter, groupBy, currency } = request;
    const fxDate = request.fxDate ?? dayBefore(filter.to);
    const fx = await this.datasets.resolve('fx-rates', fxDate, undefined, 'fxDate');
    const rates = fxTableRates(fx.document);
    const used = new Map<string, CostReportV1['fxRatesUsed'][number]>();
    const toReport = (amount: string, from: string): Decimal => {
      if (from === currency) return new Decimal(amount);
      try {
        if (!used.has(from)) {
          const rate = fxRateOn(rates, from, currency, fxDate);
          used.set(from, { from, to: currency, rate: rate.rate, rowDate: rate.row.date, source: rate.row.source });
        }
        return new Decimal(convert({ amount, currency: from }, currency, rates, fxDate).amount);
      } catch (error) {
        if (error instanceof CostModelError) throw new HandlerError('BAD_REQUEST', `currency: ${error.message} (FX table ${fx.version})`, error.code === 'NO_FX_RATE' ? 'fxDate' : 'currency');
        throw error;
      }
    };

    const dims = groupBy.map((d) => COLUMNS[d]);
    const where = ledgerWhere(filter);
    const select = dims.map((d, i) => `${d.sql} AS d${i}`);
    const groups = [...dims.map((d) => d.sql), 'e.currency', 'e.entry_type'];
    const raw: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${[...select, 'e.currency AS currency', 'e.entry_type AS entry_type', 'sum(e.amount)::text AS total', 'count(*)::int AS n'].join(', ')}
         FROM cost.ledger_entries e WHERE ${where.sql} GROUP BY ${groups.join(', ')}`,
      where.params,
    );

    const rows = new Map<string, { key: Key; figures: Figures }>();
    const rowFor = (key: Key): Figures => {
      const id = JSON.stringify(groupBy.map((d) => key[COLUMNS[d].key]));
      let row = rows.get(id);
      if (!row) {
        row = { key, figures: { committed: new Decimal(0), actual: new Decimal(0), budget: null, entryCount: 0 } };
        rows.set(id, row);
      }
      return row.figures;
    };
    const totals: Figures = { committed: new Decimal(0), actual: new Decimal(0), budget: null, entryCount: 0 };
    for (const r of raw) {
      const key = emptyKey();
      dims.forEach((d, i) => ((key as Record<string, unknown>)[d.key] = r[`d${i}`]));
      const figures = rowFor(key);
      const amount = toReport(String(r.total), String(r.currency));
      const field = r.entry_type === 'COMMITTED' ? 'committed' : 'actual';
      figures[field] = figures[field].add(amount);
      figures.entryCount += Number(r.n);
      totals[field] = totals[field].add(amount);
      totals.entryCount += Number(r.n);
    }

    if (this.budgetsApply(filter, groupBy)) {
      const budgets = await this.budgets.overlapping(filter.from, filter.to, filter.costCenters);
      totals.budget = new Decimal(0);
      for (const b of budgets) {
        const key = emptyKey();
        if (groupBy.includes('COST_CENTER')) key.costCenter = b.costCenter;
        if (groupBy.includes('MONTH')) key.month = b.month;
        const figures = rowFor(key);
        const amount = toReport(b.amount, b.currency);
        figures.budget = (figures.budget ?? new Decimal(0)).add(amount);
        totals.budget = totals.budget.add(amount);
      }
    }

    const ordered = [...rows.values()].sort((a, b) => {
      for (const d of groupBy) {
        const k = COLUMNS[d].key;
        const cmp = String(a.key[k] ?? '').localeCompare(String(b.key[k] ?? ''));
        if (cmp !== 0) return cmp;
      }
      return 0;
    });
    return {
      currency,
      fxDate,
      fxRatesUsed: [...used.values()],
      fxRatesVersion: fx.version,
      groupBy: [...groupBy],
      rows: ordered.map((r) => ({ key: r.key, ...this.present(r.figures) })),
      totals: this.present(totals),
    };
  }

  /** Budgets attach only when rows are keyed by cost centre and/or month and nothing narrower filters the spend. */
  private budgetsApply(filter: LedgerFilterV1, groupBy: readonly ReportDimension[]): boolean {
    const narrowed = filter.siteIds || filter.countryCodes || filter.vendors || filter.acceleratorIds || filter.workloadKinds;
    return !narrowed && groupBy.every((d) => BUDGET_DIMENSIONS.has(d));
  }

  private present(f: Figures): Omit<CostReportV1['totals'], never> {
    const budget = f.budget;
    const variance = budget === null ? null : f.actual.sub(budget);
    return {
      committed: formatAmount(f.committed),
      actual: formatAmount(f.actual),
      budget: budget === null ? null : formatAmount(budget),
      variance: variance === null ? null : formatAmount(variance),
      variancePercent: variance === null || budget === null || budget.isZero() ? null : variance.div(budget).mul(100).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2),
      overBudget: budget === null ? null : f.actual.gt(budget),
      forecastOverBudget: budget === null ? null : Decimal.max(f.committed, f.actual).gt(budget),
      entryCount: f.entryCount,
    };
  }
}

