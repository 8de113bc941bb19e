import { describe, expect, it } from '@jest/globals';
import { planPortfolio } from './plan-portfolio.js';
import { PortfolioError } from './portfolio.error.js';
import type { PortfolioInput } from './portfolio.types.js';
import { aPool, anInput, aWorkload, FEB, JAN, MAR } from './test/builders.js';
import { verifyPortfolio } from './verify.js';

const input: PortfolioInput = anInput({
  pools: [aPool({ id: 'A' }), aPool({ id: 'B', countryCode: 'CN', domestic: true }), aPool({ id: 'C', countryCode: 'MY', devices: 20 })],
  workloads: [
    aWorkload({ id: 'w1', devices: 8, window: { from: JAN, to: MAR }, costs: { A: '10', B: '20', C: '30' }, group: 'g' }),
    aWorkload({ id: 'w2', devices: 4, window: { from: FEB, to: MAR }, costs: { A: '10', B: '20', C: '30' }, group: 'g' }),
    aWorkload({ id: 'i1', kind: 'INFERENCE', devices: 4, costs: { A: '5', B: '8' } }),
  ],
  policy: { budget: '70', minDomesticInferenceShare: 0.5 },
});

function broken(assignment: Parameters<typeof verifyPortfolio>[1], into: PortfolioInput = input): PortfolioError {
  try {
    verifyPortfolio(into, assignment);
  } catch (error) {
    if (error instanceof PortfolioError) return error;
    throw error;
  }
  throw new Error('verification passed');
}

describe('verifyPortfolio', () => {
  it("accepts the planner's own plan", async () => {
    const plan = await planPortfolio(input);
    expect(plan.status).toBe('OPTIMAL');
    expect(() => verifyPortfolio(input, plan.assignment)).not.toThrow();
  });

  it.each([
    ['two overlapping workloads over a full pool', [{ workloadId: 'w1', poolId: 'B' }, { workloadId: 'w2', poolId: 'B' }, { workloadId: 'i1', poolId: 'A' }], 'capacity B 2027-02-01..2027-03-01'],
    ['a workload left out', [{ workloadId: 'w1', poolId: 'B' }, { workloadId: 'i1', poolId: 'B' }], 'assignment w2'],
    ['a workload placed twice', [{ workloadId: 'w1', poolId: 'B' }, { workloadId: 'w1', poolId: 'B' }, { workloadId: 'w2', poolId: 'B' }, { workloadId: 'i1', poolId: 'B' }], 'assignment w1'],
    ['a pool that is not an option', [{ workloadId: 'w1', poolId: 'B' }, { workloadId: 'w2', poolId: 'B' }, { workloadId: 'i1', poolId: 'C' }], 'option i1 on C'],
    ['a tampered cost', [{ workloadId: 'w1', poolId: 'B', cost: '1' }, { workloadId: 'w2', poolId: 'B' }, { workloadId: 'i1', poolId: 'B' }], 'option w1 on B'],
    ['the domestic share', [{ workloadId: 'w1', poolId: 'B' }, { workloadId: 'w2', poolId: 'A' }, { workloadId: 'i1', poolId: 'A' }], 'domestic inference share ≥ 50%'],
    ['the group', [{ workloadId: 'w1', poolId: 'A' }, { workloadId: 'w2', poolId: 'B' }, { workloadId: 'i1', poolId: 'B' }], 'group g together'],
  ])('names what a tampered plan breaks: %s', (_name, assignment, constraint) => {
    const error = broken(assignment);
    expect(error.code).toBe('PORTFOLIO_VERIFICATION_FAILED');
    expect(error.constraint).toBe(constraint);
    expect(error.message).toContain(constraint);
  });

  it('catches a tampered copy of a solved plan', async () => {
    const plan = await planPortfolio(input);
    const tampered = plan.assignment.map((a) => (a.workloadId === 'i1' ? { ...a, poolId: 'A', cost: '5' } : a));
    expect(broken(tampered).constraint).toBe('domestic inference share ≥ 50%');
  });

  it('checks the budget exactly, in decimals', () => {
    const tight = { ...input, policy: { budget: '68' } };
    expect(() => verifyPortfolio(tight, [{ workloadId: 'w1', poolId: 'C' }, { workloadId: 'w2', poolId: 'C' }, { workloadId: 'i1', poolId: 'B' }])).not.toThrow();
    const over = { ...input, policy: { budget: '67.99' } };
    expect(broken([{ workloadId: 'w1', poolId: 'C' }, { workloadId: 'w2', poolId: 'C' }, { workloadId: 'i1', poolId: 'B' }], over).constraint).toBe('budget');
  });

  it('checks the training spend share per country', () => {
    const training = anInput({
      pools: [aPool({ id: 'A' }), aPool({ id: 'C', countryCode: 'MY' })],
      workloads: [aWorkload({ id: 't1', costs: { A: '10', C: '10' } }), aWorkload({ id: 't2', costs: { A: '10', C: '10' } })],
      policy: { maxTrainingSpendShareInOneCountry: 0.5 },
    });
    expect(() => verifyPortfolio(training, [{ workloadId: 't1', poolId: 'A' }, { workloadId: 't2', poolId: 'C' }])).not.toThrow();
    expect(broken([{ workloadId: 't1', poolId: 'A' }, { workloadId: 't2', poolId: 'A' }], training).constraint).toBe('training spend share in SG ≤ 50%');
  });
});
