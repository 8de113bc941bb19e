import type { LedgerFilterV1 } from '@cp/contracts';

/** A parameterised WHERE clause over cost.ledger_entries for a filter; `$n` numbering starts at `offset + 1`. */
export function ledgerWhere(filter: LedgerFilterV1, offset = 0): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.from, filter.to];
  const clauses = [`e.charge_period_start >= $${offset + 1}`, `e.charge_period_start < $${offset + 2}`];
  const any = (column: string, values: readonly string[] | undefined): void => {
    if (!values) return;
    params.push(values);
    clauses.push(`e.${column} = ANY($${offset + params.length})`);
  };
  any('cost_center', filter.costCenters);
  any('site_id', filter.siteIds);
  any('country_code', filter.countryCodes);
  any('vendor', filter.vendors);
  any('accelerator_id', filter.acceleratorIds);
  any('workload_kind', filter.workloadKinds);
  any('entry_type', filter.entryTypes);
  return { sql: clauses.join(' AND '), params };
}
