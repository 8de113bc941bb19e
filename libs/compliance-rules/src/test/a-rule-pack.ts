import type { RulePackV1, RuleV1 } from '@cp/contracts';

type ThresholdSet = RulePackV1['thresholds'][number];

const citation = { text: 'test citation', url: null, evidence: 'E' as const };

export function aRule(overrides: Partial<RuleV1> = {}): RuleV1 {
  return {
    id: 'test-rule',
    title: 'Test rule',
    jurisdiction: 'US',
    family: 'EXPORT_CONTROL',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    status: 'IN_FORCE',
    condition: 'true',
    outcome: 'LICENSE_REQUIRED',
    conditionsToSatisfy: [],
    leadTimeDays: null,
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
