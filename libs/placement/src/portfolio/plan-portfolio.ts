import { bindingReport, conflictSearch, type AnalysisDeps } from './analysis.js';
import { greedyPicks, improvePicks } from './greedy.js';
import { buildModel } from './model.js';
import { NEIGHBOURHOOD_MIN_BINARIES, searchNeighbourhoods } from './neighbourhood.js';
import type { PortfolioAssignment, PortfolioBinding, PortfolioInput, PortfolioPlan, PortfolioStatus } from './portfolio.types.js';
import { D, type Dec, objectiveOf, preparePortfolio, type PreparedOption, type PreparedProblem } from './problem.js';
import { loadHighs, runModel, type RunOutcome } from './solver.js';
import { assertNoViolations, findViolations, type PortfolioPick } from './verify.js';

function choiceOf(problem: PreparedProblem, picks: readonly PortfolioPick[]): (PreparedOption | null)[] {
  const choice: (PreparedOption | null)[] = problem.workloads.map(() => null);
  for (const p of picks) choice[p.workload] = p.option;
  return choice;
}

function picksOf(choice: readonly (PreparedOption | null)[]): PortfolioPick[] {
  const picks: PortfolioPick[] = [];
  choice.forEach((option, workload) => {
    if (option !== null) picks.push({ workload, option });
  });
  return picks;
}

function costOf(picks: readonly PortfolioPick[]): Dec {
  return picks.reduce<Dec>((s, p) => s.plus(p.option.cost), new D(0));
}

/**
 * The better of HiGHS' dual bound and the trivial one (every workload at its best option, or
 * unassigned if that is cheaper and allowed), so a bound exists even when the time limit came
 * before the root LP did.
 */
function lowerBound(problem: PreparedProblem, solverBound: number | null): number {
  let trivial = 0;
  for (const w of problem.workloads) {
    const best = w.options.reduce((m, o) => Math.min(m, o.coef), Infinity);
    trivial += problem.allowUnassigned ? Math.min(best, problem.penalty) : Number.isFinite(best) ? best : problem.penalty;
  }
  return Math.max(trivial, solverBound ?? -Infinity);
}

function statusOf(run: RunOutcome, codes: { optimal: number; infeasible: number; unboundedOrInfeasible: number; empty: number }): PortfolioStatus {
  if (run.modelStatus === codes.infeasible || run.modelStatus === codes.unboundedOrInfeasible) return 'INFEASIBLE';
  if ((run.modelStatus === codes.optimal || run.modelStatus === codes.empty) && run.colValue !== null) return 'OPTIMAL';
  // Time limit, and any other early stop (interrupt, iteration or solution limit) the options here never set.
  return run.colValue !== null ? 'FEASIBLE_TIME_LIMIT' : 'NO_SOLUTION_TIME_LIMIT';
}

/**
 * Places every workload (or as many as pay, with allowUnassigned) on one of its feasible pools so
 * that per-pool device capacity holds in every period and the policy holds, minimising the
 * weighted normalised cost, time and risk. One HiGHS MIP, warm-started from the greedy
 * baseline when that baseline is feasible; the returned plan is verified against every
 * constraint from the input (PortfolioError PORTFOLIO_VERIFICATION_FAILED otherwise).
 */
export async function planPortfolio(input: PortfolioInput): Promise<PortfolioPlan> {
  const t0 = performance.now();
  const problem = preparePortfolio(input);
  const highs = await loadHighs();

  const greedyChoice = greedyPicks(problem);
  const greedyPlan = picksOf(greedyChoice);
  const greedyFeasible = findViolations(problem, greedyPlan).length === 0;
  const greedy = { cost: costOf(greedyPlan).toFixed(), objective: objectiveOf(problem, greedyChoice), feasible: greedyFeasible };

  const built = buildModel(problem, highs.infinity);
  const modelStats = { variables: built.data.numCols, constraints: built.data.numRows, binaries: built.binaries, periods: built.periods };
  const base = { timeLimitSeconds: problem.timeLimitSeconds, model: modelStats, greedy, verified: true as const };

  if (problem.workloads.length === 0) {
    return { ...base, status: 'OPTIMAL', assignment: [], unassigned: [], totals: { cost: '0', timeDaysWeightedMean: 0, riskMean: 0 }, objective: 0, bound: 0, gap: 0, solveSeconds: (performance.now() - t0) / 1000, binding: [], conflicts: null };
  }

  const model = highs.createModel(built.data);
  try {
    const evaluate = (colValue: Float64Array) => {
      const picks = built.decode(colValue);
      return { objective: objectiveOf(problem, choiceOf(problem, picks)), cost: costOf(picks) };
    };
    const deps: AnalysisDeps = { highs, model, problem, built, evaluate };

    // Warm start: greedy with its gaps filled and single moves taken (improvePicks), if that
    // verifies; else greedy itself if that does; else none (HiGHS rejects infeasible starts).
    const improved = improvePicks(problem, greedyChoice);
    const startChoice = findViolations(problem, picksOf(improved)).length === 0 ? improved : greedyFeasible ? greedyChoice : null;
    let start = startChoice === null ? undefined : built.startVector(startChoice);
    const remaining = () => problem.timeLimitSeconds - (performance.now() - t0) / 1000;
    if (built.binaries >= NEIGHBOURHOOD_MIN_BINARIES) {
      if (start === undefined) {
        // No heuristic start verified: let HiGHS find any plan (feasibility jump, ~1 s at 29k binaries) to search from.
        start = runModel(highs, model, { timeLimitSeconds: remaining() / 4, mipRelGap: problem.mipRelGap, firstSolution: true, objectiveScale: built.objectiveScale }).colValue ?? undefined;
      }
      // Half of what is left goes to neighbourhood sub-MIPs, the rest to the full MIP, which
      // needs several seconds for its root LP before it reports any bound.
      if (start !== undefined) start = searchNeighbourhoods({ highs, model, problem, built, objectiveOf: (x) => evaluate(x).objective }, start, remaining() / 2);
    }
    const main = runModel(highs, model, { timeLimitSeconds: remaining(), mipRelGap: problem.mipRelGap, start, objectiveScale: built.objectiveScale });
    const solveSeconds = (performance.now() - t0) / 1000;
    let status = statusOf(main, highs.constants.modelStatus);
    // Keep the better of HiGHS' incumbent and the (verified) start: HiGHS may stop before it has
    // even read the start, or drop it over a tolerance.
    let colValue = main.colValue;
    if (start !== undefined && (colValue === null || evaluate(start).objective < evaluate(colValue).objective - 1e-12)) {
      colValue = start;
      if (status !== 'OPTIMAL') status = 'FEASIBLE_TIME_LIMIT';
    }

    if (colValue === null) {
      const conflicts = status === 'INFEASIBLE' ? conflictSearch(deps, problem.analysisTimeLimitSeconds) : null;
      return {
        ...base,
        status,
        assignment: [],
        unassigned: problem.workloads.map((w) => w.id),
        totals: { cost: '0', timeDaysWeightedMean: 0, riskMean: 0 },
        objective: null,
        bound: status === 'INFEASIBLE' ? null : lowerBound(problem, main.bound),
        gap: null,
        solveSeconds,
        binding: [],
        conflicts,
      };
    }

    const picks = built.decode(colValue);
    assertNoViolations(findViolations(problem, picks), "the solver's plan");
    const choice = choiceOf(problem, picks);
    const objective = objectiveOf(problem, choice);
    const cost = costOf(picks);
    const binding: PortfolioBinding[] = bindingReport(deps, { colValue, picks, objective, cost }, problem.analysisTimeLimitSeconds);
    const bound = lowerBound(problem, main.bound);

    const assignment: PortfolioAssignment[] = [];
    const unassigned: string[] = [];
    let devices = 0;
    let deviceDays = 0;
    let risk = 0;
    problem.workloads.forEach((w, i) => {
      const o = choice[i];
      if (o === null) {
        unassigned.push(w.id);
        return;
      }
      assignment.push({ workloadId: w.id, poolId: o.poolId, cost: o.cost.toFixed(), timeDays: o.timeDays, risk: o.risk });
      devices += w.devices;
      deviceDays += w.devices * o.timeDays;
      risk += o.risk;
    });
    return {
      ...base,
      status,
      assignment,
      unassigned,
      totals: { cost: cost.toFixed(), timeDaysWeightedMean: devices > 0 ? deviceDays / devices : 0, riskMean: assignment.length > 0 ? risk / assignment.length : 0 },
      objective,
      bound,
      gap: Math.max(0, objective - bound) / Math.max(Math.abs(objective), 1e-12),
      solveSeconds,
      binding,
      conflicts: null,
    };
  } finally {
    model.dispose();
  }
}
