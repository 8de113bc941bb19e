import { describe, expect, it } from '@jest/globals';
import { planPortfolio } from './plan-portfolio.js';
import { PortfolioError } from './portfolio.error.js';
import type { PortfolioPlan } from './portfolio.types.js';
import { aPool, APR, anInput, aWorkload, FEB, JAN, MAR, randomInstance } from './test/builders.js';
import { verifyPortfolio } from './verify.js';

const placed = (plan: PortfolioPlan) => Object.fromEntries(plan.assignment.map((a) => [a.workloadId, a.poolId]));

describe('planPortfolio', () => {
  it('solves a tiny instance to the hand-checked optimum', async () => {
    // A holds 10 devices: w1 (8) and w2 (4) cannot both sit there. Options: w1→A + w2→B = 100 + 60 = 160,
    // w1→B + w2→A = 150 + 50 = 200, both on B = 210. Objective = 160 / (100 + 50).
    const plan = await planPortfolio(
      anInput({
        pools: [aPool({ id: 'A' }), aPool({ id: 'B', countryCode: 'CN', domestic: true, devices: 20 })],
        workloads: [aWorkload({ id: 'w1', devices: 8, costs: { A: '100', B: '150' } }), aWorkload({ id: 'w2', kind: 'INFERENCE', devices: 4, costs: { A: '50', B: '60' } })],
      }),
    );
    expect(plan.status).toBe('OPTIMAL');
    expect(placed(plan)).toEqual({ w1: 'A', w2: 'B' });
    expect(plan.totals.cost).toBe('160');
    expect(plan.objective).toBeCloseTo(160 / 150, 9);
    expect(plan.bound).toBeCloseTo(160 / 150, 6);
    expect(plan.gap).toBeLessThanOrEqual(0.01);
    expect(plan.assignment).toEqual([
      { workloadId: 'w1', poolId: 'A', cost: '100', timeDays: 1, risk: 0 },
      { workloadId: 'w2', poolId: 'B', cost: '60', timeDays: 1, risk: 0 },
    ]);
    expect(plan.unassigned).toEqual([]);
    expect(plan.model).toEqual({ variables: 4, constraints: 3, binaries: 4, periods: 1 });
    expect(plan.binding.map((b) => [b.constraint, b.slack])).toEqual([['capacity A 2027-01-01..2027-02-01', 2]]);
    expect(plan.binding[0].relaxationSaving).toEqual({
      relaxedBy: 'capacity 10 → 11 devices (+10 %, rounded up to whole devices)',
      objectiveBefore: plan.objective,
      objectiveAfter: plan.objective,
      costSaving: '0',
    });
    expect(plan.verified).toBe(true);
  });

  it.each([
    ['overlapping windows cannot share a full pool', { from: JAN, to: MAR }, '110'],
    ['a window that starts when the other ends can', { from: FEB, to: MAR }, '20'],
  ])('capacity over time: %s', async (_name, window, cost) => {
    const plan = await planPortfolio(
      anInput({
        pools: [aPool({ id: 'P' }), aPool({ id: 'Q' })],
        workloads: [aWorkload({ id: 'w1', devices: 8, window: { from: JAN, to: FEB }, costs: { P: '10', Q: '100' } }), aWorkload({ id: 'w2', devices: 8, window, costs: { P: '10', Q: '100' } })],
      }),
    );
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.totals.cost).toBe(cost);
  });

  it('follows capacity that changes over time and drops options that can never fit', async () => {
    // P has 10 devices in January, 4 from February: an 8-device Jan–Mar workload can never be there.
    const P = aPool({ id: 'P', capacity: [{ from: JAN, to: FEB, devices: 10 }, { from: FEB, to: null, devices: 4 }] });
    const plan = await planPortfolio(
      anInput({ pools: [P, aPool({ id: 'Q' })], workloads: [aWorkload({ id: 'w', devices: 8, window: { from: JAN, to: MAR }, costs: { P: '1', Q: '50' } })] }),
    );
    expect(placed(plan)).toEqual({ w: 'Q' });
    expect(plan.model.variables).toBe(1);
    expect(plan.model.periods).toBe(2);
  });

  it('keeps to a binding budget and reports what 10 % more would buy', async () => {
    // Time-weighted: fast costs 100, slow 50. Unconstrained both go fast (200); the budget 190 allows one.
    const costs = { fast: ['100', 1, 0], slow: ['50', 10, 0] } as Record<string, [string, number, number]>;
    const plan = await planPortfolio(
      anInput({
        pools: [aPool({ id: 'fast' }), aPool({ id: 'slow' })],
        workloads: [aWorkload({ id: 'w1', costs }), aWorkload({ id: 'w2', costs })],
        policy: { budget: '190' },
        weights: { cost: 0, time: 1, risk: 0 },
      }),
    );
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.totals.cost).toBe('150');
    const budget = plan.binding.find((b) => b.constraint === 'budget');
    expect(budget?.slack).toBe(40);
    expect(budget?.relaxationSaving).toMatchObject({ relaxedBy: 'budget 190 → 209 (+10 %)', costSaving: '-50' });
    expect(budget?.relaxationSaving?.objectiveAfter).toBeLessThan(plan.objective ?? 0);
  });

  it('reports a budget that is met exactly as binding with slack 0', async () => {
    const plan = await planPortfolio(
      anInput({
        pools: [aPool({ id: 'fast' }), aPool({ id: 'slow' })],
        workloads: [aWorkload({ id: 'w1', costs: { fast: ['100', 1, 0], slow: ['50', 10, 0] } })],
        policy: { budget: '50' },
        weights: { cost: 0, time: 1, risk: 0 },
      }),
    );
    expect(placed(plan)).toEqual({ w1: 'slow' });
    expect(plan.binding.find((b) => b.constraint === 'budget')?.slack).toBe(0);
  });

  it('meets a domestic inference share with the more expensive domestic pool', async () => {
    const costs = { foreign: '10', home: '30' };
    const input = anInput({
      pools: [aPool({ id: 'foreign' }), aPool({ id: 'home', countryCode: 'CN', domestic: true })],
      workloads: [aWorkload({ id: 'i1', kind: 'INFERENCE', costs }), aWorkload({ id: 'i2', kind: 'BATCH_INFERENCE', devices: 2, costs })],
    });
    expect((await planPortfolio(input)).totals.cost).toBe('20');
    const plan = await planPortfolio({ ...input, policy: { minDomesticInferenceShare: 0.4 } });
    // 4 + 2 inference devices: 40 % needs ≥ 2.4 domestic, so the 4-device one goes home (4/6) or both do; i1 home costs 40, i2 home costs 40 but only 2/6.
    expect(placed(plan)).toEqual({ i1: 'home', i2: 'foreign' });
    expect(plan.totals.cost).toBe('40');
    const domestic = plan.binding.find((b) => b.constraint === 'domestic inference share ≥ 40%');
    expect(domestic?.relaxationSaving?.relaxedBy).toBe('domestic inference share 40% → 30% (−0.1)');
  });

  it('caps the training spend share of any one country', async () => {
    const costs = { sg: '100', my: '120' };
    const plan = await planPortfolio(
      anInput({
        pools: [aPool({ id: 'sg', devices: 20 }), aPool({ id: 'my', countryCode: 'MY', devices: 20 })],
        workloads: [aWorkload({ id: 't1', costs }), aWorkload({ id: 't2', kind: 'FINE_TUNING', costs }), aWorkload({ id: 'i1', kind: 'INFERENCE', costs })],
        policy: { maxTrainingSpendShareInOneCountry: 0.6 },
      }),
    );
    // Both training workloads in SG would be 100 % of training spend there; inference does not count.
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.totals.cost).toBe('320');
    expect(placed(plan).i1).toBe('sg');
    expect(new Set([placed(plan).t1, placed(plan).t2])).toEqual(new Set(['sg', 'my']));
  });

  it('keeps a group in one country', async () => {
    const pools = [aPool({ id: 'sg' }), aPool({ id: 'cn', countryCode: 'CN', domestic: true })];
    const workloads = [aWorkload({ id: 'a', group: 'g', costs: { sg: '10', cn: '20' } }), aWorkload({ id: 'b', group: 'g', costs: { sg: '30', cn: '15' } })];
    const apart = await planPortfolio(anInput({ pools, workloads, policy: { keepGroupsTogether: false } }));
    expect(placed(apart)).toEqual({ a: 'sg', b: 'cn' });
    const together = await planPortfolio(anInput({ pools, workloads }));
    expect(placed(together)).toEqual({ a: 'cn', b: 'cn' });
    expect(together.totals.cost).toBe('35');
    expect(together.model.binaries).toBe(6);
  });

  it.each([
    ['a budget below the cheapest plan', { budget: '10' }, ['budget']],
    ['a domestic share no option can give', { minDomesticInferenceShare: 1 }, ['domestic inference share']],
    ['both at once', { budget: '10', minDomesticInferenceShare: 1 }, ['budget', 'domestic inference share']],
  ])('an infeasible policy names its conflict: %s', async (_name, policy, conflicts) => {
    const plan = await planPortfolio(
      anInput({ pools: [aPool({ id: 'A' }), aPool({ id: 'B' })], workloads: [aWorkload({ id: 'i', kind: 'INFERENCE', costs: { A: '20', B: '30' } })], policy }),
    );
    expect(plan.status).toBe('INFEASIBLE');
    expect(plan.conflicts).toEqual(conflicts);
    expect(plan.assignment).toEqual([]);
    expect(plan.objective).toBeNull();
  });

  it('names capacity when the placement itself cannot work', async () => {
    const plan = await planPortfolio(
      anInput({
        pools: [aPool({ id: 'A' })],
        workloads: [aWorkload({ id: 'w1', devices: 6, costs: { A: '1' } }), aWorkload({ id: 'w2', devices: 6, costs: { A: '1' } }), aWorkload({ id: 'w3', devices: 12, costs: { A: '1' } })],
        policy: { budget: '100' },
      }),
    );
    expect(plan.status).toBe('INFEASIBLE');
    expect(plan.conflicts).toEqual(['capacity (workload w3 has no option with enough free devices over its window)']);
  });

  it('leaves out, and reports, what cannot be placed when allowed', async () => {
    const plan = await planPortfolio(
      anInput({
        pools: [aPool({ id: 'A' })],
        workloads: [aWorkload({ id: 'w1', devices: 6, costs: { A: '5' } }), aWorkload({ id: 'w2', devices: 8, costs: { A: '1' } })],
        allowUnassigned: true,
      }),
    );
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.unassigned).toHaveLength(1);
    expect(plan.assignment).toHaveLength(1);
    // Penalty 1 per unassigned workload (the sum of the weights); placing w2 (cost 1 of 6) beats placing w1 (5 of 6).
    expect(placed(plan)).toEqual({ w2: 'A' });
    expect(plan.objective).toBeCloseTo(1 + 1 / 6, 9);
    expect(plan.greedy).toEqual({ cost: '5', objective: 1 + 5 / 6, feasible: true });
  });

  it('computes the greedy baseline and never does worse when it is feasible', async () => {
    let feasibleSeeds = 0;
    for (const seed of [1, 4]) {
      const input = { ...randomInstance(seed, 120, 20, [5, 10], 0.6), timeLimitSeconds: 3 };
      const plan = await planPortfolio(input);
      expect(['OPTIMAL', 'FEASIBLE_TIME_LIMIT']).toContain(plan.status);
      expect(Number(plan.greedy.cost)).toBeGreaterThan(0);
      expect(() => verifyPortfolio(input, plan.assignment)).not.toThrow();
      if (!plan.greedy.feasible) continue;
      feasibleSeeds += 1;
      // Cost-only weights: the objective is the cost over a constant, so cost ≤ greedy cost too.
      expect(plan.objective).toBeLessThanOrEqual(plan.greedy.objective + 1e-9);
      expect(Number(plan.totals.cost)).toBeLessThanOrEqual(Number(plan.greedy.cost) + 1e-6);
    }
    expect(feasibleSeeds).toBeGreaterThan(0);
  });

  it('honours the time limit on a bigger instance and reports the gap', async () => {
    const input = { ...randomInstance(11, 600, 80, [15, 30], 0.8), weights: { cost: 1, time: 0.2, risk: 0.2 }, policy: { minDomesticInferenceShare: 0.2 }, timeLimitSeconds: 2 };
    const t0 = performance.now();
    const plan = await planPortfolio(input);
    const seconds = (performance.now() - t0) / 1000;
    expect(seconds).toBeLessThan(4.5);
    expect(plan.solveSeconds).toBeLessThan(2.5);
    expect(['OPTIMAL', 'FEASIBLE_TIME_LIMIT']).toContain(plan.status);
    expect(plan.gap).not.toBeNull();
    expect(plan.bound).not.toBeNull();
    expect(plan.bound ?? Infinity).toBeLessThanOrEqual((plan.objective ?? 0) + 1e-6);
    expect(plan.timeLimitSeconds).toBe(2);
  });

  it('rejects a time limit that is not positive', async () => {
    await expect(planPortfolio(anInput({ timeLimitSeconds: 0 }))).rejects.toMatchObject({ code: 'INVALID_PORTFOLIO_INPUT' });
    await expect(planPortfolio(anInput({ timeLimitSeconds: -1 }))).rejects.toBeInstanceOf(PortfolioError);
  });

  it('rejects options on unknown pools and overlapping capacity intervals', async () => {
    const overlapping = aPool({ id: 'A', capacity: [{ from: JAN, to: MAR, devices: 4 }, { from: FEB, to: APR, devices: 4 }] });
    await expect(planPortfolio(anInput({ pools: [overlapping], workloads: [aWorkload({ id: 'w', costs: { B: '1' } })] }))).rejects.toMatchObject({
      code: 'INVALID_PORTFOLIO_INPUT',
      issues: ['pools.0 A: capacity intervals overlap', 'workloads.0 w: option on unknown pool B'],
    });
  });
});
