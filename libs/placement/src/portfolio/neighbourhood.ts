import type { Highs, Model } from 'highs';
import type { BuiltModel } from './model.js';
import type { PreparedProblem } from './problem.js';
import { runModel, withFixedColumns } from './solver.js';

/**
 * Models at least this big get the neighbourhood phase and neighbourhood relaxation re-solves.
 * Measured on 1,000 × 200 (29k binaries, tight capacity): HiGHS spends its first 20 s in root
 * cut rounds (~5 s each in Wasm) and never improves the warm start, while 0.5 s sub-MIPs over
 * 10 random pools took the start from 1.355 to 1.307 in 15 s (seed 3). Below this size the full
 * MIP usually proves optimality within the limit, so the phase would only cost time.
 */
export const NEIGHBOURHOOD_MIN_BINARIES = 5000;
const POOLS_PER_NEIGHBOURHOOD = 10;
const SUB_MIP_SECONDS = 0.5;

/** mulberry32: a fixed seed, so the same input and clock give the same neighbourhoods. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every x column of a workload outside `free`, with its value in `x` (rounded to 0/1). */
export function fixedOutside(built: BuiltModel, x: ArrayLike<number>, free: ReadonlySet<number>): { columns: Int32Array; values: Float64Array } {
  const columns: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < built.xCount; j++) {
    if (free.has(built.colWorkload[j])) continue;
    columns.push(j);
    values.push(x[j] > 0.5 ? 1 : 0);
  }
  return { columns: Int32Array.from(columns), values: Float64Array.from(values) };
}

export interface NeighbourhoodDeps {
  readonly highs: Highs;
  readonly model: Model;
  readonly problem: PreparedProblem;
  readonly built: BuiltModel;
  readonly objectiveOf: (x: Float64Array) => number;
}

/**
 * Large-neighbourhood search from a feasible start: free the workloads on a few random pools
 * (and unassigned ones that could go there), fix the rest, let HiGHS re-optimise that sub-MIP
 * warm-started from the current plan, keep it if better; until `seconds` run out. Every accepted
 * plan is a solution of the full model (only bounds changed), so it stays feasible.
 */
export function searchNeighbourhoods(deps: NeighbourhoodDeps, start: Float64Array, seconds: number): Float64Array {
  const { highs, model, problem, built } = deps;
  const rand = prng(0x5eed);
  const deadline = performance.now() + seconds * 1000;
  let x = start;
  let best = deps.objectiveOf(x);
  const poolCount = problem.pools.length;
  const k = Math.min(poolCount, POOLS_PER_NEIGHBOURHOOD);
  while (deadline - performance.now() > 50) {
    const pools = new Set<number>();
    while (pools.size < k) pools.add(Math.floor(rand() * poolCount));
    const placed = new Set<number>();
    const free = new Set<number>();
    for (let j = 0; j < built.xCount; j++) {
      if (x[j] <= 0.5) continue;
      placed.add(built.colWorkload[j]);
      if (pools.has(built.colOption[j].poolIndex)) free.add(built.colWorkload[j]);
    }
    if (problem.allowUnassigned) {
      for (let j = 0; j < built.xCount; j++) if (!placed.has(built.colWorkload[j]) && pools.has(built.colOption[j].poolIndex)) free.add(built.colWorkload[j]);
    }
    if (free.size === 0) continue;
    const { columns, values } = fixedOutside(built, x, free);
    const limit = Math.min(SUB_MIP_SECONDS, (deadline - performance.now()) / 1000);
    const run = withFixedColumns(model, columns, values, () => runModel(highs, model, { timeLimitSeconds: limit, mipRelGap: 1e-4, start: x, objectiveScale: built.objectiveScale }));
    if (run.colValue === null) continue;
    const objective = deps.objectiveOf(run.colValue);
    if (objective < best - 1e-12) {
      best = objective;
      x = run.colValue;
    }
  }
  return x;
}
