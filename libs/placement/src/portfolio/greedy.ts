import type { PreparedOption, PreparedProblem } from './problem.js';
import { boundaryIndex, freeAt } from './time.js';

/** Per-pool device load over the problem's elementary periods, filled lazily. */
export class PeriodLoad {
  private readonly used = new Map<number, Float64Array>();
  private readonly free = new Map<number, Float64Array>();

  constructor(private readonly problem: PreparedProblem) {}

  /** Periods [first, last) a window covers. */
  span(from: number, to: number): [number, number] {
    const b = this.problem.boundaries;
    return [boundaryIndex(b, from), boundaryIndex(b, to)];
  }

  fits(poolIndex: number, from: number, to: number, devices: number): boolean {
    const [first, last] = this.span(from, to);
    const used = this.usedOf(poolIndex);
    const free = this.freeOf(poolIndex);
    for (let i = first; i < last; i++) if (used[i] + devices > free[i]) return false;
    return true;
  }

  remove(poolIndex: number, from: number, to: number, devices: number): void {
    this.add(poolIndex, from, to, -devices);
  }

  add(poolIndex: number, from: number, to: number, devices: number): void {
    const [first, last] = this.span(from, to);
    const used = this.usedOf(poolIndex);
    for (let i = first; i < last; i++) used[i] += devices;
  }

  private usedOf(poolIndex: number): Float64Array {
    let used = this.used.get(poolIndex);
    if (used === undefined) {
      used = new Float64Array(Math.max(0, this.problem.boundaries.length - 1));
      this.used.set(poolIndex, used);
    }
    return used;
  }

  private freeOf(poolIndex: number): Float64Array {
    let free = this.free.get(poolIndex);
    if (free === undefined) {
      const b = this.problem.boundaries;
      const intervals = this.problem.pools[poolIndex].intervals;
      free = new Float64Array(Math.max(0, b.length - 1));
      for (let i = 0; i < free.length; i++) free[i] = freeAt(intervals, b[i]);
      this.free.set(poolIndex, free);
    }
    return free;
  }
}

/**
 * The baseline a planner would do by hand: each workload in input order takes its cheapest
 * option (ties: input order) that still fits the capacity left, ignoring every policy. A
 * workload with nothing left that fits stays unassigned (null).
 */
export function greedyPicks(problem: PreparedProblem): (PreparedOption | null)[] {
  const load = new PeriodLoad(problem);
  return problem.workloads.map((w) => {
    const byCost = [...w.options].sort((a, b) => a.cost.comparedTo(b.cost) || a.inputIndex - b.inputIndex);
    const chosen = byCost.find((o) => load.fits(o.poolIndex, w.from, w.to, w.devices)) ?? null;
    if (chosen !== null) load.add(chosen.poolIndex, w.from, w.to, w.devices);
    return chosen;
  });
}

/**
 * Warm-start material, not the baseline: places what greedy left out by moving workloads that
 * overlap it off the pool it needs (largest first, each to wherever it still fits), then moves workloads one at a time to
 * options with a lower objective while they fit, until no move helps (or `maxPasses`). Policy is
 * ignored here too; the caller only hands the result to HiGHS if it verifies.
 */
export function improvePicks(problem: PreparedProblem, start: readonly (PreparedOption | null)[], maxPasses = 5): (PreparedOption | null)[] {
  const choice = [...start];
  const load = new PeriodLoad(problem);
  const onPool = new Map<number, Set<number>>();
  const place = (w: number, o: PreparedOption) => {
    const wl = problem.workloads[w];
    choice[w] = o;
    load.add(o.poolIndex, wl.from, wl.to, wl.devices);
    const set = onPool.get(o.poolIndex) ?? new Set<number>();
    set.add(w);
    onPool.set(o.poolIndex, set);
  };
  const unplace = (w: number) => {
    const o = choice[w];
    if (o === null) return;
    const wl = problem.workloads[w];
    load.remove(o.poolIndex, wl.from, wl.to, wl.devices);
    onPool.get(o.poolIndex)?.delete(w);
    choice[w] = null;
  };
  choice.forEach((o, w) => {
    if (o !== null) {
      choice[w] = null;
      place(w, o);
    }
  });
  const fits = (w: number, o: PreparedOption) => {
    const wl = problem.workloads[w];
    return load.fits(o.poolIndex, wl.from, wl.to, wl.devices);
  };
  const byCoef = (w: number) => [...problem.workloads[w].options].sort((a, b) => a.coef - b.coef || a.inputIndex - b.inputIndex);

  for (const u of problem.workloads) {
    if (choice[u.index] !== null) continue;
    const direct = byCoef(u.index).find((o) => fits(u.index, o));
    if (direct !== undefined) {
      place(u.index, direct);
      continue;
    }
    for (const o of byCoef(u.index)) {
      // Evict overlapping workloads from o's pool, largest first, each to a place where it fits
      // as things stand, until u fits; undo the evictions if it never does.
      const moved: [number, PreparedOption][] = [];
      const overlapping = [...(onPool.get(o.poolIndex) ?? [])]
        .filter((b) => problem.workloads[b].from < u.to && u.from < problem.workloads[b].to)
        .sort((a, b) => problem.workloads[b].devices - problem.workloads[a].devices);
      for (const b of overlapping) {
        if (fits(u.index, o)) break;
        const old = choice[b];
        if (old === null) continue;
        unplace(b);
        const home = byCoef(b).find((x) => x !== old && fits(b, x));
        place(b, home ?? old);
        if (home !== undefined) moved.push([b, old]);
      }
      if (fits(u.index, o)) {
        place(u.index, o);
        break;
      }
      for (const [b, old] of moved.reverse()) {
        unplace(b);
        place(b, old);
      }
    }
  }

  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = false;
    for (const w of problem.workloads) {
      const now = choice[w.index];
      if (now === null) continue;
      unplace(w.index);
      const better = byCoef(w.index).find((o) => o.coef < now.coef && fits(w.index, o));
      place(w.index, better ?? now);
      if (better !== undefined) moved = true;
    }
    if (!moved) break;
  }
  return choice;
}
