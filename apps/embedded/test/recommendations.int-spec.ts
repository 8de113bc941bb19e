import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import { transports } from '@cp/testing';
import { startTestSystem, type TestSystem } from './support.js';

const TOKENS = { planner: `pln-${randomUUID()}`, finance: `fin-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.planner}:planner,${TOKENS.finance}:finance`);

const FIELDS = `id kind pricingDate createdAt costCenter
  versions { catalog rulePack priceBook costScenarios fxRates }
  chosen { candidateId poolId siteId siteName countryCode ownership verdictOutcome rank score onParetoFront why warnings
    objectives { totalCost { amount currency low high } timeToResultDays leadTimeDays riskScore latencyMs }
    riskFactors { name contribution } estimate { total { expected } components { name } } verdict { outcome rulePackVersion } }
  alternatives { candidateId poolId ownership rank score onParetoFront objectives { totalCost { amount } timeToResultDays } }
  alternativesOmitted paretoFront
  rejected { candidateId poolId siteId siteName countryCode filter reason verdictOutcome rules { ruleId title citations { text url } } detail }
  counts { matched candidates survived rejectedByFilter { filter count } }
  weights { cost time risk latency }`;

const RECOMMEND = `mutation($input: WorkloadInput!) { recommendPlacement(input: $input) { ${FIELDS} } }`;

interface Ranked {
  candidateId: string;
  poolId: string;
  ownership: string;
  rank: number;
  score: number;
  onParetoFront: boolean;
  objectives: { totalCost: { amount: string }; timeToResultDays: number };
}
interface Result {
  id: string;
  versions: Record<string, string | null>;
  chosen: (Ranked & { why: string[]; siteName: string; estimate: { total: { expected: string } }; verdict: { outcome: string } }) | null;
  alternatives: Ranked[];
  paretoFront: string[];
  rejected: { candidateId: string; filter: string; reason: string; siteName: string; countryCode: string; rules: { ruleId: string; citations: unknown[] }[] }[];
  counts: { matched: number; candidates: number; survived: number; rejectedByFilter: { filter: string; count: number }[] };
  weights: Record<string, number>;
}

const TRAINING = {
  kind: 'TRAINING',
  activeParameters: 70e9,
  tokens: 2e12,
  modelType: 'DENSE',
  precision: 'BF16',
  devices: 256,
  mfu: { low: 0.35, expected: 0.4, high: 0.45 },
};

function training(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'a 70B pre-training run',
    workload: TRAINING,
    legalEntityId: 'demo-sg-subsidiary',
    costCenter: 'cc-llm',
    window: { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' },
    data: { originCountry: null },
    weights: { cost: 1, time: 0, risk: 0, latency: 0 },
    ...overrides,
  };
}

describe.each(transports)('recommendations through GraphQL on %s', (transport) => {
  let t: TestSystem;
  const recommend = async (input: Record<string, unknown>) => t.graphql(RECOMMEND, { input }, TOKENS.planner);

  beforeAll(async () => {
    t = await startTestSystem(transport, 'recommend', { apiTokens });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('recommends a training placement from the seeded portfolio, ranks the rest, and explains every rejection', async () => {
    const response = await recommend(training());
    expect(response.body.errors).toBeUndefined();
    const r = response.body.data.recommendPlacement as Result;
    expect(r.versions).toMatchObject({ catalog: expect.any(String), rulePack: expect.any(String), priceBook: '2026.12.1', costScenarios: '2026.12.2', fxRates: '2026.12.1' });
    expect(r.counts.candidates).toBeGreaterThan(10);
    expect(r.counts.survived + r.counts.rejectedByFilter.reduce((n, f) => n + f.count, 0)).toBe(r.counts.candidates);
    expect(r.chosen).not.toBeNull();
    const chosen = r.chosen!;
    expect(chosen.rank).toBe(1);
    expect(chosen.onParetoFront).toBe(true);
    expect(chosen.estimate.total.expected).toBe(chosen.objectives.totalCost.amount);
    expect(['ALLOWED', 'ALLOWED_WITH_CONDITIONS']).toContain(chosen.verdict.outcome);
    // Cost alone decides: nothing listed is cheaper than the choice, and the ranks follow cost.
    const costs = [chosen, ...r.alternatives].map((c) => Number(c.objectives.totalCost.amount));
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    expect(chosen.why.length).toBeGreaterThan(0);
    expect(r.paretoFront[0]).toBe(chosen.candidateId);
    for (const rejected of r.rejected) {
      expect(rejected.reason).toContain(rejected.siteName);
      expect(rejected.reason.length).toBeGreaterThan(30);
    }
  });

  it('answers "why not Johor?" for owned hardware a CN-headquartered group would have to export: the licence rule with its citation', async () => {
    const response = await recommend(training({ legalEntityId: 'demo-sg-subsidiary', ownership: ['OWNED'] }));
    expect(response.body.errors).toBeUndefined();
    const r = response.body.data.recommendPlacement as Result;
    const johor = r.rejected.filter((x) => x.siteName.includes('Johor') || x.countryCode === 'MY');
    expect(johor.length).toBeGreaterThan(0);
    const licensed = johor.find((x) => x.filter === 'LICENSE_NOT_ACCEPTED' || x.filter === 'PROHIBITED');
    expect(licensed).toBeDefined();
    expect(licensed!.rules.length).toBeGreaterThan(0);
    expect(licensed!.rules[0]!.citations.length).toBeGreaterThan(0);
    expect(licensed!.reason).toMatch(/licence|prohibited/);

    const accepted = await recommend(training({ legalEntityId: 'demo-sg-subsidiary', ownership: ['OWNED'], acceptLicensed: true }));
    const a = accepted.body.data.recommendPlacement as Result;
    expect(a.rejected.some((x) => x.filter === 'LICENSE_NOT_ACCEPTED')).toBe(false);
    expect(a.counts.survived).toBeGreaterThanOrEqual(r.counts.survived);
  });

  it('rejects everything over a budget and says by how much, choosing nothing', async () => {
    const response = await recommend(training({ budget: { amount: '1000', currency: 'USD' } }));
    const r = response.body.data.recommendPlacement as Result;
    expect(r.chosen).toBeNull();
    const over = r.rejected.filter((x) => x.filter === 'OVER_BUDGET');
    expect(over.length).toBeGreaterThan(0);
    expect(over[0]!.reason).toMatch(/over budget by [\d,.]+ USD/);
  });

  it('stores the recommendation with its input and versions; replay under unchanged data changes nothing, under a new price book it moves the choice', async () => {
    const made = (await recommend(training())).body.data.recommendPlacement as Result;
    const stored = await t.graphql(`query($id: ID!) { recommendation(id: $id) { ${FIELDS} input } }`, { id: made.id });
    expect(stored.body.errors).toBeUndefined();
    expect(stored.body.data.recommendation.chosen.candidateId).toBe(made.chosen!.candidateId);
    expect(stored.body.data.recommendation.versions).toEqual(made.versions);
    expect(stored.body.data.recommendation.input.costCenter).toBe('cc-llm');

    const REPLAY = `query($id: ID!) { replayRecommendation(id: $id) { chosenChanged changes { kind description candidateId before after } original { id } replayed { versions { priceBook } chosen { candidateId poolId } } } }`;
    const same = await t.graphql(REPLAY, { id: made.id });
    expect(same.body.errors).toBeUndefined();
    expect(same.body.data.replayRecommendation).toMatchObject({ chosenChanged: false, changes: [] });

    // A negotiated rate makes a leased alternative the cheapest.
    const target = made.alternatives.find((a) => a.ownership === 'LEASED_IAAS');
    expect(target).toBeDefined();
    const book = (await t.graphql(`{ costDataset(dataset: PRICE_BOOK, version: "2026.12.1") { document } }`)).body.data.costDataset.document as Record<string, unknown>;
    const version = `2026.12.${500 + Math.floor(Math.random() * 400)}`;
    const publish = await t.graphql(
      `mutation($document: JSONObject!) { publishCostDataset(dataset: PRICE_BOOK, document: $document) { created } }`,
      {
        document: {
          ...book,
          version,
          contractRates: [{ poolId: target!.poolId, basis: 'COMMITTED', rate: '0.01', currency: 'USD', source: 'test negotiated rate', asOf: '2026-12-01', validFrom: '2026-12-01', validTo: null }],
        },
      },
      TOKENS.finance,
    );
    expect(publish.body.errors).toBeUndefined();
    const moved = await t.graphql(REPLAY, { id: made.id });
    const replay = moved.body.data.replayRecommendation;
    expect(replay.replayed.versions.priceBook).toBe(version);
    expect(replay.chosenChanged).toBe(true);
    expect(replay.replayed.chosen.poolId).toBe(target!.poolId);
    expect(replay.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'VERSION', before: '2026.12.1', after: version }),
      expect.objectContaining({ kind: 'CHOSEN', before: made.chosen!.candidateId, after: target!.candidateId }),
    ]));
    // The stored recommendation is untouched.
    const again = await t.graphql(`query($id: ID!) { recommendation(id: $id) { chosen { candidateId } versions { priceBook } } }`, { id: made.id });
    expect(again.body.data.recommendation).toEqual({ chosen: { candidateId: made.chosen!.candidateId }, versions: { priceBook: '2026.12.1' } });
  });

  it('places inference near its users: the latency target rejects far sites with the distance', async () => {
    const response = await recommend({
      workload: { kind: 'INFERENCE', averageTokensPerSecond: 20_000, peakTokensPerSecond: 40_000, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 } },
      legalEntityId: 'demo-cn-parent',
      costCenter: 'cc-serving',
      servesPublicIn: ['CN'],
      window: { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' },
      users: { latitude: 31.23, longitude: 121.47, label: 'Shanghai' },
      latencyTargetMs: 40,
      acceptLicensed: true,
    });
    expect(response.body.errors).toBeUndefined();
    const r = response.body.data.recommendPlacement as Result;
    const far = r.rejected.filter((x) => x.filter === 'LATENCY');
    expect(far.length).toBeGreaterThan(0);
    expect(far.some((x) => x.countryCode === 'US')).toBe(true);
    expect(far[0]!.reason).toMatch(/Shanghai.*ms over [\d,]+ km/);
  });

  it.each([
    ['training without devices', training({ workload: { ...TRAINING, devices: null } }), 'input.workload.devices'],
    ['all-zero weights', training({ weights: { cost: 0, time: 0, risk: 0, latency: 0 } }), 'input.weights'],
    ['a budget in another currency', training({ budget: { amount: '10', currency: 'EUR' } }), 'input.budget.currency'],
    ['a window that ends before it starts', training({ window: { from: '2027-04-01T00:00:00Z', to: '2027-03-01T00:00:00Z' } }), 'input.window.to'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_name, input, field) => {
    const response = await recommend(input);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('needs a planner (or pipeline) token to recommend, and says NOT_FOUND for an unknown id', async () => {
    const anonymous = await t.graphql(RECOMMEND, { input: training() }, null);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const missing = await t.graphql(`query { recommendation(id: "${randomUUID()}") { id } }`);
    expect(missing.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});
