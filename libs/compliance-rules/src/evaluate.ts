import { isCelError } from '@bufbuild/cel';
import type { ComplianceFactsV1, RuleV1, VerdictLeadTimeV1, VerdictOutcome, VerdictV1 } from '@cp/contracts';
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
  const bindingRules = new Map<string, RuleV1>();

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
      review: rule.review === null ? null : structuredClone(rule.review),
    };
    if (!BINDING_STATUSES.has(rule.status)) {
      advisories.push(reason);
      return;
    }
    binding.push({ reason, index });
    bindingRules.set(rule.id, rule);
  });

  // Most severe first; pack order within a severity, so the order never depends on the engine.
  binding.sort((a, b) => OUTCOME_SEVERITY[b.reason.outcome] - OUTCOME_SEVERITY[a.reason.outcome] || a.index - b.index);
  const reasons = binding.map((b) => b.reason);
  const rules = reasons.map((r) => bindingRules.get(r.ruleId)!);
  const conditions = rules.flatMap((rule) => rule.conditionsToSatisfy.map((c) => ({ ruleId: rule.id, description: c.description, leadTimeDays: c.leadTimeDays })));
  const leadTime = combinedLeadTime(rules);

  return {
    outcome: reasons[0]?.outcome ?? 'ALLOWED',
    reasons,
    advisories,
    conditions,
    leadTimeDays: leadTime?.expected ?? 0,
    leadTime,
    notTriggered,
    derived: structuredClone(derived),
    rulePackVersion: compiled.version,
    evaluatedFor: facts.date,
    disclaimer: DISCLAIMER,
  };
}

const CASES = ['low', 'expected', 'high'] as const;

/**
 * The binding rules' lead times as one distribution. Approvals run in parallel, so each case
 * is the longest of that case over the rules' review ranges and their conditions' fixed days.
 * The source, policy and rule are those of the contributor that sets the expected figure (the
 * first in reason order, reviews before conditions, on a tie); the result is assumed when any
 * contributor that sets a case is. Null when no binding rule or condition takes time.
 */
function combinedLeadTime(rules: readonly RuleV1[]): VerdictLeadTimeV1 | null {
  const contributors: VerdictLeadTimeV1[] = rules.flatMap((rule) => [
    ...(rule.review === null ? [] : [{ ...rule.review.leadTimeDays, ruleId: rule.id, policy: rule.review.policy }]),
    ...rule.conditionsToSatisfy.flatMap((c) =>
      c.leadTimeDays === null
        ? []
        : [{ low: c.leadTimeDays, expected: c.leadTimeDays, high: c.leadTimeDays, source: `rule ${rule.id}: ${c.description} (${c.leadTimeDays} days, stated by the condition)`, evidence: 'E' as const, assumed: false, ruleId: rule.id, policy: rule.review?.policy ?? null }],
    ),
  ]);
  if (contributors.length === 0) return null;
  const longest = Object.fromEntries(CASES.map((k) => [k, Math.max(...contributors.map((c) => c[k]))])) as Record<(typeof CASES)[number], number>;
  if (longest.high === 0) return null;
  const deciding = contributors.find((c) => c.expected === longest.expected)!;
  const assumed = contributors.some((c) => c.assumed && CASES.some((k) => c[k] === longest[k]));
  return { ...deciding, ...longest, assumed };
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
