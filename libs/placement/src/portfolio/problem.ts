import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { PortfolioError } from './portfolio.error.js';
import type { PortfolioInput, PortfolioWorkloadKind } from './portfolio.types.js';
import { minFree, type MsInterval, uniqueSorted } from './time.js';

/** A private Decimal constructor, so the library never changes the global decimal.js settings. */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });
export type Dec = InstanceType<typeof D>;

export interface PreparedOption {
  readonly poolIndex: number;
  readonly poolId: string;
  readonly cost: Dec;
  /** The cost as a JS number, for the solver only; money reported is always recomputed from `cost`. */
  readonly costNumber: number;
  readonly timeDays: number;
  readonly risk: number;
  /** Objective contribution when chosen (weights × normalised terms). */
  readonly coef: number;
  /** Position in the workload's input options. */
  readonly inputIndex: number;
}

export interface PreparedWorkload {
  readonly index: number;
  readonly id: string;
  readonly kind: PortfolioWorkloadKind;
  readonly training: boolean;
  readonly inference: boolean;
  readonly devices: number;
  readonly from: number;
  readonly to: number;
  readonly group: string | null;
  /** Every input option, dropped ones included (the verifier checks against these). */
  readonly allOptions: readonly PreparedOption[];
  /** Options that can fit: the pool has at least `devices` free at every instant of the window. */
  readonly options: readonly PreparedOption[];
}

export interface PreparedPool {
  readonly index: number;
  readonly id: string;
  readonly countryCode: string;
  readonly domestic: boolean;
  /** Sorted by `from`, not overlapping. */
  readonly intervals: readonly MsInterval[];
}

export interface PreparedPolicy {
  readonly budget: Dec | null;
  /** null when absent or 0 (no constraint). */
  readonly domesticShare: number | null;
  /** null when absent or ≥ 1 (no constraint). */
  readonly countryShare: number | null;
  /** Groups of two or more workloads that must share a country; empty when keepGroupsTogether is false. */
  readonly groups: ReadonlyMap<string, readonly number[]>;
}

export interface PreparedProblem {
  readonly workloads: readonly PreparedWorkload[];
  readonly pools: readonly PreparedPool[];
  readonly poolIndexById: ReadonlyMap<string, number>;
  readonly workloadIndexById: ReadonlyMap<string, number>;
  readonly policy: PreparedPolicy;
  readonly allowUnassigned: boolean;
  /** Objective added per unassigned workload. */
  readonly penalty: number;
  readonly norms: { readonly cost: number; readonly time: number; readonly risk: number };
  /** Every window and capacity boundary inside [earliest window start, latest window end]. */
  readonly boundaries: readonly number[];
  readonly timeLimitSeconds: number;
  readonly mipRelGap: number;
  readonly analysisTimeLimitSeconds: number;
  readonly maxRelaxations: number;
  readonly droppedOptions: number;
}

const DECIMAL_TEXT = /^\d+(\.\d+)?$/;
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO date-time' });
const money = z.string().regex(DECIMAL_TEXT, { message: 'must be a non-negative decimal string' });
const share = z.number().min(0).max(1);
const finiteNonNegative = z.number().finite().min(0);

const InputSchema = z.object({
  workloads: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(['TRAINING', 'FINE_TUNING', 'INFERENCE', 'BATCH_INFERENCE']),
      devices: z.number().int().positive(),
      window: z.object({ from: instant, to: instant }),
      options: z.array(z.object({ poolId: z.string().min(1), cost: money, timeDays: finiteNonNegative, risk: share })),
      group: z.string().min(1).optional(),
    }),
  ),
  pools: z.array(
    z.object({
      id: z.string().min(1),
      countryCode: z.string().min(1),
      domestic: z.boolean(),
      capacity: z.array(z.object({ from: instant, to: instant.nullable(), devices: z.number().int().min(0) })),
    }),
  ),
  policy: z.object({
    budget: money.optional(),
    minDomesticInferenceShare: share.optional(),
    maxTrainingSpendShareInOneCountry: share.optional(),
    keepGroupsTogether: z.boolean().optional(),
  }),
  weights: z.object({ cost: finiteNonNegative, time: finiteNonNegative, risk: finiteNonNegative }),
  timeLimitSeconds: z.number().finite().positive({ message: 'must be > 0 (a solve always has a time limit)' }),
  mipRelGap: z.number().finite().min(0).optional(),
  allowUnassigned: z.boolean().optional(),
  unassignedPenalty: z.number().finite().positive().optional(),
  analysisTimeLimitSeconds: z.number().finite().min(0).optional(),
  maxRelaxations: z.number().int().min(0).optional(),
});

function invalid(issues: string[]): PortfolioError {
  return new PortfolioError('INVALID_PORTFOLIO_INPUT', `invalid portfolio input: ${issues.join('; ')}`, null, issues);
}

/** Validates the input and builds the indexed, shrunk problem both the model and the verifier work on. */
export function preparePortfolio(input: PortfolioInput): PreparedProblem {
  const parsed = InputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const issues: string[] = [];

  const poolIndexById = new Map<string, number>();
  const pools: PreparedPool[] = input.pools.map((pool, index) => {
    if (poolIndexById.has(pool.id)) issues.push(`pools.${index}: duplicate pool id ${pool.id}`);
    poolIndexById.set(pool.id, index);
    const intervals = pool.capacity
      .map((c) => ({ from: Date.parse(c.from), to: c.to === null ? Infinity : Date.parse(c.to), devices: c.devices }))
      .sort((a, b) => a.from - b.from);
    intervals.forEach((iv, i) => {
      if (iv.to <= iv.from) issues.push(`pools.${index} ${pool.id}: capacity interval ends before it starts`);
      if (i > 0 && iv.from < intervals[i - 1].to) issues.push(`pools.${index} ${pool.id}: capacity intervals overlap`);
    });
    return { index, id: pool.id, countryCode: pool.countryCode, domestic: pool.domestic, intervals };
  });

  const n = input.workloads.length;
  const weights = input.weights;
  const min = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((m, x) => Math.min(m, x), Infinity));
  const sumMinCost = input.workloads.reduce((s, w) => s + min(w.options.map((o) => Number(o.cost))), 0);
  const sumMinTime = input.workloads.reduce((s, w) => s + min(w.options.map((o) => o.timeDays)), 0);
  // A zero normaliser (all-free options, instant jobs) would divide by zero; the term is then taken as is.
  const norms = { cost: sumMinCost > 0 ? sumMinCost : 1, time: sumMinTime > 0 ? sumMinTime : 1, risk: n > 0 ? n : 1 };
  const coefOf = (cost: number, timeDays: number, risk: number) =>
    (weights.cost * cost) / norms.cost + (weights.time * timeDays) / norms.time + (weights.risk * risk) / norms.risk;

  const workloadIndexById = new Map<string, number>();
  let droppedOptions = 0;
  const workloads: PreparedWorkload[] = input.workloads.map((w, index) => {
    if (workloadIndexById.has(w.id)) issues.push(`workloads.${index}: duplicate workload id ${w.id}`);
    workloadIndexById.set(w.id, index);
    const from = Date.parse(w.window.from);
    const to = Date.parse(w.window.to);
    if (to <= from) issues.push(`workloads.${index} ${w.id}: window ends before it starts`);
    const seen = new Set<string>();
    const allOptions: PreparedOption[] = [];
    w.options.forEach((o, inputIndex) => {
      const poolIndex = poolIndexById.get(o.poolId);
      if (poolIndex === undefined) {
        issues.push(`workloads.${index} ${w.id}: option on unknown pool ${o.poolId}`);
        return;
      }
      if (seen.has(o.poolId)) issues.push(`workloads.${index} ${w.id}: two options on pool ${o.poolId}`);
      seen.add(o.poolId);
      const costNumber = Number(o.cost);
      allOptions.push({ poolIndex, poolId: o.poolId, cost: new D(o.cost), costNumber, timeDays: o.timeDays, risk: o.risk, coef: coefOf(costNumber, o.timeDays, o.risk), inputIndex });
    });
    // Shrink: an option whose pool is short of devices at any instant of the window can never be chosen.
    const options = allOptions.filter((o) => minFree(pools[o.poolIndex].intervals, from, to) >= w.devices);
    droppedOptions += allOptions.length - options.length;
    const training = w.kind === 'TRAINING' || w.kind === 'FINE_TUNING';
    return { index, id: w.id, kind: w.kind, training, inference: !training, devices: w.devices, from, to, group: w.group ?? null, allOptions, options };
  });
  if (issues.length > 0) throw invalid(issues);

  const policy = input.policy;
  const groups = new Map<string, number[]>();
  if (policy.keepGroupsTogether !== false) {
    for (const w of workloads) {
      if (w.group === null) continue;
      const members = groups.get(w.group);
      if (members === undefined) groups.set(w.group, [w.index]);
      else members.push(w.index);
    }
    for (const [g, members] of groups) if (members.length < 2) groups.delete(g);
  }
  const domesticShare = policy.minDomesticInferenceShare ?? 0;
  const countryShare = policy.maxTrainingSpendShareInOneCountry ?? 1;

  let boundaries: number[] = [];
  if (n > 0) {
    const start = workloads.reduce((m, w) => Math.min(m, w.from), Infinity);
    const end = workloads.reduce((m, w) => Math.max(m, w.to), -Infinity);
    const all = workloads.flatMap((w) => [w.from, w.to]);
    for (const p of pools) for (const iv of p.intervals) all.push(iv.from, iv.to);
    boundaries = uniqueSorted(all.filter((t) => t >= start && t <= end));
  }

  return {
    workloads,
    pools,
    poolIndexById,
    workloadIndexById,
    policy: {
      budget: policy.budget === undefined ? null : new D(policy.budget),
      domesticShare: domesticShare > 0 ? domesticShare : null,
      countryShare: countryShare < 1 ? countryShare : null,
      groups,
    },
    allowUnassigned: input.allowUnassigned ?? false,
    penalty: input.unassignedPenalty ?? Math.max(weights.cost + weights.time + weights.risk, 1e-6),
    norms,
    boundaries,
    timeLimitSeconds: input.timeLimitSeconds,
    mipRelGap: input.mipRelGap ?? 0.01,
    analysisTimeLimitSeconds: input.analysisTimeLimitSeconds ?? Math.min(input.timeLimitSeconds / 2, 10),
    maxRelaxations: Math.min(input.maxRelaxations ?? 5, 5),
    droppedOptions,
  };
}

/** Objective of a choice (option per workload, null when unassigned), the same formula the model minimises. */
export function objectiveOf(problem: PreparedProblem, picks: readonly (PreparedOption | null)[]): number {
  let total = 0;
  for (const pick of picks) total += pick === null ? problem.penalty : pick.coef;
  return total;
}
