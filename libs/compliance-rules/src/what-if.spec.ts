import { describe, expect, it } from '@jest/globals';
import type { RulePackV1 } from '@cp/contracts';
import { compileRulePack } from './compile-rule-pack.js';
import { aScenario, Entities, loadRulePack, moving, Sites } from './test/a-scenario.js';
import { whatIf } from './what-if.js';

const base = loadRulePack();
const withRule = (pack: RulePackV1, id: string, change: Partial<RulePackV1['rules'][number]>): RulePackV1 => ({
  ...pack,
  version: '2026.12.2-draft',
  rules: pack.rules.map((r) => (r.id === id ? { ...r, ...change } : r)),
});

const placements = [
  { placementId: 'sg-buys-for-johor', facts: aScenario({ placement: { site: Sites.JOHOR, ownership: 'OWNED', hardwareMovement: moving('US', 'MY') } }) },
  { placementId: 'sg-leases-in-sg', facts: aScenario() },
  { placementId: 'cn-leases-in-johor', facts: aScenario({ entity: Entities.CN, placement: { site: Sites.JOHOR } }) },
];

describe('whatIf', () => {
  it('lists only placements whose outcome changes, with the deciding rules either side', () => {
    const draft = withRule(base, 'us-aid-2025-ai-diffusion', { status: 'IN_FORCE' });
    expect(whatIf(compileRulePack(base), compileRulePack(draft), placements)).toEqual([
      { placementId: 'sg-buys-for-johor', before: 'ALLOWED', after: 'LICENSE_REQUIRED', decidingRulesBefore: [], decidingRulesAfter: ['us-aid-2025-ai-diffusion'] },
    ]);
  });

  it('picks up an enacted proposal', () => {
    const draft = withRule(base, 'us-rasa-2026-remote-access', { status: 'IN_FORCE' });
    expect(whatIf(compileRulePack(base), compileRulePack(draft), placements)).toEqual([
      { placementId: 'cn-leases-in-johor', before: 'ALLOWED', after: 'LICENSE_REQUIRED', decidingRulesBefore: [], decidingRulesAfter: ['us-rasa-2026-remote-access'] },
    ]);
  });

  it('returns nothing when the draft changes no outcome', () => {
    const draft = withRule(base, 'us-aid-2025-ai-diffusion', { title: 'Renamed' });
    expect(whatIf(compileRulePack(base), compileRulePack(draft), placements)).toEqual([]);
  });

  it('reports a relaxation as well as a tightening', () => {
    const draft = { ...base, rules: base.rules.filter((r) => r.id !== 'us-ac-2023-hq-d5-3a090a-dc') };
    const cnBuys = { placementId: 'cn-buys-for-johor', facts: aScenario({ entity: Entities.CN, placement: { site: Sites.JOHOR, ownership: 'OWNED', hardwareMovement: moving('US', 'MY') } }) };
    expect(whatIf(compileRulePack(base), compileRulePack(draft), [cnBuys])).toEqual([
      { placementId: 'cn-buys-for-johor', before: 'LICENSE_REQUIRED', after: 'ALLOWED', decidingRulesBefore: ['us-ac-2023-hq-d5-3a090a-dc'], decidingRulesAfter: [] },
    ]);
  });
});
