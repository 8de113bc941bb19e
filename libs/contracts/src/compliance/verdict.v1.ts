import { z } from 'zod';
import { IsoDate } from '../common/reference.js';
import { Evidence } from '../inventory/accelerator.v1.js';

export const VerdictOutcome = z.enum(['ALLOWED', 'ALLOWED_WITH_CONDITIONS', 'LICENSE_REQUIRED', 'PROHIBITED']);
export type VerdictOutcome = z.output<typeof VerdictOutcome>;
export const RuleFamily = z.enum(['EXPORT_CONTROL', 'HOST_COUNTRY', 'DATA_TRANSFER', 'DOMESTIC_POLICY', 'RISK']);
export const RuleStatus = z.enum(['IN_FORCE', 'NOT_ENFORCED', 'PROPOSED', 'REPORTED_ONLY']);

export const CitationV1 = z.object({ text: z.string().min(1), url: z.string().nullable(), evidence: Evidence });

/**
 * How the authority decides: the US licence review policies, a published processing or
 * notification period, or nothing published (then the lead time is an assumption).
 */
export const ReviewPolicy = z.enum(['PRESUMPTION_OF_DENIAL', 'CASE_BY_CASE', 'PRESUMPTION_OF_APPROVAL', 'PUBLISHED_PROCESSING_TIME', 'NOT_PUBLISHED']);
export type ReviewPolicy = z.output<typeof ReviewPolicy>;

const Days = z.number().int().nonnegative().max(3650);
const leadTimeRangeShape = {
  low: Days,
  expected: Days,
  high: Days,
  /** Where the figures come from: a published processing time, observed cases, or the pack's stated assumption. */
  source: z.string().min(1),
  evidence: Evidence,
  /** No one publishes a processing time for this review: the range is assumed (unknown is not 0 days). */
  assumed: z.boolean(),
};
const ordered = (r: { low: number; expected: number; high: number }) => r.low <= r.expected && r.expected <= r.high;
const orderedMessage = { message: 'must satisfy low ≤ expected ≤ high', path: ['expected'] };

/** Calendar days from filing to approval (licence, permit, filing, notification period). */
export const LeadTimeRangeV1 = z.object(leadTimeRangeShape).refine(ordered, orderedMessage);
export type LeadTimeRangeV1 = z.output<typeof LeadTimeRangeV1>;

/** A rule's review: the policy the authority applies and how long it takes. */
export const RuleReviewV1 = z.object({
  policy: ReviewPolicy,
  /** The policy with its source, saying UNVERIFIED where the fact sheet does. */
  basis: z.string().min(1),
  policyEvidence: Evidence,
  leadTimeDays: LeadTimeRangeV1,
});
export type RuleReviewV1 = z.output<typeof RuleReviewV1>;

/**
 * The verdict's lead time: per case the longest of the binding rules' review ranges and their
 * conditions' fixed lead times (approvals run in parallel), with the rule that sets the
 * expected figure and its policy (null when that figure is a condition of a rule without one).
 */
export const VerdictLeadTimeV1 = z
  .object({ ...leadTimeRangeShape, ruleId: z.string(), policy: ReviewPolicy.nullable() })
  .refine(ordered, orderedMessage);
export type VerdictLeadTimeV1 = z.output<typeof VerdictLeadTimeV1>;

export const VerdictReasonV1 = z.object({
  ruleId: z.string(),
  title: z.string(),
  family: RuleFamily,
  status: RuleStatus,
  outcome: VerdictOutcome,
  citations: z.array(CitationV1),
  /** The facts (by path) the rule's condition read, with their values, so a planner sees why it fired. */
  triggeredBy: z.array(z.object({ fact: z.string(), value: z.unknown() })),
  /** The rule's review policy and lead time, when it states one (every licence rule does). */
  review: RuleReviewV1.nullable().default(null),
});

export const VerdictConditionV1 = z.object({ ruleId: z.string(), description: z.string(), leadTimeDays: z.number().int().nonnegative().nullable() });

export const VerdictV1 = z.object({
  outcome: VerdictOutcome,
  /** Rules that decided the outcome (in force, or reported and carried with that status). */
  reasons: z.array(VerdictReasonV1),
  /** Rules that fired but do not bind (not enforced, proposed): shown, not counted. */
  advisories: z.array(VerdictReasonV1),
  conditions: z.array(VerdictConditionV1),
  /** `leadTime.expected`, or 0 when nothing binding takes time; kept for readers of the single figure. */
  leadTimeDays: z.number().int().nonnegative(),
  /** The lead-time distribution (null when nothing binding takes time); see VerdictLeadTimeV1. */
  leadTime: VerdictLeadTimeV1.nullable().default(null),
  notTriggered: z.array(z.string()),
  /** Derived facts the evaluation used (3A090 class on the date, country groups on the date). */
  derived: z.record(z.string(), z.unknown()),
  rulePackVersion: z.string(),
  evaluatedFor: IsoDate,
  disclaimer: z.string(),
});
export type VerdictV1 = z.output<typeof VerdictV1>;
