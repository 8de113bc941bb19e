import { celEnv, CelScalar, parse, plan, type CelInput, type CelResult } from '@bufbuild/cel';
import { RulePackV1, type RuleV1 } from '@cp/contracts';
import { analyseReferences } from './cel-references.js';
import { RulePackCompileError } from './compliance-rules.error.js';
import { RULE_FACTS, THRESHOLD_FACTS, type FactNode } from './fact-schema.js';

/** Plain JS values bound to the declared variables (CEL maps, lists, doubles, strings, null). */
export type CelBindings = Readonly<Record<string, CelInput>>;

export interface CompiledCondition {
  readonly source: string;
  /** Fact paths the condition reads, in order of first appearance (becomes `triggeredBy`). */
  readonly paths: readonly string[];
  readonly run: (bindings: CelBindings) => CelResult;
}

export interface CompiledRule {
  readonly rule: RuleV1;
  readonly condition: CompiledCondition;
}

export interface CompiledThresholdSet {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  /** In pack order: the first class whose condition holds is the item's class. */
  readonly classes: readonly { readonly eccn: string; readonly condition: CompiledCondition }[];
}

export interface CompiledRulePack {
  readonly version: string;
  readonly pack: RulePackV1;
  readonly rules: readonly CompiledRule[];
  readonly thresholds: readonly CompiledThresholdSet[];
  readonly countryGroups: RulePackV1['countryGroups'];
}

/** Calls the planner resolves itself rather than through the function registry. */
const PLANNER_CALLS = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '_[?_]', '_?._', '@not_strictly_false', '__not_strictly_false__']);

const variablesOf = (declared: Readonly<Record<string, FactNode>>) => Object.fromEntries(Object.keys(declared).map((name) => [name, CelScalar.DYN]));
const RULE_ENV = celEnv({ variables: variablesOf(RULE_FACTS) });
const THRESHOLD_ENV = celEnv({ variables: variablesOf(THRESHOLD_FACTS) });

/**
 * Validates a rule pack and compiles every rule condition and threshold-class condition with
 * CEL, so a bad pack is rejected when it is published. Throws `RulePackCompileError`.
 */
export function compileRulePack(input: RulePackV1): CompiledRulePack {
  const parsed = RulePackV1.safeParse(input);
  if (!parsed.success) {
    // Name the rule when the first problem lies inside one, as the later checks do.
    const [first] = parsed.error.issues;
    const ruleIndex = first?.path[0] === 'rules' && typeof first.path[1] === 'number' ? first.path[1] : null;
    const ruleId = ruleIndex === null ? null : ((input as { rules?: { id?: unknown }[] }).rules?.[ruleIndex]?.id ?? null);
    throw new RulePackCompileError(
      typeof ruleId === 'string' ? ruleId : null,
      `not a RulePackV1: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  const pack = parsed.data;

  const ruleIds = new Set<string>();
  for (const rule of pack.rules) {
    if (ruleIds.has(rule.id)) throw new RulePackCompileError(rule.id, 'duplicate rule id');
    ruleIds.add(rule.id);
    checkInterval(rule.id, rule.effectiveFrom, rule.effectiveTo);
  }
  checkLicenceReviews(pack.rules);

  const setIds = new Set<string>();
  for (const set of pack.thresholds) {
    if (setIds.has(set.id)) throw new RulePackCompileError(set.id, 'duplicate threshold set id');
    setIds.add(set.id);
    checkInterval(set.id, set.effectiveFrom, set.effectiveTo);
    const eccns = new Set<string>();
    for (const c of set.classes) {
      if (eccns.has(c.eccn)) throw new RulePackCompileError(`${set.id}/${c.eccn}`, 'duplicate class in threshold set');
      eccns.add(c.eccn);
    }
  }
  const byStart = [...pack.thresholds].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1];
    if (previous.effectiveTo === null || previous.effectiveTo > byStart[i].effectiveFrom) {
      throw new RulePackCompileError(null, `threshold sets ${previous.id} and ${byStart[i].id} overlap: one set must be in force on any date`);
    }
  }

  for (const row of pack.countryGroups) {
    if (row.to !== null && row.to <= row.from) {
      throw new RulePackCompileError(null, `country group row ${row.country} ${row.group}: to (${row.to}) must be after from (${row.from})`);
    }
  }

  return {
    version: pack.version,
    pack,
    rules: pack.rules.map((rule) => ({ rule, condition: compileCondition(rule.id, rule.condition, RULE_ENV, RULE_FACTS) })),
    thresholds: pack.thresholds.map((set) => ({
      id: set.id,
      effectiveFrom: set.effectiveFrom,
      effectiveTo: set.effectiveTo,
      classes: set.classes.map((c) => ({ eccn: c.eccn, condition: compileCondition(`${set.id}/${c.eccn}`, c.condition, THRESHOLD_ENV, THRESHOLD_FACTS) })),
    })),
    countryGroups: pack.countryGroups,
  };
}

/**
 * A licence takes time that planning must count: every LICENSE_REQUIRED rule (whatever its
 * status, since a what-if may apply it) states its review policy and a lead-time range, and
 * the range never starts at 0 days. Names every rule that fails, the first as `ruleId`.
 */
function checkLicenceReviews(rules: readonly RuleV1[]): void {
  const problems = rules.flatMap((rule) => {
    if (rule.outcome !== 'LICENSE_REQUIRED') return [];
    if (rule.review === null) return [{ id: rule.id, problem: 'no review (policy and lead-time range)' }];
    if (rule.review.leadTimeDays.low < 1) return [{ id: rule.id, problem: `lead time low ${rule.review.leadTimeDays.low} days (a licence is never 0 days)` }];
    return [];
  });
  if (problems.length === 0) return;
  throw new RulePackCompileError(
    problems[0].id,
    `LICENSE_REQUIRED rules must state a review policy and a lead-time range {low, expected, high} of at least 1 day with its source (an unknown one as an assumed range): ${problems.map((p) => `${p.id}: ${p.problem}`).join('; ')}`,
  );
}

function checkInterval(id: string, from: string, to: string | null): void {
  if (!isCalendarDate(from)) throw new RulePackCompileError(id, `effectiveFrom ${from} is not a calendar date`);
  if (to === null) return;
  if (!isCalendarDate(to)) throw new RulePackCompileError(id, `effectiveTo ${to} is not a calendar date`);
  if (to <= from) throw new RulePackCompileError(id, `effectiveTo (${to}) must be after effectiveFrom (${from})`);
}

function isCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function compileCondition(id: string, source: string, env: typeof RULE_ENV, declared: Readonly<Record<string, FactNode>>): CompiledCondition {
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(source);
  } catch (error) {
    throw new RulePackCompileError(id, `CEL syntax error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const analysis = analyseReferences(ast.expr, declared, (name) => PLANNER_CALLS.has(name) || env.funcs.find(name) !== undefined);
  if (analysis.problems.length > 0) throw new RulePackCompileError(id, analysis.problems.join('; '));
  let run: (bindings: CelBindings) => CelResult;
  try {
    const planned = plan(env, ast);
    run = (bindings) => planned(bindings);
  } catch (error) {
    throw new RulePackCompileError(id, `CEL planning failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { source, paths: analysis.paths, run };
}
