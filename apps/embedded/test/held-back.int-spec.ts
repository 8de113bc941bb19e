import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CandidatesV1, type CapacityPoolV1, HELD_BACK_FILTERS, HELD_BACK_LIST_MAX, type ListPoolsReplyV1, ListPoolsV1, ReservationCommandsV1 } from '@cp/contracts';
import { ApiTokensSetting } from '@cp/gateway-service';
import { acceptablePrecisions, type Precision } from '@cp/hardware';
import { transports } from '@cp/testing';
import { startTestSystem, type TestSystem } from './support.js';

// Read at run time: the catalog is reference data that changes, and the expectations follow it.
const catalog = JSON.parse(readFileSync('data/accelerators/accelerators.v1.json', 'utf8')) as {
  accelerators: { id: string; vendor: string; denseRates: Partial<Record<Precision, { value: number | null }>>; memory: { sizeGb: { value: number | null } } }[];
};
const accelerators = new Map(catalog.accelerators.map((a) => [a.id, a]));

/** What inventory's chip checks (PRECISION, MEMORY with the gateway's 1 GB default) decide for an accelerator. */
function chipFilter(acceleratorId: string, precision: Precision): 'PRECISION' | 'MEMORY' | null {
  const a = accelerators.get(acceleratorId)!;
  const rates = Object.entries(a.denseRates).filter(([, rate]) => rate?.value !== null && rate?.value !== undefined).map(([p]) => p);
  if (!acceptablePrecisions(precision).some((p) => rates.includes(p))) return 'PRECISION';
  if (a.memory.sizeGb.value === null || a.memory.sizeGb.value < 1) return 'MEMORY';
  return null;
}

const TOKENS = { planner: `pln-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.planner}:planner`);
const WINDOW = { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' };

const RECOMMEND = `mutation($input: WorkloadInput!) { recommendPlacement(input: $input) {
  chosen { candidateId acceleratorId warnings }
  alternatives { candidateId acceleratorId warnings }
  alternativesOmitted
  rejected { candidateId poolId siteName acceleratorId filter reason verdictOutcome detail }
  rejectedOmitted
  precisionAssumptions { acceleratorId requested runAt assumption }
  counts { matched candidates survived rejectedByFilter { filter count } }
} }`;

interface Entry {
  candidateId: string;
  acceleratorId: string;
  warnings: string[];
}
interface Result {
  chosen: Entry | null;
  alternatives: Entry[];
  alternativesOmitted: number;
  rejected: { candidateId: string; poolId: string; siteName: string; acceleratorId: string; filter: string; reason: string; verdictOutcome: string | null; detail: Record<string, unknown> }[];
  rejectedOmitted: number;
  precisionAssumptions: { acceleratorId: string; requested: string; runAt: string; assumption: string }[];
  counts: { matched: number; candidates: number; survived: number; rejectedByFilter: { filter: string; count: number }[] };
}

const countOf = (r: Result, filter: string): number => r.counts.rejectedByFilter.find((f) => f.filter === filter)?.count ?? -1;

const inWindow = (p: CapacityPoolV1) => Date.parse(p.availableFrom) <= Date.parse(WINDOW.from) && (p.availableTo === null || Date.parse(p.availableTo) >= Date.parse(WINDOW.to));

describe.each(transports)('every exclusion explained, on %s', (transport) => {
  let t: TestSystem;
  let pools: CapacityPoolV1[];
  /** Every pool with its free devices in the window, as inventory itself lists them. */
  const listPools = async (): Promise<CapacityPoolV1[]> => {
    const bus = t.buses.get('gateway')!;
    const all: CapacityPoolV1[] = [];
    let after: string | null = null;
    do {
      const page: ListPoolsReplyV1 = await bus.request(ListPoolsV1, { first: 500, after, filter: { window: WINDOW } });
      all.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  };
  const recommend = async (input: Record<string, unknown>): Promise<Result> => {
    const response = await t.graphql(RECOMMEND, { input }, TOKENS.planner);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.recommendPlacement as Result;
  };

  beforeAll(async () => {
    t = await startTestSystem(transport, 'held-back', { apiTokens });
    pools = await listPools();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers devices: 100000 with every pool rejected: POOL_SIZE and CAPACITY count exactly the pools that cannot hold it', async () => {
    const devices = 100_000;
    const r = await recommend({
      name: 'a run no pool can hold',
      workload: { kind: 'TRAINING', activeParameters: 70e9, tokens: 2e12, modelType: 'DENSE', precision: 'BF16', devices, mfu: { low: 0.35, expected: 0.4, high: 0.45 } },
      legalEntityId: 'demo-sg-subsidiary',
      costCenter: 'cc-llm',
      window: WINDOW,
      data: { originCountry: null },
    });

    // Expected from inventory's own listing and the catalog: of the pools whose chip qualifies, the ones too small, else not free enough.
    const chipOk = pools.filter((p) => chipFilter(p.acceleratorId, 'BF16') === null);
    const tooSmall = chipOk.filter((p) => p.deviceCount < devices);
    const notFree = chipOk.filter((p) => p.deviceCount >= devices && inWindow(p) && p.freeDevices < devices);
    expect(tooSmall.length).toBeGreaterThan(HELD_BACK_LIST_MAX); // the list is capped, the counts are not
    expect(countOf(r, 'POOL_SIZE')).toBe(tooSmall.length);
    expect(countOf(r, 'CAPACITY')).toBe(notFree.length);
    expect(countOf(r, 'PRECISION')).toBe(pools.filter((p) => chipFilter(p.acceleratorId, 'BF16') === 'PRECISION').length);

    // Nothing fits, and every pool is accounted for.
    expect(r.chosen).toBeNull();
    expect(r.counts).toMatchObject({ matched: 0, candidates: pools.length, survived: 0 });
    expect(r.counts.rejectedByFilter.reduce((n, f) => n + f.count, 0)).toBe(pools.length);
    expect(r.counts.rejectedByFilter.map((f) => f.filter)).toEqual(expect.arrayContaining([...HELD_BACK_FILTERS]));

    // A bounded list, the rest counted.
    expect(r.rejected).toHaveLength(HELD_BACK_LIST_MAX);
    expect(r.rejectedOmitted).toBe(pools.length - HELD_BACK_LIST_MAX);
    const bySize = new Map(pools.map((p) => [p.id, p.deviceCount]));
    const sized = r.rejected.filter((x) => x.filter === 'POOL_SIZE');
    expect(sized.length).toBeGreaterThan(0);
    for (const x of sized) {
      expect(x.reason).toContain(x.siteName);
      expect(x.reason).toContain(`needs ${devices} devices, pool has ${bySize.get(x.poolId)}`);
      expect(x.verdictOutcome).toBeNull();
      expect(x.detail).toMatchObject({ filter: 'POOL_SIZE', heldBackBy: 'INVENTORY' });
    }
  });

  it('keeps Ascend pools for a BF16 inference request, at FP16 with the assumption stated, instead of dropping them', async () => {
    const ascend = pools.filter((p) => p.acceleratorId === 'huawei-ascend-910b');
    expect(ascend.length).toBeGreaterThan(0);
    expect(accelerators.get('huawei-ascend-910b')!.denseRates.BF16?.value ?? null).toBeNull(); // the premise: no BF16 rate

    // Inventory returns them, and says at which precision they run.
    const reply = await t.buses.get('gateway')!.request(CandidatesV1, { requirements: { deviceCount: 1, minMemoryGbPerDevice: 1, precisions: ['BF16'], window: WINDOW }, limit: 5_000 });
    expect(reply.candidates.filter((c) => c.acceleratorId === 'huawei-ascend-910b').length).toBe(ascend.filter((p) => p.freeDevices >= 1).length);
    expect(reply.precisionAssumptions).toEqual(
      expect.arrayContaining([{ acceleratorId: 'huawei-ascend-910b', requested: 'BF16', runAt: 'FP16', assumption: expect.stringMatching(/^No BF16 rate: runs at FP16/) }]),
    );

    const r = await recommend({
      name: 'serve a dense model in BF16 to the Chinese public',
      workload: { kind: 'INFERENCE', precision: 'BF16', averageTokensPerSecond: 20_000, peakTokensPerSecond: 40_000, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 } },
      legalEntityId: 'demo-cn-parent',
      costCenter: 'cc-serving',
      servesPublicIn: ['CN'],
      window: WINDOW,
      acceptLicensed: true,
      // Domestic chips only, so every one of their options is listed (ranked or rejected), none omitted.
      vendors: ['Huawei'],
    });
    expect(r.precisionAssumptions).toEqual(
      expect.arrayContaining([{ acceleratorId: 'huawei-ascend-910b', requested: 'BF16', runAt: 'FP16', assumption: expect.stringMatching(/^No BF16 rate: runs at FP16/) }]),
    );
    // No Ascend 910B pool is held back for its precision; only chips with no rate at or near BF16 are, and they are counted.
    expect(r.rejected.filter((x) => x.acceleratorId === 'huawei-ascend-910b' && x.filter === 'PRECISION')).toEqual([]);
    const huawei = pools.filter((p) => accelerators.get(p.acceleratorId)!.vendor === 'Huawei');
    expect(countOf(r, 'VENDOR')).toBe(pools.length - huawei.length);
    expect(countOf(r, 'PRECISION')).toBe(huawei.filter((p) => chipFilter(p.acceleratorId, 'BF16') === 'PRECISION').length);
    // Every 910B pool free in the window reached placement: ranked, or rejected by a placement filter with its own reason.
    expect(r.alternativesOmitted).toBe(0);
    const ranked = [r.chosen, ...r.alternatives].filter((x): x is Entry => x !== null);
    const placed = new Set([...ranked.map((x) => x.candidateId), ...r.rejected.filter((x) => !(HELD_BACK_FILTERS as readonly string[]).includes(x.filter)).map((x) => x.candidateId)]);
    const free910b = ascend.filter((p) => p.freeDevices >= 1).map((p) => p.id);
    expect(free910b.length).toBeGreaterThan(0);
    expect(free910b.filter((id) => !placed.has(id))).toEqual([]);
    // A ranked 910B option carries the assumption among its warnings.
    for (const x of ranked.filter((e) => e.acceleratorId === 'huawei-ascend-910b')) expect(x.warnings[0]).toMatch(/^No BF16 rate: runs at FP16/);
    expect(r.counts.survived + r.counts.rejectedByFilter.reduce((n, f) => n + f.count, 0)).toBe(r.counts.candidates);
    expect(r.counts.candidates).toBe(pools.length);
  });

  it('tells a pool too small from one not available throughout the window and one whose free devices are held', async () => {
    // The largest pool whose chip qualifies and that is there all window, with one device held in the window.
    const chipOk = pools.filter((p) => chipFilter(p.acceleratorId, 'BF16') === null);
    const largest = chipOk.filter(inWindow).sort((a, b) => b.deviceCount - a.deviceCount || (a.id < b.id ? -1 : 1))[0]!;
    const held = await t.buses.get('gateway')!.request(ReservationCommandsV1, {
      command: 'reserve',
      actor: { id: 'held-back-test', roles: ['planner'] },
      poolId: largest.id,
      quantity: 1,
      window: WINDOW,
      workloadRef: 'held-back-test',
      idempotencyKey: `held-back-${randomUUID()}`,
      holdSeconds: 3_600,
    });
    expect(held.freeDevices).toBe(largest.freeDevices - 1);

    const devices = largest.deviceCount;
    const r = await recommend({
      name: 'a run the size of the largest pool',
      workload: { kind: 'TRAINING', activeParameters: 70e9, tokens: 2e12, modelType: 'DENSE', precision: 'BF16', devices, mfu: { low: 0.35, expected: 0.4, high: 0.45 } },
      legalEntityId: 'demo-sg-subsidiary',
      costCenter: 'cc-llm',
      window: WINDOW,
      data: { originCountry: null },
    });
    const now = (await listPools()).filter((p) => chipFilter(p.acceleratorId, 'BF16') === null);
    const big = now.filter((p) => p.deviceCount >= devices);
    expect(countOf(r, 'POOL_SIZE')).toBe(now.length - big.length);
    expect(countOf(r, 'WINDOW')).toBe(big.filter((p) => !inWindow(p)).length);
    expect(countOf(r, 'CAPACITY')).toBe(big.filter((p) => inWindow(p) && p.freeDevices < devices).length);
    expect(countOf(r, 'CAPACITY')).toBeGreaterThanOrEqual(1);
    // The closest to qualifying are listed first: the held pool, with its numbers.
    const capacity = r.rejected.find((x) => x.poolId === largest.id)!;
    expect(capacity.filter).toBe('CAPACITY');
    expect(capacity.reason).toContain(`needs ${devices} devices free throughout the window, pool has ${held.freeDevices} free of ${devices}`);
    expect(r.rejected.findIndex((x) => x.filter === 'POOL_SIZE')).toBeGreaterThan(r.rejected.findIndex((x) => x.filter === 'CAPACITY'));
    expect(r.counts.survived + r.counts.rejectedByFilter.reduce((n, f) => n + f.count, 0)).toBe(r.counts.candidates);
  });
});
