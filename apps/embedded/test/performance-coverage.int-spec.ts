import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import { transports } from '@cp/testing';
import pg from 'pg';
import { startTestSystem, type TestSystem } from './support.js';

/**
 * In the shipped default data, every combination of workload kind × model type × precision gets
 * recommendations in which no candidate is unpriced for lack of a performance figure (the
 * performance model derives what no row publishes); bad model sizes are refused before anything
 * is stored.
 */
const TOKENS = { planner: `pln-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.planner}:planner`);

const RECOMMEND = `mutation($input: WorkloadInput!) { recommendPlacement(input: $input) {
  chosen { candidateId estimate { performance { grade } } }
  counts { candidates survived rejectedByFilter { filter count } }
  rejected { filter reason } } }`;

const MODELS = {
  DENSE: { activeParameters: 70e9, totalParameters: 70e9 },
  MOE: { activeParameters: 37e9, totalParameters: 671e9 },
} as const;

function input(kind: 'TRAINING' | 'INFERENCE', modelType: 'DENSE' | 'MOE', precision: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const model = MODELS[modelType];
  const workload =
    kind === 'TRAINING'
      ? { kind, ...model, tokens: 1e12, modelType, precision, devices: 256 }
      : { kind, ...model, modelType, precision, averageTokensPerSecond: 20_000, peakTokensPerSecond: 40_000 };
  return {
    name: `${kind} ${modelType} ${precision}`,
    legalEntityId: 'demo-us-lab',
    costCenter: 'cc-coverage',
    acceptLicensed: true,
    window: { from: '2027-03-01T00:00:00Z', to: '2027-06-01T00:00:00Z' },
    workload: { ...workload, ...extra },
  };
}

/** A NOT_PRICED reason that blames a missing performance figure rather than a missing price. */
const LACKS_FIGURE = /MISSING_INPUT/;

describe.each(transports)('every accelerator priced, on %s', (transport) => {
  let t: TestSystem;
  const recommend = async (body: Record<string, unknown>) => t.graphql(RECOMMEND, { input: body }, TOKENS.planner);
  const stored = async (): Promise<number> => {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>('select count(*) as n from planning.recommendations');
      return Number(result.rows[0]!.n);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    t = await startTestSystem(transport, 'coverage', { apiTokens });
  });

  afterAll(async () => {
    await t?.close();
  });

  const combinations = (['TRAINING', 'INFERENCE'] as const).flatMap((kind) => (['DENSE', 'MOE'] as const).flatMap((modelType) => ['BF16', 'FP16', 'FP8', 'INT8'].map((precision) => [kind, modelType, precision] as const)));

  it.each(combinations)('%s %s %s: no candidate unpriced for lack of a figure', async (kind, modelType, precision) => {
    const response = await recommend(input(kind, modelType, precision));
    expect(response.body.errors).toBeUndefined();
    const r = response.body.data.recommendPlacement;
    const lacking = r.rejected.filter((x: { filter: string; reason: string }) => x.filter === 'NOT_PRICED' && LACKS_FIGURE.test(x.reason));
    expect(lacking.map((x: { reason: string }) => x.reason)).toEqual([]);
    expect(r.counts.survived).toBeGreaterThan(0);
    expect(['MEASURED', 'DERIVED']).toContain(r.chosen.estimate.performance.grade);
  });

  it.each([
    ['a negative parameter count', input('INFERENCE', 'DENSE', 'BF16', { totalParameters: -5 }), 'input.workload.totalParameters'],
    ['an absurd parameter count', input('INFERENCE', 'DENSE', 'BF16', { totalParameters: 1e20 }), 'input.workload.totalParameters'],
    ['more active than total parameters', input('INFERENCE', 'MOE', 'BF16', { activeParameters: 800e9 }), 'input.workload.totalParameters'],
    ['a context no device can hold', input('INFERENCE', 'DENSE', 'BF16', { contextLength: 9_000_000 }), 'input.workload.contextLength'],
  ])('refuses %s with BAD_USER_INPUT naming the field, storing nothing', async (_name, body, field) => {
    const before = await stored();
    const response = await recommend(body);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stored()).toBe(before);
  });
});
