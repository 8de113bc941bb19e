import type { ModelData } from 'highs';
import { constraintName } from './constraint-names.js';
import type { PreparedOption, PreparedProblem } from './problem.js';
import { freeAt, uniqueSorted } from './time.js';
import type { PortfolioPick } from './verify.js';

export type RowMeta =
  | { readonly kind: 'assign'; readonly workload: number }
  | {
      readonly kind: 'capacity';
      readonly name: string;
      readonly pool: number;
      readonly from: number;
      readonly to: number;
      readonly capacity: number;
      /** x columns of every option on this pool whose window covers the span. */
      readonly cols: readonly number[];
    }
  | { readonly kind: 'budget'; readonly name: string }
  | { readonly kind: 'domestic'; readonly name: string }
  | { readonly kind: 'country'; readonly name: string; readonly country: string }
  | { readonly kind: 'inferenceTotal' }
  | { readonly kind: 'trainingTotal' }
  | { readonly kind: 'groupLink'; readonly group: string; readonly country: string; readonly workload: number }
  | { readonly kind: 'groupChoose'; readonly group: string };

export interface BuiltModel {
  readonly data: ModelData;
  readonly rows: readonly RowMeta[];
  /** The x columns come first: column j places colWorkload[j] on colOption[j]. */
  readonly xCount: number;
  readonly colWorkload: Int32Array;
  readonly colOption: readonly PreparedOption[];
  /** Continuous helper z = Σ inference devices placed (null without a domestic-share row). */
  readonly inferenceCol: number | null;
  /** Continuous helper t = Σ training spend / cost normaliser (null without country rows). */
  readonly trainingCol: number | null;
  readonly binaries: number;
  readonly periods: number;
  /** HiGHS sees the objective times this (the workload count), so per-option costs are O(1) rather than O(1/n). */
  readonly objectiveScale: number;
  /** A full column vector for a plan (for setSolution). */
  startVector(picks: readonly (PreparedOption | null)[]): Float64Array;
  /** The plan a column vector encodes (x > 0.5), duplicates included so the verifier sees them. */
  decode(colValue: ArrayLike<number>): PortfolioPick[];
}

class RowBuilder {
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly meta: RowMeta[] = [];

  add(meta: RowMeta, cols: readonly number[], vals: readonly number[], lower: number, upper: number): number {
    for (let i = 0; i < cols.length; i++) {
      this.indices.push(cols[i]);
      this.values.push(vals[i]);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
    this.meta.push(meta);
    return this.meta.length - 1;
  }
}

/**
 * The MIP: binary x per (workload, option that can fit), each workload placed exactly once (at
 * most once when unassigned is allowed), devices per pool per period within its free devices,
 * budget, domestic inference share, training spend share per country, groups in one country.
 */
export function buildModel(problem: PreparedProblem, infinity: number): BuiltModel {
  const { workloads, pools, policy, norms } = problem;
  const colWorkload: number[] = [];
  const colOption: PreparedOption[] = [];
  const colBase: number[] = [];
  for (const w of workloads) {
    colBase.push(colWorkload.length);
    for (const o of w.options) {
      colWorkload.push(w.index);
      colOption.push(o);
    }
  }
  const xCount = colWorkload.length;
  const colOf = (w: number, o: PreparedOption) => colBase[w] + problem.workloads[w].options.indexOf(o);

  let next = xCount;
  const trainingWorkloads = workloads.filter((w) => w.training && w.options.length > 0);
  const inferenceWorkloads = workloads.filter((w) => w.inference && w.options.length > 0);
  const inferenceCol = policy.domesticShare !== null && inferenceWorkloads.length > 0 ? next++ : null;
  const trainingCol = policy.countryShare !== null && trainingWorkloads.length > 0 ? next++ : null;

  const groupCountries = new Map<string, string[]>();
  for (const [g, members] of policy.groups) {
    const countries = new Set<string>();
    for (const m of members) for (const o of workloads[m].options) countries.add(pools[o.poolIndex].countryCode);
    if (countries.size > 0) groupCountries.set(g, [...countries].sort());
  }
  const yCol = new Map<string, number>();
  for (const [g, countries] of groupCountries) for (const c of countries) yCol.set(`${g}\u0000${c}`, next++);
  const numCols = next;

  const rows = new RowBuilder();
  for (const w of workloads) {
    const cols = w.options.map((_, k) => colBase[w.index] + k);
    rows.add({ kind: 'assign', workload: w.index }, cols, cols.map(() => 1), problem.allowUnassigned ? 0 : 1, 1);
  }

  addCapacityRows(problem, rows, colBase, colWorkload);

  if (policy.budget !== null) {
    const cols = colOption.map((_, j) => j);
    rows.add({ kind: 'budget', name: constraintName.budget() }, cols, colOption.map((o) => o.costNumber / norms.cost), -infinity, policy.budget.toNumber() / norms.cost);
  }
  if (inferenceCol !== null && policy.domesticShare !== null) {
    const cols: number[] = [];
    const domesticCols: number[] = [];
    const devices: number[] = [];
    const domesticDevices: number[] = [];
    for (const w of inferenceWorkloads) {
      for (const o of w.options) {
        cols.push(colOf(w.index, o));
        devices.push(w.devices);
        if (pools[o.poolIndex].domestic) {
          domesticCols.push(colOf(w.index, o));
          domesticDevices.push(w.devices);
        }
      }
    }
    rows.add({ kind: 'inferenceTotal' }, [...cols, inferenceCol], [...devices, -1], 0, 0);
    // Σ domestic inference devices − share · z ≥ 0: relaxing the share changes one coefficient.
    rows.add({ kind: 'domestic', name: constraintName.domestic(policy.domesticShare) }, [...domesticCols, inferenceCol], [...domesticDevices, -policy.domesticShare], 0, infinity);
  }
  if (trainingCol !== null && policy.countryShare !== null) {
    const byCountry = new Map<string, { cols: number[]; vals: number[] }>();
    const cols: number[] = [];
    const vals: number[] = [];
    for (const w of trainingWorkloads) {
      for (const o of w.options) {
        const col = colOf(w.index, o);
        const val = o.costNumber / norms.cost;
        cols.push(col);
        vals.push(val);
        const c = pools[o.poolIndex].countryCode;
        const entry = byCountry.get(c) ?? { cols: [], vals: [] };
        entry.cols.push(col);
        entry.vals.push(val);
        byCountry.set(c, entry);
      }
    }
    rows.add({ kind: 'trainingTotal' }, [...cols, trainingCol], [...vals, -1], 0, 0);
    for (const c of [...byCountry.keys()].sort()) {
      const entry = byCountry.get(c);
      if (entry === undefined) continue;
      rows.add({ kind: 'country', name: constraintName.country(c, policy.countryShare), country: c }, [...entry.cols, trainingCol], [...entry.vals, -policy.countryShare], -infinity, 0);
    }
  }
  for (const [g, countries] of groupCountries) {
    const ys = countries.map((c) => yCol.get(`${g}\u0000${c}`) ?? -1);
    rows.add({ kind: 'groupChoose', group: g }, ys, ys.map(() => 1), 1, 1);
    for (const m of policy.groups.get(g) ?? []) {
      for (const c of countries) {
        // Σ_{options in c} x ≤ y[g,c]: one row per (member, country) instead of one per option, same integer points, tighter LP.
        const cols = workloads[m].options.filter((o) => pools[o.poolIndex].countryCode === c).map((o) => colOf(m, o));
        if (cols.length === 0) continue;
        rows.add({ kind: 'groupLink', group: g, country: c, workload: m }, [...cols, yCol.get(`${g}\u0000${c}`) ?? -1], [...cols.map(() => 1), -1], -infinity, 0);
      }
    }
  }

  const colCost = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = new Int32Array(numCols).fill(1);
  // Per-option objective terms are ~1/n of the whole; HiGHS warns about "excessively small costs"
  // below ~1e-4, so it gets them multiplied by n (and every objective it reports divided back).
  const objectiveScale = Math.max(1, workloads.length);
  for (let j = 0; j < xCount; j++) colCost[j] = objectiveScale * (colOption[j].coef - (problem.allowUnassigned ? problem.penalty : 0));
  for (const aux of [inferenceCol, trainingCol]) {
    if (aux === null) continue;
    colUpper[aux] = infinity;
    integrality[aux] = 0;
  }
  const numRows = rows.meta.length;
  const data: ModelData = {
    numCols,
    numRows,
    offset: problem.allowUnassigned ? objectiveScale * problem.penalty * workloads.length : 0,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(rows.starts), indices: Int32Array.from(rows.indices), values: Float64Array.from(rows.values) },
    integrality,
  };

  const startVector = (picks: readonly (PreparedOption | null)[]): Float64Array => {
    const x = new Float64Array(numCols);
    picks.forEach((o, w) => {
      if (o === null) return;
      const col = colOf(w, o);
      x[col] = 1;
      if (inferenceCol !== null && workloads[w].inference) x[inferenceCol] += workloads[w].devices;
      if (trainingCol !== null && workloads[w].training) x[trainingCol] += o.costNumber / norms.cost;
    });
    for (const [g, countries] of groupCountries) {
      const placed = (policy.groups.get(g) ?? []).map((m) => picks[m]).find((o) => o !== null && o !== undefined);
      const country = placed ? pools[placed.poolIndex].countryCode : countries[0];
      const col = yCol.get(`${g}\u0000${country}`);
      if (col !== undefined) x[col] = 1;
    }
    return x;
  };

  const decode = (colValue: ArrayLike<number>): PortfolioPick[] => {
    const picks: PortfolioPick[] = [];
    for (let j = 0; j < xCount; j++) if (colValue[j] > 0.5) picks.push({ workload: colWorkload[j], option: colOption[j] });
    return picks;
  };

  return {
    data,
    rows: rows.meta,
    xCount,
    colWorkload: Int32Array.from(colWorkload),
    colOption,
    inferenceCol,
    trainingCol,
    binaries: numCols - (inferenceCol === null ? 0 : 1) - (trainingCol === null ? 0 : 1),
    periods: Math.max(0, problem.boundaries.length - 1),
    objectiveScale,
    startVector,
    decode,
  };
}

/**
 * One row per pool and stretch of time over which the set of workloads that could be there is
 * constant (the elementary periods between window and capacity boundaries, merged while that set
 * does not change, at the smallest free-device count of the stretch). Rows whose whole candidate
 * demand fits are left out: they can never bind.
 */
function addCapacityRows(problem: PreparedProblem, rows: RowBuilder, colBase: readonly number[], colWorkload: readonly number[]): void {
  const candidates: { col: number; from: number; to: number; devices: number }[][] = problem.pools.map(() => []);
  for (const w of problem.workloads) {
    w.options.forEach((o, k) => candidates[o.poolIndex].push({ col: colBase[w.index] + k, from: w.from, to: w.to, devices: w.devices }));
  }
  problem.pools.forEach((pool, poolIndex) => {
    const cand = candidates[poolIndex];
    if (cand.length === 0) return;
    const start = cand.reduce((m, c) => Math.min(m, c.from), Infinity);
    const end = cand.reduce((m, c) => Math.max(m, c.to), -Infinity);
    const starts = new Map<number, number[]>();
    const ends = new Map<number, number[]>();
    const push = (map: Map<number, number[]>, t: number, i: number) => {
      const list = map.get(t);
      if (list === undefined) map.set(t, [i]);
      else list.push(i);
    };
    cand.forEach((c, i) => {
      push(starts, c.from, i);
      push(ends, c.to, i);
    });
    const times = uniqueSorted([...cand.flatMap((c) => [c.from, c.to]), ...pool.intervals.flatMap((iv) => [iv.from, iv.to])].filter((t) => t >= start && t <= end));
    const active = new Set<number>();
    let seg: { from: number; capacity: number; members: number[] } | null = null;
    const close = (to: number) => {
      if (seg === null) return;
      const demand = seg.members.reduce((s, i) => s + cand[i].devices, 0);
      if (demand <= seg.capacity) return;
      const cols = seg.members.map((i) => cand[i].col).sort((a, b) => a - b);
      const vals = cols.map((col) => problem.workloads[colWorkload[col]].devices);
      rows.add({ kind: 'capacity', name: constraintName.capacity(pool.id, seg.from, to), pool: poolIndex, from: seg.from, to, capacity: seg.capacity, cols }, cols, vals, -Infinity, seg.capacity);
    };
    for (let i = 0; i < times.length - 1; i++) {
      const t = times[i];
      const leaving = ends.get(t) ?? [];
      const arriving = starts.get(t) ?? [];
      for (const c of leaving) active.delete(c);
      for (const c of arriving) active.add(c);
      const free = freeAt(pool.intervals, t);
      if (leaving.length > 0 || arriving.length > 0 || seg === null) {
        close(t);
        seg = active.size > 0 ? { from: t, capacity: free, members: [...active] } : null;
      } else {
        seg.capacity = Math.min(seg.capacity, free);
      }
    }
    close(times[times.length - 1]);
  });
}
