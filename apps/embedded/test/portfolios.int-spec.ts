import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import { transports } from '@cp/testing';
import { Decimal } from 'decimal.js';
import { startTestSystem, type TestSystem } from './support.js';

const TOKENS = { planner: `pln-${randomUUID()}`, finance: `fin-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.planner}:planner,${TOKENS.finance}:finance`);

const PLAN = `mutation($input: PlanPortfolioInput!) { planPortfolio(input: $input) {
  id status objective bound gap solveSeconds timeLimitSeconds conflicts unassigned
  assignment { workloadId poolId siteId countryCode cost timeDays risk recommendationId }
  withoutOptions { workloadId reason }
  totals { cost currency } model { variables binaries periods }
  binding { constraint slack relaxationSaving { relaxedBy costSaving } }
  greedy { cost objective feasible } } }`;

const window = { from: '2027-05-01T00:00:00Z', to: '2027-06-01T00:00:00Z' };

function trainingRun(id: string, devices: number, group?: string) {
  return {
    id,
    ...(group ? { group } : {}),
    workload: {
      name: id,
      workload: { kind: 'TRAINING', activeParameters: 8e9, tokens: 5e11, modelType: 'DENSE', precision: 'BF16', devices, mfu: { low: 0.35, expected: 0.4, high: 0.45 } },
      legalEntityId: 'demo-sg-subsidiary',
      costCenter: 'cc-portfolio',
      window,
      ownership: ['LEASED_IAAS'],
    },
  };
}

function inference(id: string) {
  return {
    id,
    workload: {
      name: id,
      workload: { kind: 'INFERENCE', averageTokensPerSecond: 2_000, peakTokensPerSecond: 4_000, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 } },
      legalEntityId: 'demo-cn-parent',
      costCenter: 'cc-portfolio',
      servesPublicIn: ['CN'],
      window,
      acceptLicensed: true,
    },
  };
}

describe.each(transports)('portfolio plans on %s', (transport) => {
  let t: TestSystem;
  const plan = (input: Record<string, unknown>) => t.graphql(PLAN, { input }, TOKENS.planner);

  beforeAll(async () => {
    t = await startTestSystem(transport, 'portfolio', { apiTokens });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('assigns every workload within capacity and policy, no dearer than greedy, and accepts the whole plan', async () => {
    const response = await plan({
      workloads: [trainingRun('train-a', 64, 'together'), trainingRun('train-b', 64, 'together'), inference('serve-cn')],
      policy: { minDomesticInferenceShare: 1, keepGroupsTogether: true },
      timeLimitSeconds: 20,
    });
    expect(response.body.errors).toBeUndefined();
    const p = response.body.data.planPortfolio;
    expect(['OPTIMAL', 'FEASIBLE_TIME_LIMIT']).toContain(p.status);
    expect(p.assignment.map((a: { workloadId: string }) => a.workloadId).sort()).toEqual(['serve-cn', 'train-a', 'train-b']);
    const byId = Object.fromEntries(p.assignment.map((a: { workloadId: string }) => [a.workloadId, a]));
    expect(byId['train-a'].countryCode).toBe(byId['train-b'].countryCode);
    expect(byId['serve-cn'].countryCode).toBe('CN'); // domestic chips at home: the share is 100 %
    expect(new Decimal(p.totals.cost).eq(p.assignment.reduce((s: Decimal, a: { cost: string }) => s.add(a.cost), new Decimal(0)))).toBe(true);
    if (p.greedy.feasible) expect(new Decimal(p.totals.cost).lte(p.greedy.cost)).toBe(true);
    expect(p.solveSeconds).toBeLessThanOrEqual(p.timeLimitSeconds + 5);
    expect(p.model.binaries).toBeGreaterThan(3);

    const stored = await t.graphql(`query($id: ID!) { portfolioPlan(id: $id) { id status totals { cost } } }`, { id: p.id });
    expect(stored.body.data.portfolioPlan).toMatchObject({ id: p.id, status: p.status, totals: { cost: p.totals.cost } });

    const accepted = await t.graphql(`mutation($id: ID!) { acceptPlan(id: $id) { placements { poolId devices reservationId committed { amount } } } }`, { id: p.id }, TOKENS.planner);
    expect(accepted.body.errors).toBeUndefined();
    const placements = accepted.body.data.acceptPlan.placements as { poolId: string; devices: number; reservationId: string }[];
    expect(placements).toHaveLength(3);
    expect(placements.map((x) => x.poolId).sort()).toEqual(p.assignment.map((a: { poolId: string }) => a.poolId).sort());
    expect(new Set(placements.map((x) => x.reservationId)).size).toBe(3);
  });

  it('says which constraints conflict when the policy cannot be met', async () => {
    const response = await plan({ workloads: [trainingRun('train-c', 64), inference('serve-d')], policy: { budget: '1' }, timeLimitSeconds: 10 });
    expect(response.body.errors).toBeUndefined();
    const p = response.body.data.planPortfolio;
    expect(p.status).toBe('INFEASIBLE');
    expect(p.assignment).toEqual([]);
    expect(p.conflicts.join(' ')).toMatch(/budget/);
  });

  it('rejects a portfolio without a time limit or with repeated ids, naming the field', async () => {
    const noLimit = await plan({ workloads: [trainingRun('x', 8)], timeLimitSeconds: 0 });
    expect(noLimit.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeLimitSeconds' });
    const repeated = await plan({ workloads: [trainingRun('x', 8), trainingRun('x', 8)], timeLimitSeconds: 5 });
    expect(repeated.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workloads.1.id' });
  });
});
