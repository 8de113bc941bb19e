import type { Highs, Model } from 'highs';
import { type PolicyFamily, POLICY_FAMILIES } from './constraint-names.js';
import { PeriodLoad } from './greedy.js';
import type { BuiltModel } from './model.js';
import type { PortfolioBinding, PortfolioRelaxationSaving } from './portfolio.types.js';
import { D, type Dec, type PreparedOption, type PreparedProblem } from './problem.js';
import { fixedOutside, NEIGHBOURHOOD_MIN_BINARIES } from './neighbourhood.js';
import { runModel, withFixedColumns } from './solver.js';
import { formatShare } from './time.js';
import { tolerance, type PortfolioPick } from './verify.js';

export interface SolvedPlan {
  readonly colValue: Float64Array;
  readonly picks: readonly PortfolioPick[];
  readonly objective: number;
  readonly cost: Dec;
}

interface BindingRow {
  readonly row: number;
  readonly name: string;
  readonly slack: number;
  readonly tight: boolean;
  /**
   * Largest objective gain of a single-workload move that this row alone forbids and that its
   * relaxation (+10 % capacity or budget, share by 0.1) would allow; 0 if none.
   */
  readonly gain: number;
  /** Workloads whose moves make up `gain`, best first: the neighbourhood a big model re-solves. */
  readonly movers: readonly number[];
}

function currentChoice(problem: PreparedProblem, picks: readonly PortfolioPick[]): (PreparedOption | null)[] {
  const cur: (PreparedOption | null)[] = problem.workloads.map(() => null);
  for (const p of picks) cur[p.workload] = p.option;
  return cur;
}

/** Capacity after the report's relaxation: +10 %, rounded up, at least one device more. */
export function relaxedCapacity(capacity: number): number {
  return Math.max(capacity + 1, Math.ceil(capacity * 1.1));
}

class GainBook {
  private readonly gains = new Map<number, Map<number, number>>();
  note(row: number, workload: number, gain: number): void {
    const byWorkload = this.gains.get(row) ?? new Map<number, number>();
    byWorkload.set(workload, Math.max(byWorkload.get(workload) ?? 0, gain));
    this.gains.set(row, byWorkload);
  }
  gain(row: number): number {
    return Math.max(0, ...(this.gains.get(row)?.values() ?? []));
  }
  movers(row: number): number[] {
    return [...(this.gains.get(row)?.entries() ?? [])].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  }
}

/**
 * A MIP has no meaningful duals, so a constraint counts as binding when it is tight (slack within
 * tolerance) or when it forbids a single-workload move that would lower the objective (for policy
 * rows: a move that fits capacity as the plan stands). Ranked by the gain its relaxation would
 * unlock for one such move (`gain`), then tight first.
 */
export function bindingRows(problem: PreparedProblem, built: BuiltModel, plan: SolvedPlan): BindingRow[] {
  const cur = currentChoice(problem, plan.picks);
  const coefNow = (w: number) => cur[w]?.coef ?? problem.penalty;
  const found: BindingRow[] = [];
  const book = new GainBook();
  const { budget, domesticShare, countryShare } = problem.policy;

  // Capacity: slack per row, then every improving move onto a pool, against the rows it crosses.
  const slack = new Map<number, number>();
  const capacityOf = new Map<number, number>();
  const rowsOfCol = new Map<number, number[]>();
  built.rows.forEach((meta, row) => {
    if (meta.kind !== 'capacity') return;
    let used = 0;
    for (const col of meta.cols) {
      if (cur[built.colWorkload[col]] === built.colOption[col]) used += problem.workloads[built.colWorkload[col]].devices;
      const list = rowsOfCol.get(col);
      if (list === undefined) rowsOfCol.set(col, [row]);
      else list.push(row);
    }
    slack.set(row, meta.capacity - used);
    capacityOf.set(row, meta.capacity);
  });
  const blockedAny = new Set<number>();
  for (const [col, rows] of rowsOfCol) {
    const w = built.colWorkload[col];
    const o = built.colOption[col];
    const gain = coefNow(w) - o.coef;
    if (cur[w] === o || gain <= 1e-12) continue;
    const d = problem.workloads[w].devices;
    const blocking = rows.filter((r) => d > (slack.get(r) ?? 0));
    for (const r of blocking) blockedAny.add(r);
    if (blocking.length !== 1) continue;
    const capacity = capacityOf.get(blocking[0]) ?? 0;
    if (d <= (slack.get(blocking[0]) ?? 0) + relaxedCapacity(capacity) - capacity) book.note(blocking[0], w, gain);
  }
  for (const [row, s] of slack) {
    const meta = built.rows[row];
    if (meta.kind !== 'capacity') continue;
    const tight = s <= tolerance(meta.capacity);
    if (tight || blockedAny.has(row)) found.push({ row, name: meta.name, slack: s, tight, gain: book.gain(row), movers: book.movers(row) });
  }

  // Policy rows: current slacks in natural units, then every improving move that fits capacity.
  let inferenceAll = 0;
  let inferenceDomestic = 0;
  let trainingSpend = new D(0);
  const spendByCountry = new Map<string, Dec>();
  for (const p of plan.picks) {
    const w = problem.workloads[p.workload];
    const pool = problem.pools[p.option.poolIndex];
    if (w.inference) {
      inferenceAll += w.devices;
      if (pool.domestic) inferenceDomestic += w.devices;
    } else {
      trainingSpend = trainingSpend.plus(p.option.cost);
      spendByCountry.set(pool.countryCode, (spendByCountry.get(pool.countryCode) ?? new D(0)).plus(p.option.cost));
    }
  }
  const budgetNumber = budget?.toNumber() ?? 0;
  const budgetSlack = budget === null ? 0 : budget.minus(plan.cost).toNumber();
  const trainingNumber = trainingSpend.toNumber();
  const spendOf = (c: string) => spendByCountry.get(c)?.toNumber() ?? 0;
  const budgetRow = built.rows.findIndex((m) => m.kind === 'budget');
  const domesticRow = built.rows.findIndex((m) => m.kind === 'domestic');
  const countryRows = new Map<string, number>();
  built.rows.forEach((m, i) => {
    if (m.kind === 'country') countryRows.set(m.country, i);
  });
  const blockedPolicy = new Set<number>();
  const load = new PeriodLoad(problem);
  for (const p of plan.picks) {
    const w = problem.workloads[p.workload];
    load.add(p.option.poolIndex, w.from, w.to, w.devices);
  }
  for (const w of problem.workloads) {
    const now = cur[w.index];
    for (const o of w.options) {
      if (o === now) continue;
      const gain = coefNow(w.index) - o.coef;
      if (gain <= 1e-12 || !load.fits(o.poolIndex, w.from, w.to, w.devices)) continue;
      const costNow = now?.costNumber ?? 0;
      if (budgetRow >= 0) {
        const after = budgetSlack - (o.costNumber - costNow);
        if (after < -tolerance(budgetNumber)) {
          blockedPolicy.add(budgetRow);
          if (after + 0.1 * budgetNumber >= -tolerance(budgetNumber)) book.note(budgetRow, w.index, gain);
        }
      }
      if (domesticRow >= 0 && domesticShare !== null && w.inference) {
        const dom = (x: PreparedOption | null) => (x !== null && problem.pools[x.poolIndex].domestic ? w.devices : 0);
        const domestic = inferenceDomestic + dom(o) - dom(now);
        const all = inferenceAll + w.devices - (now === null ? 0 : w.devices);
        if (domestic < domesticShare * all - tolerance(all)) {
          blockedPolicy.add(domesticRow);
          if (domestic >= Math.max(0, domesticShare - 0.1) * all - tolerance(all)) book.note(domesticRow, w.index, gain);
        }
      }
      if (countryShare !== null && w.training) {
        const total = trainingNumber + o.costNumber - costNow;
        for (const [c, row] of countryRows) {
          const country = (x: PreparedOption | null) => (x !== null && problem.pools[x.poolIndex].countryCode === c ? x.costNumber : 0);
          const spend = spendOf(c) + country(o) - country(now);
          if (spend > countryShare * total + tolerance(total)) {
            blockedPolicy.add(row);
            if (spend <= Math.min(1, countryShare + 0.1) * total + tolerance(total)) book.note(row, w.index, gain);
          }
        }
      }
    }
  }
  const policyRow = (row: number, slackNow: number, scale: number) => {
    const meta = built.rows[row];
    const tight = slackNow <= tolerance(scale);
    if ((tight || blockedPolicy.has(row)) && 'name' in meta) found.push({ row, name: meta.name, slack: slackNow, tight, gain: book.gain(row), movers: book.movers(row) });
  };
  if (budgetRow >= 0) policyRow(budgetRow, budgetSlack, budgetNumber);
  if (domesticRow >= 0 && domesticShare !== null) policyRow(domesticRow, inferenceDomestic - domesticShare * inferenceAll, inferenceAll);
  if (countryShare !== null) for (const [c, row] of countryRows) policyRow(row, countryShare * trainingNumber - spendOf(c), trainingNumber);

  return found.sort((a, b) => b.gain - a.gain || Number(b.tight) - Number(a.tight) || a.name.localeCompare(b.name));
}

interface Relaxation {
  readonly relaxedBy: string;
  apply(model: Model): void;
  restore(model: Model): void;
}

function relaxationFor(problem: PreparedProblem, built: BuiltModel, row: number, infinity: number): Relaxation | null {
  const meta = built.rows[row];
  const lower = built.data.rowLower[row];
  const upper = built.data.rowUpper[row];
  const restoreBounds = (model: Model) => model.changeRowBounds(row, lower, upper);
  switch (meta.kind) {
    case 'capacity': {
      const relaxed = relaxedCapacity(meta.capacity);
      return { relaxedBy: `capacity ${meta.capacity} → ${relaxed} devices (+10 %, rounded up to whole devices)`, apply: (m) => m.changeRowBounds(row, -infinity, relaxed), restore: restoreBounds };
    }
    case 'budget': {
      const budget = problem.policy.budget ?? new D(0);
      const relaxed = budget.times('1.1');
      return { relaxedBy: `budget ${budget.toFixed()} → ${relaxed.toFixed()} (+10 %)`, apply: (m) => m.changeRowBounds(row, -infinity, relaxed.toNumber() / problem.norms.cost), restore: restoreBounds };
    }
    case 'domestic': {
      const share = problem.policy.domesticShare ?? 0;
      const relaxed = Math.max(0, share - 0.1);
      const col = built.inferenceCol;
      if (col === null) return null;
      return { relaxedBy: `domestic inference share ${formatShare(share)} → ${formatShare(relaxed)} (−0.1)`, apply: (m) => m.changeCoefficient(row, col, -relaxed), restore: (m) => m.changeCoefficient(row, col, -share) };
    }
    case 'country': {
      const share = problem.policy.countryShare ?? 1;
      const relaxed = Math.min(1, share + 0.1);
      const col = built.trainingCol;
      if (col === null) return null;
      return { relaxedBy: `training spend share in ${meta.country} ${formatShare(share)} → ${formatShare(relaxed)} (+0.1)`, apply: (m) => m.changeCoefficient(row, col, -relaxed), restore: (m) => m.changeCoefficient(row, col, -share) };
    }
    default:
      return null;
  }
}

export interface AnalysisDeps {
  readonly highs: Highs;
  readonly model: Model;
  readonly problem: PreparedProblem;
  readonly built: BuiltModel;
  readonly evaluate: (colValue: Float64Array) => { objective: number; cost: Dec };
}

/** Most workloads freed in a neighbourhood relaxation re-solve (the best movers first). */
const MAX_MOVERS = 60;

/**
 * The binding report. The first `maxRelaxations` rows get a time-limited re-solve with that row
 * relaxed, warm-started from the plan (so the saving is never negative and is a lower bound on
 * what the relaxation is worth). Big models re-solve a neighbourhood only: the workloads whose
 * moves the row blocks, plus a capacity row's occupants; everything else stays where it is.
 */
export function bindingReport(deps: AnalysisDeps, plan: SolvedPlan, budgetSeconds: number): PortfolioBinding[] {
  const { highs, model, problem, built } = deps;
  const rows = bindingRows(problem, built, plan);
  const chosen = rows.slice(0, problem.maxRelaxations);
  const perRun = chosen.length === 0 ? 0 : budgetSeconds / chosen.length;
  const big = built.binaries >= NEIGHBOURHOOD_MIN_BINARIES;
  const savings = new Map<number, PortfolioRelaxationSaving>();
  for (const r of chosen) {
    const relaxation = relaxationFor(problem, built, r.row, highs.infinity);
    if (relaxation === null || perRun <= 0) continue;
    const solve = () => runModel(highs, model, { timeLimitSeconds: perRun, mipRelGap: problem.mipRelGap, start: plan.colValue, objectiveScale: built.objectiveScale });
    let resolve = solve;
    if (big) {
      const free = new Set(r.movers.slice(0, MAX_MOVERS));
      const meta = built.rows[r.row];
      if (meta.kind === 'capacity') for (const col of meta.cols) if (plan.colValue[col] > 0.5) free.add(built.colWorkload[col]);
      const { columns, values } = fixedOutside(built, plan.colValue, free);
      resolve = () => withFixedColumns(model, columns, values, solve);
    }
    relaxation.apply(model);
    try {
      const run = resolve();
      const after = run.colValue === null ? null : deps.evaluate(run.colValue);
      const better = after !== null && after.objective < plan.objective - 1e-12;
      savings.set(r.row, {
        relaxedBy: relaxation.relaxedBy,
        objectiveBefore: plan.objective,
        objectiveAfter: better ? after.objective : plan.objective,
        costSaving: better ? plan.cost.minus(after.cost).toFixed() : '0',
      });
    } finally {
      relaxation.restore(model);
    }
  }
  return rows.map((r) => ({ constraint: r.name, slack: r.slack, relaxationSaving: savings.get(r.row) ?? null }));
}

function familyRows(built: BuiltModel, family: PolicyFamily): number[] {
  const kind = { budget: 'budget', 'domestic inference share': 'domestic', 'training country share': 'country', 'groups together': 'groupLink' }[family];
  const rows: number[] = [];
  built.rows.forEach((m, i) => {
    if (m.kind === kind) rows.push(i);
  });
  return rows;
}

/**
 * For an infeasible model: drop policy families one at a time, then in pairs, then all at once,
 * each re-solve stopping at its first feasible solution under a slice of the time budget. The
 * first set whose removal is feasible is returned; if even no policy at all is infeasible, the
 * placement itself is (capacity, or a workload with no option that fits).
 */
export function conflictSearch(deps: AnalysisDeps, budgetSeconds: number): string[] {
  const { highs, model, problem, built } = deps;
  const present = POLICY_FAMILIES.filter((f) => familyRows(built, f).length > 0);
  const placement = () => {
    const stuck = problem.allowUnassigned ? [] : problem.workloads.filter((w) => w.options.length === 0);
    return stuck.length > 0 ? stuck.map((w) => `capacity (workload ${w.id} has no option with enough free devices over its window)`) : ['capacity'];
  };
  if (present.length === 0) return placement();
  const candidates: PolicyFamily[][] = present.map((f) => [f]);
  for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) candidates.push([present[i], present[j]]);
  if (present.length > 2) candidates.push([...present]);
  const perRun = budgetSeconds / candidates.length;
  let allDroppedProvedInfeasible = false;
  for (const drop of candidates) {
    const rows = drop.flatMap((f) => familyRows(built, f));
    for (const r of rows) model.changeRowBounds(r, -highs.infinity, highs.infinity);
    try {
      const run = runModel(highs, model, { timeLimitSeconds: perRun, mipRelGap: problem.mipRelGap, firstSolution: true, objectiveScale: built.objectiveScale });
      if (run.colValue !== null) return drop;
      if (drop.length === present.length) allDroppedProvedInfeasible = run.modelStatus === highs.constants.modelStatus.infeasible || run.modelStatus === highs.constants.modelStatus.unboundedOrInfeasible;
    } finally {
      for (const r of rows) model.changeRowBounds(r, built.data.rowLower[r], built.data.rowUpper[r]);
    }
  }
  if (allDroppedProvedInfeasible) return placement();
  return [`undetermined: no re-solve without ${present.join(', ')} found a plan or proved infeasibility within ${perRun.toFixed(2)} s`];
}
