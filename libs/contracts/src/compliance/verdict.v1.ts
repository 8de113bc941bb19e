import { z } from 'zod';
import { IsoDate } from '../common/reference.js';

export const VerdictOutcome = z.enum(['ALLOWED', 'ALLOWED_WITH_CONDITIONS', 'LICENSE_REQUIRED', 'PROHIBITED']);
export type VerdictOutcome = z.output<typeof VerdictOutcome>;
export const RuleFamily = z.enum(['EXPORT_CONTROL', 'HOST_COUNTRY', 'DATA_TRANSFER', 'DOMESTIC_POLICY', 'RISK']);
export const RuleStatus = z.enum(['IN_FORCE', 'NOT_ENFORCED', 'PROPOSED', 'REPORTED_ONLY']);

export const CitationV1 = z.object({ text: z.string().min(1), url: z.string().nullable(), evidence: z.enum(['P', 'S', 'E', 'UNVERIFIED']) });

export const VerdictReasonV1 = z.object({
  ruleId: z.string(),
  title: z.string(),
  family: RuleFamily,
  status: RuleStatus,
  outcome: VerdictOutcome,
  citations: z.array(CitationV1),
  /** The facts (by path) the rule's condition read, with their values, so a planner sees why it fired. */
  triggeredBy: z.array(z.object({ fact: z.string(), value: z.unknown() })),
});

export const VerdictConditionV1 = z.object({ ruleId: z.string(), description: z.string(), leadTimeDays: z.number().int().nonnegative().nullable() });

export const VerdictV1 = z.object({
  outcome: VerdictOutcome,
  /** Rules that decided the outcome (in force, or reported and carried with that status). */
  reasons: z.array(VerdictReasonV1),
  /** Rules that fired but do not bind (not enforced, proposed): shown, not counted. */
  advisories: z.array(VerdictReasonV1),
  conditions: z.array(VerdictConditionV1),
  /** Longest lead time among the conditions, in days. */
  leadTimeDays: z.number().int().nonnegative(),
  notTriggered: z.array(z.string()),
  /** Derived facts the evaluation used (3A090 class on the date, country groups on the date). */
  derived: z.record(z.string(), z.unknown()),
  rulePackVersion: z.string(),
  evaluatedFor: IsoDate,
  disclaimer: z.string(),
});
export type VerdictV1 = z.output<typeof VerdictV1>;
