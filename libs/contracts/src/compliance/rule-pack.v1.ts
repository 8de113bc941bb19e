import { z } from 'zod';
import { CountryCode, IsoDate } from '../common/reference.js';
import { CitationV1, RuleFamily, RuleReviewV1, RuleStatus, VerdictOutcome } from './verdict.v1.js';

const Cel = z.string().min(1).max(4_000);

export const RuleV1 = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as "us-ac-2023-3a090a-d5"'),
  title: z.string().min(1),
  jurisdiction: z.string().min(2).max(10),
  family: RuleFamily,
  effectiveFrom: IsoDate,
  /** Exclusive; null while in effect. */
  effectiveTo: IsoDate.nullable(),
  status: RuleStatus,
  /** CEL over the documented facts; true means the rule applies to the candidate. */
  condition: Cel,
  outcome: VerdictOutcome,
  /** Steps to take; a fixed lead time (a notification period) counts towards the verdict's. */
  conditionsToSatisfy: z.array(z.object({ description: z.string().min(1), leadTimeDays: z.number().int().nonnegative().nullable() })),
  /** Review policy and lead-time range; required of every LICENSE_REQUIRED rule at publish (compileRulePack). */
  review: RuleReviewV1.nullable().default(null),
  citations: z.array(CitationV1).min(1),
});
export type RuleV1 = z.output<typeof RuleV1>;

/** 3A090 thresholds of one rule version: a CEL condition per class over the accelerator facts. */
export const ThresholdSetV1 = z.object({
  id: z.string().min(1),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  classes: z.array(z.object({ eccn: z.string().min(1), condition: Cel })).min(1),
  citations: z.array(CitationV1).min(1),
});

export const CountryGroupMembershipV1 = z.object({
  group: z.string().regex(/^[A-Z]:\d$|^[A-Z]+$/, 'must be an EAR country group such as "D:5"'),
  country: CountryCode,
  from: IsoDate,
  to: IsoDate.nullable(),
  source: z.string().min(1),
});

export const RulePackV1 = z.object({
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+(-[a-z0-9]+)?$/, 'must look like 2026.12.1'),
  title: z.string().min(1),
  source: z.string().min(1),
  countryGroups: z.array(CountryGroupMembershipV1),
  thresholds: z.array(ThresholdSetV1),
  rules: z.array(RuleV1).min(1),
});
export type RulePackV1 = z.output<typeof RulePackV1>;
