import { type FormEvent, useState } from 'react';
import { mayDo } from '../access';
import { ApiRequestError, downloadExport } from '../api/client';
import { BUDGETS, COST_REPORT } from '../api/operations';
import { BarChart } from '../components/charts';
import { ErrorBox, Loading } from '../components/error-box';
import { formatMoney } from '../format';
import type { CostReportQuery, LedgerEntryType, LedgerFilterInput, ReportDimension } from '../gql/graphql';
import { useQuery, useViewer } from '../use-api';

type Row = CostReportQuery['costReport']['rows'][number];

const DIMENSIONS: [ReportDimension, string][] = [
  ['COST_CENTER', 'Cost centre'],
  ['SITE', 'Site'],
  ['VENDOR', 'Vendor'],
  ['MONTH', 'Month'],
];

function keyLabel(key: Row['key'], groupBy: readonly ReportDimension[]): string {
  const parts = groupBy.map((d) => {
    switch (d) {
      case 'COST_CENTER':
        return key.costCenter;
      case 'SITE':
        return key.siteId;
      case 'VENDOR':
        return key.vendor;
      case 'MONTH':
        return key.month;
      case 'COUNTRY':
        return key.countryCode;
      case 'ACCELERATOR':
        return key.acceleratorId;
      case 'WORKLOAD_KIND':
        return key.workloadKind;
    }
  });
  return parts.map((p) => p ?? '—').join(' · ') || 'all';
}

interface Filter {
  from: string;
  to: string;
  costCenters: string;
  entryType: LedgerEntryType | '';
  currency: string;
}

function toLedgerFilter(f: Filter): LedgerFilterInput {
  const costCenters = f.costCenters
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { from: f.from, to: f.to, ...(costCenters.length ? { costCenters } : {}), ...(f.entryType ? { entryTypes: [f.entryType] } : {}) };
}

const YEAR = new Date().getUTCFullYear();
const INITIAL: Filter = { from: `${YEAR}-01-01`, to: `${YEAR + 2}-01-01`, costCenters: '', entryType: '', currency: 'USD' };

export function FinancePage() {
  const viewer = useViewer();
  const [draft, setDraft] = useState<Filter>(INITIAL);
  const [filter, setFilter] = useState<Filter>(INITIAL);
  const [dimension, setDimension] = useState<ReportDimension>('COST_CENTER');
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<ApiRequestError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const ledgerFilter = toLedgerFilter(filter);
  const report = useQuery(COST_REPORT, { filter: ledgerFilter, groupBy: [dimension], currency: filter.currency });
  const budgetReport = useQuery(COST_REPORT, { filter: ledgerFilter, groupBy: ['COST_CENTER', 'MONTH'], currency: filter.currency });
  const budgets = useQuery(BUDGETS, { from: filter.from.slice(0, 7), to: lastMonth(filter.to), costCenters: ledgerFilter.costCenters ?? null });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };

  const download = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    setExportError(null);
    setExported(null);
    try {
      const params: Record<string, string> = { from: filter.from, to: filter.to, costCenters: ledgerFilter.costCenters?.join(',') ?? '', entryTypes: filter.entryType };
      setExported(await downloadExport(format, params, viewer.token));
    } catch (error) {
      setExportError(error instanceof ApiRequestError ? error : new ApiRequestError([{ code: 'CLIENT_ERROR', message: (error as Error).message, path: null }]));
    } finally {
      setExporting(null);
    }
  };

  const r = report.data?.costReport;
  const budgetRows = budgetReport.data?.costReport.rows.filter((row) => row.budget !== null && row.budget !== undefined) ?? [];
  return (
    <div className="page">
      <h1>Finance</h1>
      <form className="filters" onSubmit={apply} aria-label="Ledger filter">
        <label>
          From
          <input name="from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          To (exclusive)
          <input name="to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label>
          Cost centres
          <input name="costCenters" value={draft.costCenters} placeholder="all" onChange={(e) => setDraft({ ...draft, costCenters: e.target.value })} />
        </label>
        <label>
          Entries
          <select name="entryType" value={draft.entryType} onChange={(e) => setDraft({ ...draft, entryType: e.target.value as LedgerEntryType | '' })}>
            <option value="">committed and actual</option>
            <option value="ACTUAL">actual only</option>
            <option value="COMMITTED">committed only</option>
          </select>
        </label>
        <label>
          Currency
          <input name="currency" value={draft.currency} size={4} onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })} />
        </label>
        <button type="submit">Apply</button>
      </form>
      {mayDo('export', viewer.roles) ? (
        <div className="exports">
          Download the ledger (FOCUS columns):{' '}
          <button type="button" onClick={() => void download('csv')} disabled={exporting !== null}>
            {exporting === 'csv' ? 'Preparing CSV…' : 'CSV'}
          </button>{' '}
          <button type="button" onClick={() => void download('xlsx')} disabled={exporting !== null}>
            {exporting === 'xlsx' ? 'Preparing XLSX…' : 'XLSX'}
          </button>
          {exported ? <span className="muted"> saved {exported}</span> : null}
          <ErrorBox error={exportError} />
        </div>
      ) : null}

      <div className="tabs" role="tablist" aria-label="Group by">
        {DIMENSIONS.map(([d, title]) => (
          <button key={d} type="button" role="tab" aria-selected={dimension === d} onClick={() => setDimension(d)}>
            By {title.toLowerCase()}
          </button>
        ))}
      </div>
      <ErrorBox error={report.error} />
      {report.loading && !r ? <Loading what="the cost report" /> : null}
      {r ? (
        <section className="panel" data-testid="cost-report">
          <p className="muted">
            In {r.currency} at the FX rates of {r.fxDate} (FX table {r.fxRatesVersion}). Committed spend comes from accepted plans, actual from usage: the same spend can appear in both.
          </p>
          {r.rows.length ? (
            <BarChart
              title={`Committed and actual spend by ${DIMENSIONS.find(([d]) => d === dimension)![1].toLowerCase()} (${r.currency})`}
              series={['committed', 'actual']}
              bars={r.rows.map((row) => ({ label: keyLabel(row.key, r.groupBy), values: [Number(row.committed), Number(row.actual)] }))}
            />
          ) : (
            <p className="muted">No ledger entries in this period.</p>
          )}
          <table data-testid="report-table">
            <thead>
              <tr>
                <th>{DIMENSIONS.find(([d]) => d === dimension)![1]}</th>
                <th className="num">committed</th>
                <th className="num">actual</th>
                <th className="num">budget</th>
                <th className="num">variance</th>
                <th className="num">entries</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => {
                const label = keyLabel(row.key, r.groupBy);
                return (
                  <tr key={label} data-key={label} className={row.overBudget ? 'over' : undefined}>
                    <td>{label}</td>
                    <Amount value={row.committed} field="committed" />
                    <Amount value={row.actual} field="actual" />
                    <Amount value={row.budget} field="budget" />
                    <Amount value={row.variance} field="variance" />
                    <td className="num" data-field="entryCount">
                      {row.entryCount}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr data-key="total">
                <th>total</th>
                <Amount value={r.totals.committed} field="committed" />
                <Amount value={r.totals.actual} field="actual" />
                <Amount value={r.totals.budget} field="budget" />
                <Amount value={r.totals.variance} field="variance" />
                <td className="num" data-field="entryCount">
                  {r.totals.entryCount}
                </td>
              </tr>
            </tfoot>
          </table>
        </section>
      ) : null}

      <section className="panel" data-testid="budgets">
        <h2>Budgets against actual, by cost centre and month</h2>
        <ErrorBox error={budgetReport.error ?? budgets.error} />
        {budgetRows.length ? (
          <BarChart
            title={`Budget and actual (${filter.currency})`}
            series={['budget', 'actual', 'committed']}
            bars={budgetRows.map((row) => ({ label: `${row.key.costCenter} ${row.key.month}`, values: [Number(row.budget), Number(row.actual), Number(row.committed)] }))}
          />
        ) : null}
        <table>
          <thead>
            <tr>
              <th>cost centre</th>
              <th>month</th>
              <th className="num">budget</th>
              <th className="num">actual</th>
              <th className="num">committed</th>
              <th className="num">variance</th>
              <th>status</th>
            </tr>
          </thead>
          <tbody>
            {budgetRows.map((row) => (
              <tr key={`${row.key.costCenter}-${row.key.month}`} className={row.overBudget ? 'over' : undefined}>
                <td>{row.key.costCenter}</td>
                <td>{row.key.month}</td>
                <Amount value={row.budget} field="budget" />
                <Amount value={row.actual} field="actual" />
                <Amount value={row.committed} field="committed" />
                <Amount value={row.variance} field="variance" />
                <td>{row.overBudget ? <span className="badge PROHIBITED">over budget</span> : row.forecastOverBudget ? <span className="badge LICENSE_REQUIRED">forecast over</span> : <span className="badge ALLOWED">within</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {budgets.data && budgets.data.budgets.length === 0 ? <p className="muted">No budgets are set for these months.</p> : null}
        {budgets.data?.budgets.length ? (
          <p className="muted">
            {budgets.data.budgets.length} {budgets.data.budgets.length === 1 ? 'budget' : 'budgets'} set ({budgets.data.budgets.map((b) => `${b.costCenter} ${b.month}: ${formatMoney(b.amount)} ${b.currency}`).join('; ')}).
          </p>
        ) : null}
      </section>
    </div>
  );
}

function Amount({ value, field }: { value: string | null | undefined; field: string }) {
  return (
    <td className="num" data-field={field} title={value ?? undefined}>
      {formatMoney(value)}
    </td>
  );
}

/** The month before an exclusive YYYY-MM-DD end, as YYYY-MM (budgets take inclusive months). */
function lastMonth(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return to.slice(0, 7);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 7);
}
