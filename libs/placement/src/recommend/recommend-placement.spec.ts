import { describe, expect, it } from '@jest/globals';
import { RecommendError } from './recommend.error.js';
import { MAX_ALTERNATIVES, recommendPlacement } from './recommend-placement.js';
import type { RankedCandidate, RecommendationResult, RecommendInput, RejectionFilter } from './recommend.types.js';
import { SCORING_MODEL } from './scoring.js';
import { aCandidate, anInput, aReason, SHANGHAI } from './test/candidates.js';

/** Scores and normalised values are rounded to 6 places (README, Scoring). */
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

const JOHOR = 'Princeton Digital Group JH1, Sedenak Tech Park, Johor (MY), pool pool-my-johor-sedenak-pdg-h100-sxm-1';

function only(result: RecommendationResult) {
  expect(result.rejected).toHaveLength(1);
  return result.rejected[0];
}

describe('recommendPlacement: filters', () => {
  const cases: { name: string; input: RecommendInput; filter: RejectionFilter; reason: RegExp[]; detail: Record<string, unknown> }[] = [
    {
      name: 'PROHIBITED lists the deciding rules with status and citations',
      input: anInput({
        candidates: [
          aCandidate({
            verdict: {
              outcome: 'PROHIBITED',
              reasons: [aReason(), aReason({ ruleId: 'my-permit', title: 'Malaysia: data-centre permit', outcome: 'ALLOWED_WITH_CONDITIONS', family: 'HOST_COUNTRY' })],
            },
          }),
        ],
      }),
      filter: 'PROHIBITED',
      reason: [/is prohibited by 1 rule: us-ear-3a090-d5 "US EAR: 3A090 items to D:5 headquartered entities" \(IN_FORCE, 1 citation\)/],
      detail: { rules: [expect.objectContaining({ ruleId: 'us-ear-3a090-d5', status: 'IN_FORCE', citations: [expect.objectContaining({ text: '15 CFR 744.23 (fact sheet §1.1)' })] })] },
    },
    {
      name: 'LICENSE_NOT_ACCEPTED names the rules and the lead time',
      input: anInput({
        candidates: [aCandidate({ verdict: { outcome: 'LICENSE_REQUIRED', leadTimeDays: 90, reasons: [aReason({ ruleId: 'us-ear-3a090-d1', title: 'US EAR: licence for D:1', outcome: 'LICENSE_REQUIRED' })] } })],
      }),
      filter: 'LICENSE_NOT_ACCEPTED',
      reason: [/needs a licence \(1 rule: us-ear-3a090-d1 "US EAR: licence for D:1" \(IN_FORCE, 1 citation\)\), with a lead time of 90 days/, /acceptLicensed is false/],
      detail: { leadTimeDays: 90, rules: [expect.objectContaining({ ruleId: 'us-ear-3a090-d1' })] },
    },
    {
      name: 'EXCLUDED_COUNTRY, case-insensitive',
      input: anInput({ excludeCountries: ['cn', 'my'] }),
      filter: 'EXCLUDED_COUNTRY',
      reason: [/is in MY, one of the 2 excluded countries \(CN, MY\)/],
      detail: { countryCode: 'MY', excludeCountries: ['CN', 'MY'] },
    },
    {
      name: 'NOT_PRICED carries the cost error',
      input: anInput({ candidates: [aCandidate({ estimate: null })] }),
      filter: 'NOT_PRICED',
      reason: [/could not be priced: MISSING_PRICE, no COMMITTED rate for nvidia-h100-sxm \(missing: priceBook.COMMITTED\)/],
      detail: { code: 'MISSING_PRICE', missing: 'priceBook.COMMITTED' },
    },
    {
      name: 'INSUFFICIENT_CAPACITY when the sized fleet outgrows the free devices',
      input: anInput({ candidates: [{ ...aCandidate(), pool: { ...aCandidate().pool, freeDevices: 100 } }] }),
      filter: 'INSUFFICIENT_CAPACITY',
      reason: [/has 100 free devices in the window but the workload needs 1024/],
      detail: { neededDevices: 1024, freeDevices: 100 },
    },
    {
      name: 'MISSES_DEADLINE by 12 days, the run dominating',
      input: anInput({ deadline: '2027-02-03T00:00:00Z', candidates: [aCandidate({ estimate: { transferDays: '2', runDays: '40' } })] }),
      filter: 'MISSES_DEADLINE',
      reason: [/misses the deadline by 12 days: expected time to result 42 days \(0 lead time \+ 2 transfer \+ 40 run\), ready 2027-02-15T00:00:00.000Z/, /deadline 2027-02-03T00:00:00Z is 30 days from now; the run dominates/],
      detail: { lateByDays: 12, availableDays: 30, timeToResultDays: 42, dominant: 'RUN', runDays: 40, leadTimeDays: 0, transferDays: 2 },
    },
    {
      name: 'MISSES_DEADLINE, the licence lead time dominating',
      input: anInput({ deadline: '2027-02-03T00:00:00Z', acceptLicensed: true, candidates: [aCandidate({ verdict: { outcome: 'LICENSE_REQUIRED', leadTimeDays: 60 }, estimate: { leadTimeDays: 60, transferDays: '1.5', runDays: '10' } })] }),
      filter: 'MISSES_DEADLINE',
      reason: [/by 41.5 days: expected time to result 71.5 days \(60 lead time \+ 1.5 transfer \+ 10 run\)/, /licence\/approval lead time dominates/],
      detail: { lateByDays: 41.5, dominant: 'LEAD_TIME' },
    },
    {
      name: 'OVER_BUDGET by 250,000 USD (25%)',
      input: anInput({ budget: { amount: '1000000', currency: 'USD' }, candidates: [aCandidate({ estimate: { cost: '1250000', low: '1100000', high: '1600000' } })] }),
      filter: 'OVER_BUDGET',
      reason: [/is over budget by 250,000.00 USD \(25%\): expected total 1,250,000.00 USD vs budget 1,000,000.00 USD \(range 1,100,000.00 USD to 1,600,000.00 USD\)/],
      detail: { overBy: { amount: '250000', currency: 'USD' }, overByPercent: 25, expected: { amount: '1250000', currency: 'USD' } },
    },
    {
      name: 'LATENCY: Johor is ~57 ms from Shanghai against a 40 ms target',
      input: anInput({ kind: 'INFERENCE', users: SHANGHAI, latencyTargetMs: 40 }),
      filter: 'LATENCY',
      reason: [/is too far from the users \(Shanghai users\): estimated round trip 56.\d ms over 3,7\d\d km great circle vs a target of 40 ms \(16.\d ms over\)/],
      detail: { targetMs: 40, users: SHANGHAI },
    },
  ];

  it.each(cases)('$name', ({ input, filter, reason, detail }) => {
    const result = recommendPlacement(input);
    const rejection = only(result);
    expect(result.chosen).toBeNull();
    expect(rejection.filter).toBe(filter);
    expect(rejection.detail).toMatchObject({ filter, ...detail });
    // "Why not Johor?" is answered by the sentence alone: site, country, pool and numbers.
    expect(rejection.reason).toContain(JOHOR);
    for (const pattern of reason) expect(rejection.reason).toMatch(pattern);
    expect(result.counts.rejectedByFilter[filter]).toBe(1);
  });

  it('applies the latency target to inference only', () => {
    const training = recommendPlacement(anInput({ kind: 'TRAINING', users: SHANGHAI, latencyTargetMs: 40 }));
    expect(training.rejected).toEqual([]);
    expect(training.chosen?.objectives.latencyMs).toBeCloseTo(56.7, 0);
    expect(recommendPlacement(anInput({ kind: 'BATCH_INFERENCE', users: SHANGHAI, latencyTargetMs: 40 })).rejected[0]?.filter).toBe('LATENCY');
    expect(recommendPlacement(anInput({ kind: 'INFERENCE', users: SHANGHAI, latencyTargetMs: 60 })).rejected).toEqual([]);
  });

  it('meets a deadline exactly on time', () => {
    const result = recommendPlacement(anInput({ deadline: '2027-02-05T00:00:00Z', candidates: [aCandidate({ estimate: { transferDays: '2', runDays: '30' } })] }));
    expect(result.rejected).toEqual([]);
  });
});

describe('recommendPlacement: filter order', () => {
  // Each case fails every filter of the ones before it in the list but one fewer: the first failing filter is recorded, once.
  const failsAllUpFront = (outcome: 'PROHIBITED' | 'LICENSE_REQUIRED' | 'ALLOWED', exclude: boolean) =>
    anInput({ excludeCountries: exclude ? ['MY'] : [], candidates: [aCandidate({ verdict: { outcome, reasons: [aReason({ outcome })] }, estimate: null })] });
  const failsAllLate = (deadline: boolean, budget: boolean, target: boolean) =>
    anInput({
      kind: 'INFERENCE',
      users: SHANGHAI,
      latencyTargetMs: target ? 10 : null,
      deadline: deadline ? '2027-01-10T00:00:00Z' : null,
      budget: budget ? { amount: '10', currency: 'USD' } : null,
      candidates: [aCandidate({ estimate: { cost: '1000000', runDays: '30' } })],
    });
  const cases: { name: string; input: RecommendInput; filter: RejectionFilter | null }[] = [
    { name: 'prohibited, excluded, unpriced', input: failsAllUpFront('PROHIBITED', true), filter: 'PROHIBITED' },
    { name: 'licensed, excluded, unpriced', input: failsAllUpFront('LICENSE_REQUIRED', true), filter: 'LICENSE_NOT_ACCEPTED' },
    { name: 'excluded, unpriced', input: failsAllUpFront('ALLOWED', true), filter: 'EXCLUDED_COUNTRY' },
    { name: 'unpriced', input: failsAllUpFront('ALLOWED', false), filter: 'NOT_PRICED' },
    { name: 'late, over budget, too far', input: failsAllLate(true, true, true), filter: 'MISSES_DEADLINE' },
    { name: 'over budget, too far', input: failsAllLate(false, true, true), filter: 'OVER_BUDGET' },
    { name: 'too far', input: failsAllLate(false, false, true), filter: 'LATENCY' },
    { name: 'nothing', input: failsAllLate(false, false, false), filter: null },
  ];
  it.each(cases)('$name → $filter', ({ input, filter }) => {
    const result = recommendPlacement(input);
    expect(result.rejected.map((r) => r.filter)).toEqual(filter === null ? [] : [filter]);
    expect(Object.values(result.counts.rejectedByFilter).reduce((a, b) => a + b, 0) + result.counts.survived).toBe(result.counts.candidates);
  });
});

describe('recommendPlacement: licences', () => {
  const licensed = aCandidate({
    id: 'pool-sg-loyang-airtrunk-h200-1',
    siteName: 'AirTrunk SGP1, Loyang, Singapore',
    country: 'SG',
    verdict: { outcome: 'LICENSE_REQUIRED', leadTimeDays: 90, reasons: [aReason({ outcome: 'LICENSE_REQUIRED' })], conditions: [{ ruleId: 'us-ear-3a090-d5', description: 'licence', leadTimeDays: 90 }] },
    estimate: { cost: '900000', leadTimeDays: 90 },
  });
  const allowed = aCandidate({ estimate: { cost: '1000000' } });

  it('drops a licensed candidate unless licences are accepted', () => {
    expect(recommendPlacement(anInput({ candidates: [licensed, allowed] })).rejected.map((r) => r.candidateId)).toEqual([licensed.candidateId]);
  });

  it('keeps it when accepted, with higher risk and a longer time to result', () => {
    const result = recommendPlacement(anInput({ acceptLicensed: true, weights: { cost: 0, time: 0, risk: 1, latency: 0 }, candidates: [licensed, allowed] }));
    expect(result.counts.survived).toBe(2);
    const kept = [result.chosen!, ...result.alternatives].find((r) => r.candidateId === licensed.candidateId)!;
    expect(kept.verdictOutcome).toBe('LICENSE_REQUIRED');
    expect(kept.objectives.riskScore).toBeGreaterThan(result.chosen!.objectives.riskScore);
    expect(kept.objectives.timeToResultDays).toBe(122);
    expect(kept.objectives.leadTimeDays).toBe(90);
    expect(result.chosen!.objectives.timeToResultDays).toBe(32);
    expect(kept.riskFactors).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'OUTCOME', contribution: 0.3 }), expect.objectContaining({ name: 'CONDITIONS', contribution: 0.05 })]));
    // Cheaper but riskier and slower: on the front, not chosen under a risk-only weighting.
    expect(result.chosen!.candidateId).toBe(allowed.candidateId);
    expect(result.paretoFront).toEqual([allowed.candidateId, licensed.candidateId]);
  });
});

describe('recommendPlacement: weights and ranking', () => {
  const cheapSlow = aCandidate({ id: 'pool-cheap-slow', siteName: 'Cheap Slow DC', estimate: { cost: '1000000', runDays: '60' } });
  const dearFast = aCandidate({ id: 'pool-dear-fast', siteName: 'Dear Fast DC', estimate: { cost: '1500000', runDays: '20' } });
  const cases = [
    { name: 'cost only → the cheap one', weights: { cost: 1, time: 0, risk: 0, latency: 0 }, chosen: 'pool-cheap-slow' },
    { name: 'time only → the fast one', weights: { cost: 0, time: 5, risk: 0, latency: 0 }, chosen: 'pool-dear-fast' },
    { name: 'cost 3 : time 1 → the cheap one', weights: { cost: 3, time: 1, risk: 0, latency: 0 }, chosen: 'pool-cheap-slow' },
    { name: 'cost 1 : time 3 → the fast one', weights: { cost: 1, time: 3, risk: 0, latency: 0 }, chosen: 'pool-dear-fast' },
  ];
  it.each(cases)('$name', ({ weights, chosen }) => {
    const result = recommendPlacement(anInput({ weights, candidates: [cheapSlow, dearFast] }));
    expect(result.chosen?.candidateId).toBe(chosen);
    expect(result.alternatives.map((a) => a.rank)).toEqual([2]);
    expect(result.paretoFront).toHaveLength(2);
    expect([result.chosen!.onParetoFront, result.alternatives[0].onParetoFront]).toEqual([true, true]);
  });

  it('normalises the weights to sum 1 and explains the win over the runner-up with the numbers', () => {
    const result = recommendPlacement(anInput({ weights: { cost: 3, time: 1, risk: 0, latency: 0 }, candidates: [cheapSlow, dearFast] }));
    expect(result.weights).toEqual({ cost: 0.75, time: 0.25, risk: 0, latency: 0 });
    // Time to result 62 and 22 days (2 transfer + run); cost 1.0 M and 1.5 M; both risk 0.0333 (cost spread only).
    const slower = r6(Math.log10(62 / 22)); // 0.449969: the cheap one is 2.82× the fastest time
    const dearer = r6(Math.log10(1.5)); // 0.176091: the fast one is 1.5× the cheapest cost
    const chosen = result.chosen!;
    expect(chosen.normalised).toEqual({ cost: 0, time: slower, risk: 0.0333, latency: 0 });
    expect(result.alternatives[0].normalised).toEqual({ cost: dearer, time: 0, risk: 0.0333, latency: 0 });
    expect(chosen.score).toBe(r6(0.25 * slower)); // 0.112492
    expect(result.alternatives[0].score).toBe(r6(0.75 * dearer)); // 0.132068
    expect(chosen.why[0]).toMatch(/^Cheap Slow DC \(MY\), pool pool-cheap-slow, .* has the lowest weighted score, 0.112492, of 2 candidates that passed the filters \(0 rejected; weights cost 0.75, time 0.25, risk 0, latency 0\)\.$/);
    expect(chosen.why.slice(2)).toEqual([
      expect.stringMatching(/^It beat the runner-up Dear Fast DC \(MY\), pool pool-dear-fast, .* \(score 0.132068\) by 0.019576:$/),
      'cost: 1,000,000.00 USD vs 1,500,000.00 USD, 500,000.00 USD (33.3%) cheaper; normalised 0 vs 0.176091: weight 0.75 × 0.176091 = 0.132068 of score in its favour.',
      'time to result: 62 days vs 22 days, 40 days later; normalised 0.449969 vs 0: weight 0.25 × 0.449969 = 0.112492 of score against it.',
      'risk: 0.0333 vs 0.0333, the same; normalised 0.0333 vs 0.0333, weight 0: not counted.',
      'On the Pareto front: no other candidate is at least as good on every objective and better on one.',
    ]);
    expect(result.alternatives[0].why).toEqual([
      'Rank 2, score 0.132068, 0.019576 behind the chosen pool-cheap-slow (0.112492).',
      'Against the chosen one: cost 1,500,000.00 USD (normalised 0.176091), 500,000.00 USD (50%) dearer; time to result 22 days (normalised 0), 40 days sooner; risk 0.0333 (normalised 0.0333), the same.',
      'On the Pareto front: no other candidate is at least as good on every objective and better on one.',
    ]);
  });

  it('marks dominated candidates and names one that dominates them', () => {
    const worse = aCandidate({ id: 'pool-worse', siteName: 'Worse DC', estimate: { cost: '1600000', runDays: '70' } });
    const result = recommendPlacement(anInput({ candidates: [worse, cheapSlow, dearFast] }));
    expect(result.paretoFront.sort()).toEqual(['pool-cheap-slow', 'pool-dear-fast']);
    const ranked = [result.chosen!, ...result.alternatives];
    const entry = ranked.find((r) => r.candidateId === 'pool-worse')!;
    expect(entry.onParetoFront).toBe(false);
    expect(entry.rank).toBe(3);
    expect(entry.why[2]).toMatch(/^Not on the Pareto front: (Cheap Slow|Dear Fast) DC .* is at least as good on every objective and better on at least one\.$/);
  });

  it('breaks score ties by cost, then by candidateId, whatever the input order', () => {
    const a = aCandidate({ id: 'pool-a', estimate: { cost: '100', low: '100', high: '100' } });
    const b = aCandidate({ id: 'pool-b', estimate: { cost: '100', low: '100', high: '100' } });
    const cheaperButSlow = aCandidate({ id: 'pool-0-dear', estimate: { cost: '101', low: '101', high: '101' } });
    const timeOnly = { cost: 0, time: 1, risk: 0, latency: 0 };
    for (const candidates of [
      [a, b, cheaperButSlow],
      [cheaperButSlow, b, a],
      [b, cheaperButSlow, a],
    ]) {
      const result = recommendPlacement(anInput({ weights: timeOnly, candidates }));
      expect([result.chosen!, ...result.alternatives].map((r) => [r.candidateId, r.score])).toEqual([
        ['pool-a', 0],
        ['pool-b', 0],
        ['pool-0-dear', 0],
      ]);
      expect(result.chosen!.why[2]).toMatch(/^It tied with the runner-up .* pool pool-b, .* on score 0 and comes first by candidateId:$/);
    }
  });

  it('uses latency when users are given: the nearer site wins on latency alone', () => {
    const near = aCandidate({ id: 'pool-cn-shanghai', siteName: 'Qingpu cluster', country: 'CN', latitude: 31.15, longitude: 121.12, originCountry: 'CN', estimate: { cost: '100' } });
    const far = aCandidate({ id: 'pool-my-johor', estimate: { cost: '100' } });
    const result = recommendPlacement(anInput({ kind: 'INFERENCE', users: SHANGHAI, weights: { cost: 0, time: 0, risk: 0, latency: 1 }, candidates: [far, near] }));
    expect(result.chosen?.candidateId).toBe('pool-cn-shanghai');
    expect(result.chosen!.objectives.latencyMs!).toBeLessThan(1);
    // No target: ms ÷ the model's longest round trip (300.2 ms), an absolute scale.
    const farMs = result.alternatives[0].objectives.latencyMs!;
    expect(result.alternatives[0].normalised.latency).toBe(r6(farMs / 300.2));
    expect(result.chosen!.why).toEqual(
      expect.arrayContaining([expect.stringMatching(/^latency: 0\.\d ms vs 56\.\d ms, 5\d\.\d ms lower; normalised 0\.00\d+ vs 0\.18\d+: weight 1 × 0\.18\d+ = 0\.18\d+ of score in its favour\.$/)]),
    );
  });

  it('reports null latency and neutral normalised latency without users', () => {
    const result = recommendPlacement(anInput({ weights: { cost: 1, time: 1, risk: 1, latency: 1 } }));
    expect(result.chosen!.objectives.latencyMs).toBeNull();
    expect(result.chosen!.normalised.latency).toBe(0);
  });

  it(`lists at most ${MAX_ALTERNATIVES} alternatives and counts the rest`, () => {
    const candidates = Array.from({ length: 60 }, (_, i) => aCandidate({ id: `pool-${String(i).padStart(2, '0')}`, estimate: { cost: String(1000 + i) } }));
    const result = recommendPlacement(anInput({ weights: { cost: 1, time: 0, risk: 0, latency: 0 }, candidates }));
    expect(result.chosen!.candidateId).toBe('pool-00');
    expect(result.alternatives).toHaveLength(MAX_ALTERNATIVES);
    expect(result.alternatives.at(-1)!.rank).toBe(51);
    expect(result.alternativesOmitted).toBe(9);
    expect(result.counts.survived).toBe(60);
  });

  it('warns when the high end of the range breaks the budget or the deadline', () => {
    const result = recommendPlacement(
      anInput({
        budget: { amount: '1100000', currency: 'USD' },
        deadline: '2027-02-06T00:00:00Z',
        candidates: [aCandidate({ estimate: { cost: '1000000', low: '900000', high: '1300000', runDays: '30', timeHigh: '40' } })],
      }),
    );
    expect(result.chosen!.warnings).toEqual([
      'The high cost estimate 1,300,000.00 USD exceeds the budget 1,100,000.00 USD by 200,000.00 USD (the expected 1,000,000.00 USD fits).',
      'At the high time-to-result estimate (40 days) the result would be 7 days past the deadline 2027-02-06T00:00:00Z (the expected 32 days fits).',
    ]);
  });
});

describe('recommendPlacement: normalisation that other candidates cannot stretch', () => {
  // Issue 15 item 7. Same time (32 days) and cost spread (risk 0.0333) everywhere; the cheap one is
  // allowed with 2 conditions (0.1 + 2 × 0.05 = 0.2 more risk) and 71 % cheaper than the safe one.
  const cheapRisky = aCandidate({
    id: 'pool-cheap-risky',
    siteName: 'Cheap Risky DC',
    verdict: { outcome: 'ALLOWED_WITH_CONDITIONS', conditions: [1, 2].map((i) => ({ ruleId: `c${i}`, description: 'filing', leadTimeDays: null })) },
    estimate: { cost: '290000' },
  });
  const safe = aCandidate({ id: 'pool-safe', siteName: 'Safe DC', estimate: { cost: '1000000' } });
  // Dominated by the safe one (dearer, same time and risk). Under min–max it stretched the cost axis
  // so far that 71 % became 0.073 of it, while the 0.2 risk gap was the whole risk axis.
  const dearSafe = aCandidate({ id: 'pool-dear-safe', siteName: 'Dear Safe DC', estimate: { cost: '10000000' } });
  const equal = { cost: 1, time: 1, risk: 1, latency: 1 };
  const ranking = (result: RecommendationResult) => [result.chosen!, ...result.alternatives].map((r) => r.candidateId);
  const entry = (result: RecommendationResult, id: string): RankedCandidate => [result.chosen!, ...result.alternatives].find((r) => r.candidateId === id)!;

  it('lets a 71 % cheaper option beat a 0.2 risk difference under equal weights, with three candidates', () => {
    const result = recommendPlacement(anInput({ weights: equal, candidates: [safe, cheapRisky, dearSafe] }));
    expect(ranking(result)).toEqual(['pool-cheap-risky', 'pool-safe', 'pool-dear-safe']);
    const [chosen, runnerUp] = [entry(result, 'pool-cheap-risky'), entry(result, 'pool-safe')];
    expect(chosen.objectives.riskScore - runnerUp.objectives.riskScore).toBeCloseTo(0.2, 10);
    // Cost: log10(ratio to the cheapest); 1,000,000 / 290,000 = 3.448×. Risk: the score itself. No users: latency 0.
    const costOfSafe = r6(Math.log10(1_000_000 / 290_000)); // 0.537602
    expect(chosen.normalised).toEqual({ cost: 0, time: 0, risk: 0.2333, latency: 0 });
    expect(runnerUp.normalised).toEqual({ cost: costOfSafe, time: 0, risk: 0.0333, latency: 0 });
    expect(entry(result, 'pool-dear-safe').normalised.cost).toBe(1); // 34.5× the cheapest: past 10×, capped
    expect(chosen.score).toBe(r6((0 + 0 + 0.2333) / 4)); // 0.058325
    expect(runnerUp.score).toBe(r6((costOfSafe + 0 + 0.0333) / 4)); // 0.142726
    expect(chosen.why).toEqual(
      expect.arrayContaining([
        'cost: 290,000.00 USD vs 1,000,000.00 USD, 710,000.00 USD (71%) cheaper; normalised 0 vs 0.537602: weight 0.25 × 0.537602 = 0.134401 of score in its favour.',
        'risk: 0.2333 vs 0.0333, 0.2 higher; normalised 0.2333 vs 0.0333: weight 0.25 × 0.2 = 0.05 of score against it.',
      ]),
    );
  });

  it('does not change the others when a dominated candidate is added or removed, in any input order', () => {
    const worse = aCandidate({ id: 'pool-worse', siteName: 'Worse DC', estimate: { cost: '1100000', runDays: '40' } }); // dominated by safe
    const scored = (candidates: RecommendInput['candidates']) => {
      const result = recommendPlacement(anInput({ weights: equal, candidates }));
      return ranking(result)
        .filter((id) => id !== dearSafe.candidateId && id !== worse.candidateId)
        .map((id) => [id, entry(result, id).score, entry(result, id).normalised]);
    };
    const pair = scored([safe, cheapRisky]);
    expect(pair.map(([id]) => id)).toEqual(['pool-cheap-risky', 'pool-safe']);
    for (const candidates of [
      [safe, cheapRisky, dearSafe],
      [dearSafe, cheapRisky, safe],
      [worse, safe, cheapRisky],
      [cheapRisky, worse, dearSafe, safe],
    ]) {
      expect(scored(candidates)).toEqual(pair);
    }
  });

  it('says how each objective was normalised, with the reference values, in the chosen one’s why', () => {
    const result = recommendPlacement(anInput({ weights: equal, candidates: [safe, cheapRisky] }));
    expect(result.chosen!.why[1]).toBe(
      'Each objective is normalised on its own scale, 0 best to 1, not stretched by the other candidates: ' +
        'cost = log(cost ÷ the cheapest, 290,000.00 USD) ÷ log 10, at most 1 (2× the cheapest is 0.301, 10× is 1); ' +
        'time to result the same against the fastest, 32 days (under 1 day counted as 1); ' +
        'risk = the risk score; latency not scored (no users given). Score = Σ weight × normalised.',
    );
    expect(result.scales).toEqual({ cheapestCost: { amount: '290000', currency: 'USD' }, fastestDays: 32, latencyFullScaleMs: null });
    const withTarget = recommendPlacement(anInput({ kind: 'INFERENCE', users: SHANGHAI, latencyTargetMs: 60, weights: equal, candidates: [safe] }));
    expect(withTarget.chosen!.why[1]).toMatch(/; latency = ms ÷ 60 ms \(the latency target\), at most 1\. Score = Σ weight × normalised\.$/);
    const noTarget = recommendPlacement(anInput({ kind: 'INFERENCE', users: SHANGHAI, weights: equal, candidates: [safe] }));
    expect(noTarget.chosen!.why[1]).toMatch(/; latency = ms ÷ 300\.2 ms \(the longest round trip of the latency model; no target given\), at most 1\./);
  });

  it('scores latency against the target when given, else against the round trip to the antipodes', () => {
    // 2 × half the Earth's circumference ÷ 200,000 km/s × 1.5 route inflation, in ms to 0.1.
    expect(SCORING_MODEL.latencyReferenceMs.value).toBe(Math.round(((2 * Math.PI * 6371.0088) / 200_000) * 1.5 * 1000 * 10) / 10);
    expect(SCORING_MODEL.latencyReferenceMs.value).toBe(300.2);
    const withTarget = recommendPlacement(anInput({ kind: 'INFERENCE', users: SHANGHAI, latencyTargetMs: 60, candidates: [safe] }));
    const ms = withTarget.chosen!.objectives.latencyMs!;
    expect(withTarget.chosen!.normalised.latency).toBe(r6(ms / 60));
    expect(withTarget.scales!.latencyFullScaleMs).toBe(60);
    // Training ignores the latency filter but still scores against the stated target: at most 1.
    const training = recommendPlacement(anInput({ kind: 'TRAINING', users: SHANGHAI, latencyTargetMs: 20, candidates: [safe] }));
    expect(training.chosen!.objectives.latencyMs!).toBeGreaterThan(20);
    expect(training.chosen!.normalised.latency).toBe(1);
  });

  const normalisedCases: { name: string; shapes: { cost?: string; runDays?: string; transferDays?: string }[]; cost: number[]; time: number[] }[] = [
    { name: '2× the cheapest is log10 2, whatever else is present', shapes: [{ cost: '100' }, { cost: '200' }, { cost: '150' }], cost: [0, r6(Math.log10(2)), r6(Math.log10(1.5))], time: [0, 0, 0] },
    { name: 'the same ratios at another magnitude', shapes: [{ cost: '1000000' }, { cost: '2000000' }], cost: [0, r6(Math.log10(2))], time: [0, 0] },
    { name: '10× and beyond the cheapest is 1', shapes: [{ cost: '100' }, { cost: '1000' }, { cost: '5000' }], cost: [0, 1, 1], time: [0, 0, 0] },
    { name: 'a free candidate makes every priced one 1', shapes: [{ cost: '0' }, { cost: '1' }], cost: [0, 1], time: [0, 0] },
    { name: 'time by its ratio to the fastest', shapes: [{ runDays: '18' }, { runDays: '38' }], cost: [0, 0], time: [0, r6(Math.log10(40 / 20))] },
    {
      name: 'times under a day count as a day',
      shapes: [
        { transferDays: '0', runDays: '0' },
        { transferDays: '0.5', runDays: '0' },
        { transferDays: '2', runDays: '0' },
      ],
      cost: [0, 0, 0],
      time: [0, 0, r6(Math.log10(2))],
    },
  ];
  it.each(normalisedCases)('$name', ({ shapes, cost, time }) => {
    const candidates = shapes.map((shape, i) => aCandidate({ id: `pool-${i}`, estimate: { low: shape.cost ?? '1000000', high: shape.cost ?? '1000000', ...shape } }));
    const result = recommendPlacement(anInput({ candidates }));
    expect(candidates.map((c) => entry(result, c.candidateId).normalised.cost)).toEqual(cost);
    expect(candidates.map((c) => entry(result, c.candidateId).normalised.time)).toEqual(time);
  });

  it('chooses a Pareto front member when scores and costs tie: the one that dominates comes first', () => {
    // Cost alone: equal scores and costs. pool-a sorts first by id but is slower, so dominated.
    const slow = aCandidate({ id: 'pool-a', estimate: { cost: '100', runDays: '40' } });
    const fast = aCandidate({ id: 'pool-b', estimate: { cost: '100', runDays: '30' } });
    const result = recommendPlacement(anInput({ weights: { cost: 1, time: 0, risk: 0, latency: 0 }, candidates: [slow, fast] }));
    expect(ranking(result)).toEqual(['pool-b', 'pool-a']);
    expect(result.chosen!.onParetoFront).toBe(true);
    expect(result.paretoFront).toEqual(['pool-b']);
    expect(result.chosen!.why[2]).toMatch(/^It tied with the runner-up .* pool pool-a, .* on score 0 and is as cheap and sooner:$/);
  });
});

describe('recommendPlacement: everything rejected', () => {
  it('chooses nothing and gives every reason', () => {
    const input = anInput({
      budget: { amount: '500000', currency: 'USD' },
      excludeCountries: ['CN'],
      candidates: [
        aCandidate({ id: 'pool-1', verdict: { outcome: 'PROHIBITED', reasons: [aReason()] } }),
        aCandidate({ id: 'pool-2', country: 'CN' }),
        aCandidate({ id: 'pool-3', estimate: null }),
        aCandidate({ id: 'pool-4', estimate: { cost: '750000' } }),
      ],
    });
    const result = recommendPlacement(input);
    expect(result.chosen).toBeNull();
    expect(result.alternatives).toEqual([]);
    expect(result.alternativesOmitted).toBe(0);
    expect(result.paretoFront).toEqual([]);
    expect(result.rejected.map((r) => [r.candidateId, r.filter])).toEqual([
      ['pool-1', 'PROHIBITED'],
      ['pool-2', 'EXCLUDED_COUNTRY'],
      ['pool-3', 'NOT_PRICED'],
      ['pool-4', 'OVER_BUDGET'],
    ]);
    expect(result.rejected.every((r) => r.reason.includes(`pool ${r.poolId}`) && r.reason.includes(r.siteName))).toBe(true);
    expect(result.counts).toEqual({
      candidates: 4,
      survived: 0,
      rejectedByFilter: { VENDOR: 0, ORIGIN: 0, OWNERSHIP: 0, PRECISION: 0, MEMORY: 0, INTERCONNECT: 0, POOL_SIZE: 0, WINDOW: 0, CAPACITY: 0, PROHIBITED: 1, LICENSE_NOT_ACCEPTED: 0, EXCLUDED_COUNTRY: 1, NOT_PRICED: 1, INSUFFICIENT_CAPACITY: 0, MISSES_DEADLINE: 0, OVER_BUDGET: 1, LATENCY: 0 },
    });
  });

  it('handles no candidates at all', () => {
    const result = recommendPlacement(anInput({ candidates: [] }));
    expect(result.chosen).toBeNull();
    expect(result.counts.candidates).toBe(0);
  });
});

describe('recommendPlacement: output', () => {
  const input = anInput({
    kind: 'INFERENCE',
    users: SHANGHAI,
    budget: { amount: '2000000', currency: 'USD' },
    candidates: [aCandidate({ id: 'pool-x', estimate: { cost: '1200000' } }), aCandidate({ id: 'pool-y', verdict: { outcome: 'ALLOWED_WITH_CONDITIONS', conditions: [{ ruleId: 'r', description: 'd', leadTimeDays: null }] } })],
  });

  it('is JSON-serialisable as is', () => {
    const result = recommendPlacement(input);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('is deterministic', () => {
    expect(recommendPlacement(input)).toEqual(recommendPlacement(structuredClone(input)));
  });

  it('carries the models it used', () => {
    const result = recommendPlacement(input);
    expect(result.model.latency.routeInflation.value).toBe(1.5);
    expect(result.model.risk.outcomeBase.LICENSE_REQUIRED.value).toBe(0.3);
    expect(result.model.scoring.fullPenaltyRatio.value).toBe(10);
  });

  it('fills the ranked entry', () => {
    // Cost alone decides, so the cheaper pool-y, allowed with a condition, is chosen.
    const chosen = recommendPlacement({ ...input, weights: { cost: 1, time: 0, risk: 0, latency: 0 } }).chosen!;
    expect(chosen).toMatchObject({
      candidateId: 'pool-y',
      poolId: 'pool-y',
      siteId: 'site-of-y',
      countryCode: 'MY',
      acceleratorId: 'nvidia-h100-sxm',
      vendor: 'NVIDIA',
      ownership: 'LEASED_IAAS',
      rank: 1,
      verdictOutcome: 'ALLOWED_WITH_CONDITIONS',
      objectives: { totalCost: { amount: '1000000', currency: 'USD', low: '900000', high: '1200000', value: 1_000_000 }, timeToResultDays: 32, leadTimeDays: 0 },
    });
  });
});

describe('recommendPlacement: input it cannot rank', () => {
  const cases: { name: string; input: RecommendInput; code: string; field: string }[] = [
    { name: 'all weights 0', input: anInput({ weights: { cost: 0, time: 0, risk: 0, latency: 0 } }), code: 'INVALID_RECOMMEND_INPUT', field: 'weights' },
    { name: 'a negative weight', input: anInput({ weights: { cost: 1, time: -1, risk: 0, latency: 0 } }), code: 'INVALID_RECOMMEND_INPUT', field: 'weights.time' },
    { name: 'a bad date', input: anInput({ now: 'yesterday' }), code: 'INVALID_RECOMMEND_INPUT', field: 'now' },
    { name: 'a duplicate candidate', input: anInput({ candidates: [aCandidate(), aCandidate()] }), code: 'INVALID_RECOMMEND_INPUT', field: 'candidates[1].candidateId' },
    { name: 'a bad budget', input: anInput({ budget: { amount: '1e6', currency: 'USD' } }), code: 'INVALID_RECOMMEND_INPUT', field: 'budget.amount' },
    // Cost is scored by its ratio to the cheapest: a negative total has no ratio.
    { name: 'a negative total', input: anInput({ candidates: [aCandidate({ estimate: { cost: '10', low: '-5', high: '20' } })] }), code: 'INVALID_RECOMMEND_INPUT', field: 'candidates[0].estimate.total.low' },
    {
      name: 'a negative time to result',
      input: anInput({ candidates: [aCandidate({ estimate: { transferDays: '0', runDays: '-3' } })] }),
      code: 'INVALID_RECOMMEND_INPUT',
      field: 'candidates[0].estimate.timeToResultDays.expected',
    },
    {
      name: 'estimates in two currencies',
      input: anInput({ candidates: [aCandidate({ id: 'pool-a' }), aCandidate({ id: 'pool-b', estimate: { currency: 'MYR' } })] }),
      code: 'CURRENCY_MISMATCH',
      field: 'candidates[1].estimate.total.currency',
    },
    { name: 'a budget in another currency', input: anInput({ budget: { amount: '1', currency: 'EUR' } }), code: 'CURRENCY_MISMATCH', field: 'budget.currency' },
  ];
  it.each(cases)('$name → $code at $field', ({ input, code, field }) => {
    let error: unknown;
    try {
      recommendPlacement(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecommendError);
    expect(error).toMatchObject({ code, field });
  });
});
