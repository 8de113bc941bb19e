import type { RulePackV1, RuleReviewV1, RuleV1 } from '@cp/contracts';

type ThresholdSet = RulePackV1['thresholds'][number];

const citation = { text: 'test citation', url: null, evidence: 'E' as const };

/** A review a LICENSE_REQUIRED rule needs to compile: `aReview({ low: 30 })`. */
export function aReview(lead: Partial<RuleReviewV1['leadTimeDays']> = {}, policy: RuleReviewV1['policy'] = 'CASE_BY_CASE'): RuleReviewV1 {
  return { policy, basis: 'test policy', policyEvidence: 'E', leadTimeDays: { low: 30, expected: 60, high: 120, source: 'test lead time', evidence: 'E', assumed: true, ...lead } };
}

/** A rule; a LICENSE_REQUIRED one (the default outcome) gets `aReview()` unless the overrides give a review. */
export function aRule(overrides: Partial<RuleV1> = {}): RuleV1 {
  const outcome = overrides.outcome ?? 'LICENSE_REQUIRED';
  return {
    id: 'test-rule',
    title: 'Test rule',
    jurisdiction: 'US',
    family: 'EXPORT_CONTROL',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    status: 'IN_FORCE',
    condition: 'true',
    outcome,
    conditionsToSatisfy: [],
    review: outcome === 'LICENSE_REQUIRED' ? aReview() : null,
    citations: [citation],
    ...overrides,
  };
}

export function aThresholdSet(overrides: Partial<ThresholdSet> = {}): ThresholdSet {
  return {
    id: 'test-thresholds',
    effectiveFrom: '2023-11-17',
    effectiveTo: null,
    classes: [{ eccn: '3A090.a', condition: 'accelerator.tpp != null && accelerator.tpp >= 4800' }],
    citations: [citation],
    ...overrides,
  };
}

export function aRulePack(overrides: Partial<RulePackV1> = {}): RulePackV1 {
  return {
    version: '2026.1.1',
    title: 'Test pack',
    source: 'tests',
    countryGroups: [
      { group: 'D:5', country: 'CN', from: '2000-01-01', to: null, source: 'test' },
      { group: 'D:5', country: 'KH', from: '2021-12-09', to: '2026-02-03', source: 'test' },
    ],
    thresholds: [aThresholdSet()],
    rules: [aRule()],
    ...overrides,
  };
}
