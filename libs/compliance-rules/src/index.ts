export * from './compliance-rules.error.js';
export * from './fact-schema.js';
export { compileRulePack, type CompiledRulePack, type CompiledRule, type CompiledThresholdSet, type CompiledCondition, type CelBindings } from './compile-rule-pack.js';
export { deriveFacts, countryGroupsOn, type DerivedFacts } from './derived-facts.js';
export { evaluate, decidingRuleIds, DISCLAIMER, OUTCOME_SEVERITY } from './evaluate.js';
export { whatIf, type WhatIfChange, type WhatIfPlacement } from './what-if.js';
