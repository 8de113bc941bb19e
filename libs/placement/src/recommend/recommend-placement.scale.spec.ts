import { describe, expect, it } from '@jest/globals';
import { HELD_BACK_FILTERS } from '@cp/contracts';
import { estimateRttMs } from './latency.js';
import { dominates } from './pareto.js';
import { recommendPlacement } from './recommend-placement.js';
import type { RecommendCandidate, RecommendInput } from './recommend.types.js';
import { riskOf } from './risk.js';
import { aCandidate, anInput, aReason, SHANGHAI } from './test/candidates.js';

/** mulberry32: a seeded generator, so the synthetic set is the same on every run. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthetic(n: number, seed: number): RecommendCandidate[] {
  const random = generator(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  return Array.from({ length: n }, (_, i) => {
    const outcome = pick(['ALLOWED', 'ALLOWED', 'ALLOWED', 'ALLOWED_WITH_CONDITIONS', 'ALLOWED_WITH_CONDITIONS', 'LICENSE_REQUIRED', 'PROHIBITED'] as const);
    const lead = outcome === 'LICENSE_REQUIRED' ? pick([30, 60, 90]) : 0;
    // Coarse values, so ties on cost and time happen and exercise the tie-breaks.
    const cost = String(500_000 + Math.floor(random() * 200) * 5_000);
    return aCandidate({
      id: `pool-synthetic-${String(i).padStart(5, '0')}`,
      siteName: `Synthetic site ${i}`,
      country: pick(['MY', 'SG', 'ID', 'TH', 'JP', 'CN', 'AE']),
      latitude: -10 + random() * 50,
      longitude: 95 + random() * 45,
      stateFunded: random() < 0.1,
      verdict: {
        outcome,
        leadTimeDays: lead,
        reasons: outcome === 'ALLOWED' ? [] : [aReason({ outcome, status: random() < 0.3 ? 'REPORTED_ONLY' : 'IN_FORCE' })],
        conditions: outcome === 'ALLOWED_WITH_CONDITIONS' ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ ruleId: 'c', description: 'd', leadTimeDays: null })) : [],
        advisories: random() < 0.2 ? [aReason({ status: 'PROPOSED' })] : [],
      },
      estimate:
        random() < 0.05
          ? null
          : { cost, low: String(Number(cost) * (0.7 + random() * 0.3)), high: String(Number(cost) * (1 + random())), leadTimeDays: lead, transferDays: String(Math.floor(random() * 5)), runDays: String(10 + Math.floor(random() * 60)) },
    });
  });
}

describe('recommendPlacement on 5,000 synthetic candidates', () => {
  const candidates = synthetic(5_000, 42);
  const input: RecommendInput = anInput({
    kind: 'INFERENCE',
    acceptLicensed: true,
    deadline: '2027-04-01T00:00:00Z',
    budget: { amount: '1400000', currency: 'USD' },
    users: SHANGHAI,
    latencyTargetMs: 50,
    excludeCountries: ['AE'],
    weights: { cost: 0.4, time: 0.3, risk: 0.2, latency: 0.1 },
    candidates,
  });
  const result = recommendPlacement(input);
  const rejectedIds = new Set(result.rejected.map((r) => r.candidateId));
  const survivors = candidates.filter((c) => !rejectedIds.has(c.candidateId));
  // Objectives recomputed from the input with the exported models, independently of the ranking code.
  const objectives = new Map(
    survivors.map((c) => [c.candidateId, [Number(c.estimate!.total.expected), Number(c.estimate!.timeToResultDays.expected), riskOf(c).score, estimateRttMs(c.site, SHANGHAI)!]]),
  );
  const front = new Set(result.paretoFront);

  it('accounts for every candidate once', () => {
    expect(result.counts.candidates).toBe(5_000);
    expect(rejectedIds.size).toBe(result.rejected.length);
    expect(result.counts.survived).toBe(survivors.length);
    expect(result.counts.survived + Object.values(result.counts.rejectedByFilter).reduce((a, b) => a + b, 0)).toBe(5_000);
    // The set is built so that every filter but the licence and capacity ones rejects something, and many survive
    // (inventory held nothing back here, so its filters count 0).
    expect(Object.entries(result.counts.rejectedByFilter).filter(([, n]) => n === 0).map(([f]) => f)).toEqual([...HELD_BACK_FILTERS, 'LICENSE_NOT_ACCEPTED', 'INSUFFICIENT_CAPACITY']);
    expect(survivors.length).toBeGreaterThan(500);
  });

  it('ranks 1, 2, 3 … by score, then cost, time, risk and latency, then candidateId', () => {
    const ranked = [result.chosen!, ...result.alternatives];
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      const [oa, ob] = [objectives.get(a.candidateId)!, objectives.get(b.candidateId)!];
      const order = a.score - b.score || oa.reduce((o, v, k) => o || v - ob[k], 0) || (a.candidateId < b.candidateId ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
    expect(result.alternatives).toHaveLength(50);
    expect(result.alternativesOmitted).toBe(survivors.length - 51);
  });

  it('no front member is dominated by any survivor', () => {
    const dominated = [...front].filter((id) => survivors.some((s) => dominates(objectives.get(s.candidateId)!, objectives.get(id)!)));
    expect(dominated).toEqual([]);
  });

  it('every survivor off the front is dominated by a front member', () => {
    const members = [...front].map((id) => objectives.get(id)!);
    const undominated = survivors.filter((s) => !front.has(s.candidateId) && !members.some((m) => dominates(m, objectives.get(s.candidateId)!)));
    expect(undominated.map((s) => s.candidateId)).toEqual([]);
    expect(front.size).toBeGreaterThan(1);
    expect(front.size).toBeLessThan(survivors.length);
  });

  it('marks front members in the ranked entries and chooses one of them when every weight is positive', () => {
    for (const r of [result.chosen!, ...result.alternatives]) expect(r.onParetoFront).toBe(front.has(r.candidateId));
    expect(result.chosen!.onParetoFront).toBe(true);
  });

  it('scores the front members the same, in the same order, when every dominated candidate is removed', () => {
    const frontOnly = recommendPlacement({ ...input, candidates: candidates.filter((c) => front.has(c.candidateId)) });
    const listed = (r: typeof result) => new Map([r.chosen!, ...r.alternatives].map((x) => [x.candidateId, x]));
    const [before, after] = [listed(result), listed(frontOnly)];
    const common = [...before.keys()].filter((id) => after.has(id));
    expect(common.length).toBeGreaterThan(1);
    expect([...after.keys()].filter((id) => before.has(id))).toEqual(common);
    for (const id of common) {
      expect([after.get(id)!.score, after.get(id)!.normalised]).toEqual([before.get(id)!.score, before.get(id)!.normalised]);
    }
    expect(frontOnly.chosen!.candidateId).toBe(result.chosen!.candidateId);
    expect(frontOnly.paretoFront).toEqual(result.paretoFront);
  });

  it('gives the same ranking for the candidates in another order', () => {
    const reversed = recommendPlacement({ ...input, candidates: [...candidates].reverse() });
    const ids = (r: typeof result) => [r.chosen!, ...r.alternatives].map((x) => [x.candidateId, x.score]);
    expect(ids(reversed)).toEqual(ids(result));
    expect(reversed.paretoFront).toEqual(result.paretoFront);
    expect(reversed.chosen).toEqual(result.chosen);
  });
});
