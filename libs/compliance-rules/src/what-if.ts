import type { ComplianceFactsV1, VerdictOutcome } from '@cp/contracts';
import type { CompiledRulePack } from './compile-rule-pack.js';
import { decidingRuleIds, evaluate } from './evaluate.js';

export interface WhatIfPlacement {
  readonly placementId: string;
  readonly facts: ComplianceFactsV1;
}

/** One placement whose outcome differs between the base and the draft pack (WhatIfChangeV1). */
export interface WhatIfChange {
  readonly placementId: string;
  readonly before: VerdictOutcome;
  readonly after: VerdictOutcome;
  readonly decidingRulesBefore: string[];
  readonly decidingRulesAfter: string[];
}

/** Re-evaluates placements under a draft pack and lists only those whose outcome changes, in input order. */
export function whatIf(base: CompiledRulePack, draft: CompiledRulePack, placements: readonly WhatIfPlacement[]): WhatIfChange[] {
  const changes: WhatIfChange[] = [];
  for (const { placementId, facts } of placements) {
    const before = evaluate(base, facts);
    const after = evaluate(draft, facts);
    if (before.outcome === after.outcome) continue;
    changes.push({
      placementId,
      before: before.outcome,
      after: after.outcome,
      decidingRulesBefore: decidingRuleIds(before),
      decidingRulesAfter: decidingRuleIds(after),
    });
  }
  return changes;
}
