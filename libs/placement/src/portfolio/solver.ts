import highsModule, { type Highs, type Model } from 'highs';
import { PortfolioError } from './portfolio.error.js';

type Loader = (typeof highsModule)['default'];
// highs ships CommonJS-flavoured types ("type": "commonjs", `export default` in types.d.ts), so
// under NodeNext TypeScript types the default import as the module object, while Node and Jest
// load build/highs.mjs whose default export is the loader itself. Accept both shapes.
const highsLoader: Loader = typeof highsModule === 'function' ? (highsModule as Loader) : highsModule.default;

let loading: Promise<Highs> | null = null;

/** One Wasm runtime per process: instantiating costs ~100 ms and its memory is never handed back anyway. */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export interface RunOutcome {
  readonly modelStatus: number;
  /** A primal feasible column vector, when HiGHS has one. */
  readonly colValue: Float64Array | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
}

export interface RunSettings {
  readonly timeLimitSeconds: number;
  readonly mipRelGap: number;
  /** A full column vector HiGHS may take as its first incumbent (it checks feasibility itself). */
  readonly start?: Float64Array;
  /** Stop at the first feasible solution (feasibility tests of the conflict search). */
  readonly firstSolution?: boolean;
  /** The model's objective scale: the bound HiGHS reports is divided by it. */
  readonly objectiveScale?: number;
}

const SOLUTION_FEASIBLE = 2;
const MODEL_ERRORS = new Set([1, 2, 3, 4, 5]);

function finiteOrNull(value: number | bigint): number | null {
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * One blocking run of a persistent model. `time_limit` on a persistent model is cumulative over
 * its runs (HiGHS' run clock), so every run zeroes the clocks first; options persist between
 * runs, so every run sets all of them.
 */
export function runModel(highs: Highs, model: Model, settings: RunSettings): RunOutcome {
  model.options.set({
    output_flag: false,
    time_limit: Math.max(settings.timeLimitSeconds, 0.01),
    mip_rel_gap: settings.mipRelGap,
    mip_max_improving_sols: settings.firstSolution ? 1 : 2147483647,
  });
  model.zeroAllClocks();
  if (settings.start !== undefined) model.setSolution({ colValue: settings.start });
  const t0 = performance.now();
  const { modelStatus } = model.run();
  const seconds = (performance.now() - t0) / 1000;
  if (MODEL_ERRORS.has(modelStatus)) {
    throw new PortfolioError('PORTFOLIO_SOLVER_ERROR', `HiGHS ended with model status ${modelStatus} (${statusName(highs, modelStatus)})`);
  }
  const feasible = Number(model.info.get('primal_solution_status')) === SOLUTION_FEASIBLE;
  return {
    modelStatus,
    colValue: feasible ? Float64Array.from(model.getSolution().colValue) : null,
    bound: scaled(finiteOrNull(model.info.get('mip_dual_bound')), settings.objectiveScale ?? 1),
    gap: feasible ? finiteOrNull(model.info.get('mip_gap')) : null,
    seconds,
  };
}

function scaled(value: number | null, scale: number): number | null {
  return value === null ? null : value / scale;
}

/**
 * Runs `operation` with the given binary columns fixed at their values (a neighbourhood
 * sub-MIP: HiGHS' presolve removes them, so the run is as small as what stays free), then
 * frees them to [0, 1] again.
 */
export function withFixedColumns<T>(model: Model, columns: Int32Array, values: Float64Array, operation: () => T): T {
  if (columns.length === 0) return operation();
  const selection = { kind: 'set', indices: columns } as const;
  model.changeColsBounds(selection, values, values);
  try {
    return operation();
  } finally {
    model.changeColsBounds(selection, new Float64Array(columns.length), new Float64Array(columns.length).fill(1));
  }
}

function statusName(highs: Highs, code: number): string {
  return Object.entries(highs.constants.modelStatus).find(([, c]) => c === code)?.[0] ?? 'unknown';
}
