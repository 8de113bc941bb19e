/**
 * A rule pack that must not be published: bad CEL, a reference to an undeclared fact, a missing
 * null guard, a bad date interval or a duplicate id. `ruleId` names the rule, or the threshold
 * class as `<threshold set id>/<eccn>`; it is null for pack-level problems (schema, overlapping
 * threshold sets, country-group rows).
 */
export class RulePackCompileError extends Error {
  readonly code = 'RULE_PACK_COMPILE_ERROR';

  constructor(
    readonly ruleId: string | null,
    readonly detail: string,
  ) {
    super(ruleId === null ? `rule pack: ${detail}` : `rule ${ruleId}: ${detail}`);
    this.name = 'RulePackCompileError';
  }
}

/**
 * A compiled condition failed at evaluation time (for example a number compared with a null the
 * compile-time guard check could not see) or returned a non-boolean. Evaluation stops rather than
 * treating the rule as not triggered: a silent "not triggered" would read as "allowed".
 */
export class RuleEvaluationError extends Error {
  readonly code = 'RULE_EVALUATION_FAILED';

  constructor(
    readonly ruleId: string,
    readonly detail: string,
  ) {
    super(`rule ${ruleId}: ${detail}`);
    this.name = 'RuleEvaluationError';
  }
}
