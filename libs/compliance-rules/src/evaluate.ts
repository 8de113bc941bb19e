import { isCelError } from '@bufbuild/cel';
import type { ComplianceFactsV1, VerdictOutcome, VerdictV1 } from '@cp/contracts';
import type { CelBindings, CompiledRulePack } from './compile-rule-pack.js';
import { RuleEvaluationError } from './compliance-rules.error.js';
import { deriveFacts, inInterval } from './derived-facts.js';

type Reason = VerdictV1['reasons'][number];

export const OUTCOME_SEVERITY: Readonly<Record<VerdictOutcome, number>> = {
  ALLOWED: 0,
  ALLOWED_WITH_CONDITIONS: 1,
  LICENSE_REQUIRED: 2,
  PROHIBITED: 3,
};

/** Statuses whose triggered rules decide the outcome; the others are advisories. */
const BINDING_STATUSES: ReadonlySet<string> = new Set(['IN_FORCE', 'REPORTED_ONLY']);

export const DISCLAIMER =
  'Decision support only, not legal advice: this verdict applies a rule pack of public-source summaries that its users maintain as data; any placement or procurement decision needs review by export-control and data-protection counsel.';

/**
 * Applies the rules in force on `facts.date` (effectiveFrom <= date < effectiveTo) to one
 * candidate. Pure and deterministic: the same pack and facts give the same verdict.
 * Throws `RuleEvaluationError` if a condition fails or returns a non-boolean.
 */
export function evaluate(compiled: CompiledRulePack, facts: ComplianceFactsV1): VerdictV1 {
  const derived = deriveFacts(compiled, facts);
  const bindings = { date: facts.date, entity: facts.entity, workload: facts.workload, placement: facts.placement, derived } as unknown as CelBindings;
  const binding: { reason: Reason; index: number }[] = [];
  const advisories: Reason[] = [];
  const notTriggered: string[] = [];
  const conditionsByRule = new Map<string, { ruleLead: number | null; conditions: VerdictV1['conditions'] }>();

  compiled.rules.forEach(({ rule, condition }, index) => {
    if (!inInterval(facts.date, rule.effectiveFrom, rule.effectiveTo)) return;
    const result = condition.run(bindings);
    if (isCelError(result)) throw new RuleEvaluationError(rule.id, result.message);
    if (typeof result !== 'boolean') throw new RuleEvaluationError(rule.id, `condition returned ${typeof result}, not a boolean`);
    if (!result) {
      notTriggered.push(rule.id);
      return;
    }
    const reason: Reason = {
      ruleId: rule.id,
      title: rule.title,
      family: rule.family,
      status: rule.status,
      outcome: rule.outcome,
      citations: rule.citations.map((c) => ({ ...c })),
      triggeredBy: condition.paths.map((fact) => ({ fact, value: valueAt(bindings, fact) })),
    };
    if (!BINDING_STATUSES.has(rule.status)) {
      advisories.push(reason);
      return;
    }
    binding.push({ reason, index });
    conditionsByRule.set(rule.id, {
      ruleLead: rule.leadTimeDays,
      conditions: rule.conditionsToSatisfy.map((c) => ({ ruleId: rule.id, description: c.description, leadTimeDays: c.leadTimeDays })),
    });
  });

  // Most severe first; pack order within a severity, so the order never depends on the engine.
  binding.sort((a, b) => OUTCOME_SEVERITY[b.reason.outcome] - OUTCOME_SEVERITY[a.reason.outcome] || a.index - b.index);
  const reasons = binding.map((b) => b.reason);
  const conditions = reasons.flatMap((r) => conditionsByRule.get(r.ruleId)?.conditions ?? []);
  const leadTimes = reasons.flatMap((r) => {
    const entry = conditionsByRule.get(r.ruleId);
    return [entry?.ruleLead ?? null, ...(entry?.conditions ?? []).map((c) => c.leadTimeDays)].filter((d): d is number => d !== null);
  });

  return {
    outcome: reasons[0]?.outcome ?? 'ALLOWED',
    reasons,
    advisories,
    conditions,
    leadTimeDays: Math.max(0, ...leadTimes),
    notTriggered,
    derived: structuredClone(derived),
    rulePackVersion: compiled.version,
    evaluatedFor: facts.date,
    disclaimer: DISCLAIMER,
  };
}

/** Ids of the reasons that set the outcome (those at its severity); empty when ALLOWED by default. */
export function decidingRuleIds(verdict: VerdictV1): string[] {
  return verdict.reasons.filter((r) => r.outcome === verdict.outcome).map((r) => r.ruleId);
}

function valueAt(bindings: CelBindings, path: string): unknown {
  let value: unknown = bindings;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key] ?? null;
  }
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}
