import { describe, expect, it } from '@jest/globals';
import { RecommendError } from './recommend.error.js';
import { recommendPlacement } from './recommend-placement.js';
import type { HeldBackPool, RecommendHeldBack } from './recommend.types.js';
import { aCandidate, anInput } from './test/candidates.js';

function aHeldBackPool(overrides: Partial<HeldBackPool> = {}): HeldBackPool {
  return {
    poolId: 'pool-cn-guian-ascend-910b-1',
    siteId: 'cn-guian',
    siteName: 'Gui’an Data Center',
    countryCode: 'CN',
    acceleratorId: 'huawei-ascend-910b',
    acceleratorName: 'Huawei Ascend 910B',
    vendor: 'Huawei',
    ownership: 'OWNED',
    filter: 'POOL_SIZE',
    reason: 'needs 100000 devices, pool has 4096',
    ...overrides,
  };
}

const heldBack: RecommendHeldBack = {
  // 7 held back; inventory listed 3 of them.
  byFilter: { POOL_SIZE: 4, CAPACITY: 2, PRECISION: 1 },
  pools: [
    aHeldBackPool({ poolId: 'pool-a', filter: 'CAPACITY', reason: 'needs 256 devices free throughout the window, pool has 128 free of 512' }),
    aHeldBackPool({ poolId: 'pool-b' }),
    aHeldBackPool({ poolId: 'pool-c', filter: 'PRECISION', reason: 'needs a dense rate at or near TF32 (accepts TF32), accelerator has rates for FP16, INT8 only' }),
  ],
};

describe('recommendPlacement: pools inventory held back', () => {
  const result = recommendPlacement(anInput({ candidates: [aCandidate({ id: 'pool-ok' }), aCandidate({ id: 'pool-unpriced', estimate: null })], heldBack }));

  it('counts every held-back pool under its filter, listed or not, and as a candidate considered', () => {
    expect(result.counts.rejectedByFilter).toMatchObject({ POOL_SIZE: 4, CAPACITY: 2, PRECISION: 1, MEMORY: 0, WINDOW: 0, NOT_PRICED: 1 });
    expect(result.counts.candidates).toBe(2 + 7);
    expect(result.counts.survived).toBe(1);
    expect(result.counts.survived + Object.values(result.counts.rejectedByFilter).reduce((a, b) => a + b, 0)).toBe(result.counts.candidates);
    expect(result.rejectedOmitted).toBe(4);
  });

  it('lists the held-back pools first, in inventory’s order, as rejections naming site, pool, accelerator and the numbers', () => {
    expect(result.rejected.map((r) => [r.candidateId, r.filter])).toEqual([
      ['pool-a', 'CAPACITY'],
      ['pool-b', 'POOL_SIZE'],
      ['pool-c', 'PRECISION'],
      ['pool-unpriced', 'NOT_PRICED'],
    ]);
    const [capacity, size] = result.rejected;
    expect(size.reason).toBe('Gui’an Data Center (CN), pool pool-b, Huawei Ascend 910B was held back by inventory (POOL_SIZE): needs 100000 devices, pool has 4096.');
    expect(capacity.detail).toEqual({ filter: 'CAPACITY', heldBackBy: 'INVENTORY', inventoryReason: 'needs 256 devices free throughout the window, pool has 128 free of 512' });
    expect(size).toMatchObject({ poolId: 'pool-b', siteId: 'cn-guian', countryCode: 'CN', acceleratorId: 'huawei-ascend-910b', vendor: 'Huawei', ownership: 'OWNED', verdictOutcome: null });
  });

  it('counts them in the chosen one’s explanation', () => {
    expect(result.chosen!.why[0]).toContain('of 1 candidate that passed the filters (8 rejected;');
  });

  it('changes nothing else: the same choice and scores as without them', () => {
    const without = recommendPlacement(anInput({ candidates: [aCandidate({ id: 'pool-ok' }), aCandidate({ id: 'pool-unpriced', estimate: null })] }));
    expect(result.chosen!.candidateId).toBe(without.chosen!.candidateId);
    expect(result.chosen!.score).toBe(without.chosen!.score);
    expect(without.rejectedOmitted).toBe(0);
    expect(without.counts.candidates).toBe(2);
  });

  it('answers "nothing fits" with the reasons instead of an empty result', () => {
    const none = recommendPlacement(anInput({ candidates: [], heldBack: { byFilter: { POOL_SIZE: 1 }, pools: [aHeldBackPool()] } }));
    expect(none.chosen).toBeNull();
    expect(none.counts).toMatchObject({ candidates: 1, survived: 0 });
    expect(none.counts.rejectedByFilter.POOL_SIZE).toBe(1);
    expect(none.rejected[0].reason).toContain('needs 100000 devices, pool has 4096');
  });

  it.each<[string, RecommendHeldBack, string]>([
    ['a pool listed beyond its count', { byFilter: { POOL_SIZE: 1 }, pools: [aHeldBackPool({ poolId: 'pool-x' }), aHeldBackPool({ poolId: 'pool-y' })] }, 'heldBack.pools[1].filter'],
    ['a pool listed under a filter not counted', { byFilter: {}, pools: [aHeldBackPool()] }, 'heldBack.pools[0].filter'],
    ['a held-back pool that is also a candidate', { byFilter: { POOL_SIZE: 1 }, pools: [aHeldBackPool({ poolId: 'pool-ok' })] }, 'heldBack.pools[0].poolId'],
    ['a negative count', { byFilter: { WINDOW: -1 }, pools: [] }, 'heldBack.byFilter.WINDOW'],
    ['a filter inventory does not apply', { byFilter: { PROHIBITED: 1 } as RecommendHeldBack['byFilter'], pools: [] }, 'heldBack.byFilter.PROHIBITED'],
  ])('refuses %s, naming the field', (_case, bad, field) => {
    const run = () => recommendPlacement(anInput({ candidates: [aCandidate({ id: 'pool-ok' })], heldBack: bad }));
    expect(run).toThrow(RecommendError);
    expect(run).toThrow(expect.objectContaining({ code: 'INVALID_RECOMMEND_INPUT', field }));
  });
});
