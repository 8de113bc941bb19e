import { constraintName } from './constraint-names.js';
import { PortfolioError } from './portfolio.error.js';
import type { PortfolioAssignment, PortfolioInput } from './portfolio.types.js';
import { D, type Dec, preparePortfolio, type PreparedOption, type PreparedProblem } from './problem.js';
import { freeAt } from './time.js';

/** One placed workload, by index into the prepared problem. */
export interface PortfolioPick {
  readonly workload: number;
  readonly option: PreparedOption;
}

export interface PortfolioViolation {
  readonly constraint: string;
  readonly detail: string;
}

/** Absolute slack allowed on a constraint whose right-hand side is of size `scale` (1e-6 relative, 1e-6 absolute below 1). */
export function tolerance(scale: number): number {
  return 1e-6 * Math.max(1, Math.abs(scale));
}

/**
 * Every constraint a plan must meet, checked from the input alone (not from the solver's model,
 * so a modelling bug shows up here too): each workload placed once (at most once when
 * unassigned is allowed), on one of its options; devices per pool at every instant within the
 * free devices; budget; domestic inference share; training spend share per country; groups in
 * one country.
 */
export function findViolations(problem: PreparedProblem, picks: readonly PortfolioPick[]): PortfolioViolation[] {
  const violations: PortfolioViolation[] = [];
  const count = new Array<number>(problem.workloads.length).fill(0);
  for (const pick of picks) count[pick.workload] += 1;
  problem.workloads.forEach((w, i) => {
    if (count[i] > 1) violations.push({ constraint: constraintName.assignment(w.id), detail: `assigned ${count[i]} times` });
    if (count[i] === 0 && !problem.allowUnassigned) violations.push({ constraint: constraintName.assignment(w.id), detail: 'not assigned' });
  });
  for (const pick of picks) {
    const w = problem.workloads[pick.workload];
    if (!w.allOptions.includes(pick.option)) violations.push({ constraint: constraintName.option(w.id, pick.option.poolId), detail: 'not one of its options' });
  }

  violations.push(...capacityViolations(problem, picks));

  const { budget, domesticShare, countryShare, groups } = problem.policy;
  if (budget !== null) {
    const total = picks.reduce<Dec>((s, p) => s.plus(p.option.cost), new D(0));
    if (total.minus(budget).gt(tolerance(budget.toNumber()))) {
      violations.push({ constraint: constraintName.budget(), detail: `cost ${total.toFixed()} > budget ${budget.toFixed()}` });
    }
  }
  if (domesticShare !== null) {
    let all = 0;
    let domestic = 0;
    for (const p of picks) {
      const w = problem.workloads[p.workload];
      if (!w.inference) continue;
      all += w.devices;
      if (problem.pools[p.option.poolIndex].domestic) domestic += w.devices;
    }
    if (domestic < domesticShare * all - tolerance(all)) {
      violations.push({ constraint: constraintName.domestic(domesticShare), detail: `${domestic} of ${all} inference devices domestic` });
    }
  }
  if (countryShare !== null) {
    let total = new D(0);
    const byCountry = new Map<string, Dec>();
    for (const p of picks) {
      if (!problem.workloads[p.workload].training) continue;
      const c = problem.pools[p.option.poolIndex].countryCode;
      total = total.plus(p.option.cost);
      byCountry.set(c, (byCountry.get(c) ?? new D(0)).plus(p.option.cost));
    }
    const cap = total.times(countryShare);
    for (const [c, spend] of byCountry) {
      if (spend.minus(cap).gt(tolerance(total.toNumber()))) {
        violations.push({ constraint: constraintName.country(c, countryShare), detail: `${spend.toFixed()} of ${total.toFixed()} training spend in ${c}` });
      }
    }
  }
  if (groups.size > 0) {
    const countries = new Map<string, Set<string>>();
    for (const p of picks) {
      const g = problem.workloads[p.workload].group;
      if (g === null || !groups.has(g)) continue;
      countries.set(g, (countries.get(g) ?? new Set<string>()).add(problem.pools[p.option.poolIndex].countryCode));
    }
    for (const [g, set] of countries) {
      if (set.size > 1) violations.push({ constraint: constraintName.group(g), detail: `split over ${[...set].sort().join(', ')}` });
    }
  }
  return violations;
}

function capacityViolations(problem: PreparedProblem, picks: readonly PortfolioPick[]): PortfolioViolation[] {
  const byPool = new Map<number, PortfolioPick[]>();
  for (const p of picks) {
    const list = byPool.get(p.option.poolIndex);
    if (list === undefined) byPool.set(p.option.poolIndex, [p]);
    else list.push(p);
  }
  const violations: PortfolioViolation[] = [];
  for (const [poolIndex, onPool] of byPool) {
    const pool = problem.pools[poolIndex];
    // A sweep over every instant where the load or the free devices change.
    const delta = new Map<number, number>();
    for (const p of onPool) {
      const w = problem.workloads[p.workload];
      delta.set(w.from, (delta.get(w.from) ?? 0) + w.devices);
      delta.set(w.to, (delta.get(w.to) ?? 0) - w.devices);
    }
    for (const iv of pool.intervals) {
      if (!delta.has(iv.from)) delta.set(iv.from, 0);
      if (Number.isFinite(iv.to) && !delta.has(iv.to)) delta.set(iv.to, 0);
    }
    const times = [...delta.keys()].sort((a, b) => a - b);
    let used = 0;
    for (let i = 0; i < times.length - 1; i++) {
      used += delta.get(times[i]) ?? 0;
      if (used <= 0) continue;
      const free = freeAt(pool.intervals, times[i]);
      if (used > free + tolerance(free)) {
        violations.push({ constraint: constraintName.capacity(pool.id, times[i], times[i + 1]), detail: `${used} devices used, ${free} free` });
      }
    }
  }
  return violations;
}

/** Throws PORTFOLIO_VERIFICATION_FAILED naming the first broken constraint (all of them in `issues`). */
export function assertNoViolations(violations: readonly PortfolioViolation[], what: string): void {
  if (violations.length === 0) return;
  const first = violations[0];
  throw new PortfolioError(
    'PORTFOLIO_VERIFICATION_FAILED',
    `${what} breaks ${first.constraint} (${first.detail})${violations.length > 1 ? ` and ${violations.length - 1} more` : ''}`,
    first.constraint,
    violations.map((v) => `${v.constraint}: ${v.detail}`),
  );
}

function sameMoney(text: string, cost: Dec): boolean {
  try {
    return new D(text).eq(cost);
  } catch {
    return false;
  }
}

export type VerifiableAssignment = Pick<PortfolioAssignment, 'workloadId' | 'poolId'> & Partial<Pick<PortfolioAssignment, 'cost' | 'timeDays' | 'risk'>>;

/**
 * Checks a plan's assignment against every constraint of the input, the same check planPortfolio
 * runs on the solver's answer before returning it. Reported figures (cost, timeDays, risk), when
 * given, must be the option's own. Throws PortfolioError PORTFOLIO_VERIFICATION_FAILED.
 */
export function verifyPortfolio(input: PortfolioInput, assignment: readonly VerifiableAssignment[]): void {
  const problem = preparePortfolio(input);
  const violations: PortfolioViolation[] = [];
  const picks: PortfolioPick[] = [];
  for (const a of assignment) {
    const workload = problem.workloadIndexById.get(a.workloadId);
    if (workload === undefined) {
      violations.push({ constraint: constraintName.assignment(a.workloadId), detail: 'no such workload' });
      continue;
    }
    const option = problem.workloads[workload].allOptions.find((o) => o.poolId === a.poolId);
    if (option === undefined) {
      violations.push({ constraint: constraintName.option(a.workloadId, a.poolId), detail: 'not one of its options' });
      continue;
    }
    const wrong =
      (a.cost !== undefined && !sameMoney(a.cost, option.cost)) ||
      (a.timeDays !== undefined && a.timeDays !== option.timeDays) ||
      (a.risk !== undefined && a.risk !== option.risk);
    if (wrong) violations.push({ constraint: constraintName.option(a.workloadId, a.poolId), detail: 'reported cost, timeDays or risk differ from the option' });
    picks.push({ workload, option });
  }
  violations.push(...findViolations(problem, picks));
  assertNoViolations(violations, 'the assignment');
}
