import { describe, expect, it } from '@jest/globals';
import { RISK_MODEL, riskOf } from './risk.js';
import { aCandidate, aReason } from './test/candidates.js';

const advisory = aReason({ ruleId: 'us-proposed-diffusion', title: 'Proposed rule', status: 'PROPOSED', outcome: 'LICENSE_REQUIRED' });
const condition = (ruleId: string) => ({ ruleId, description: 'file an end-use statement', leadTimeDays: 14 });

describe('riskOf', () => {
  const cases = [
    { name: 'allowed, tight cost range', candidate: aCandidate({ estimate: { cost: '100', low: '100', high: '100' } }), score: 0, factors: { OUTCOME: 0 } },
    { name: 'allowed, high = 1.5 × low', candidate: aCandidate({ estimate: { cost: '120', low: '100', high: '150' } }), score: 0.05, factors: { OUTCOME: 0, COST_UNCERTAINTY: 0.05 } },
    {
      name: 'with 2 conditions',
      candidate: aCandidate({ verdict: { outcome: 'ALLOWED_WITH_CONDITIONS', conditions: [condition('a'), condition('b')] }, estimate: { cost: '100', low: '100', high: '100' } }),
      score: 0.2,
      factors: { OUTCOME: 0.1, CONDITIONS: 0.1 },
    },
    {
      name: 'conditions are capped at 0.2',
      candidate: aCandidate({ verdict: { outcome: 'ALLOWED_WITH_CONDITIONS', conditions: ['a', 'b', 'c', 'd', 'e', 'f'].map(condition) }, estimate: { cost: '100', low: '100', high: '100' } }),
      score: 0.3,
      factors: { OUTCOME: 0.1, CONDITIONS: 0.2 },
    },
    {
      name: 'licence, an advisory, a reported-only reason, cost spread capped at 1',
      candidate: aCandidate({
        verdict: { outcome: 'LICENSE_REQUIRED', reasons: [aReason({ outcome: 'LICENSE_REQUIRED', status: 'REPORTED_ONLY' })], advisories: [advisory] },
        estimate: { cost: '200', low: '100', high: '500' },
      }),
      score: 0.55,
      factors: { OUTCOME: 0.3, ADVISORIES: 0.05, REPORTED_ONLY: 0.1, COST_UNCERTAINTY: 0.1 },
    },
    {
      name: 'state-funded Chinese site with a US accelerator',
      candidate: aCandidate({ country: 'CN', stateFunded: true, originCountry: 'US', estimate: { cost: '100', low: '100', high: '100' } }),
      score: 0.15,
      factors: { OUTCOME: 0, STATE_FUNDED_FOREIGN_ACCELERATOR: 0.15 },
    },
    {
      name: 'state-funded Chinese site with a Chinese accelerator',
      candidate: aCandidate({ country: 'CN', stateFunded: true, originCountry: 'CN', estimate: { cost: '100', low: '100', high: '100' } }),
      score: 0,
      factors: { OUTCOME: 0 },
    },
    { name: 'not priced: no cost factor', candidate: aCandidate({ estimate: null }), score: 0, factors: { OUTCOME: 0 } },
  ];
  it.each(cases)('$name → $score', ({ candidate, score, factors }) => {
    const risk = riskOf(candidate);
    expect(risk.score).toBe(score);
    expect(Object.fromEntries(risk.factors.map((f) => [f.name, f.contribution]))).toEqual(factors);
  });

  it('names the parts in each detail', () => {
    const risk = riskOf(aCandidate({ verdict: { outcome: 'ALLOWED', advisories: [advisory] } }));
    expect(risk.factors.find((f) => f.name === 'ADVISORIES')?.detail).toContain('us-proposed-diffusion (PROPOSED)');
  });

  it('keeps every surviving candidate in [0, 1]: the maxima of the parts sum to 1', () => {
    const m = RISK_MODEL;
    const maxima = m.outcomeBase.LICENSE_REQUIRED.value + m.perCondition.max + m.perAdvisory.max + m.reportedOnly.value + m.costUncertainty.value + m.stateFundedForeignAccelerator.value;
    expect(maxima).toBeCloseTo(1, 9);
    const worst = aCandidate({
      country: 'CN',
      stateFunded: true,
      verdict: { outcome: 'LICENSE_REQUIRED', reasons: [aReason({ outcome: 'LICENSE_REQUIRED', status: 'REPORTED_ONLY' })], advisories: [advisory, advisory, advisory, advisory], conditions: ['a', 'b', 'c', 'd', 'e'].map(condition) },
      estimate: { cost: '300', low: '100', high: '900' },
    });
    expect(riskOf(worst).score).toBe(1);
  });

  it('gives every parameter a reason', () => {
    const parameters = [...Object.values(RISK_MODEL.outcomeBase), RISK_MODEL.perCondition, RISK_MODEL.perAdvisory, RISK_MODEL.reportedOnly, RISK_MODEL.costUncertainty, RISK_MODEL.stateFundedForeignAccelerator];
    expect(parameters.filter((p) => p.why.length < 20)).toEqual([]);
  });
});
