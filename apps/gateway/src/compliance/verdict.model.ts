import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Evidence } from '../accelerators/accelerator.model.js';

export enum VerdictOutcome {
  ALLOWED = 'ALLOWED',
  ALLOWED_WITH_CONDITIONS = 'ALLOWED_WITH_CONDITIONS',
  LICENSE_REQUIRED = 'LICENSE_REQUIRED',
  PROHIBITED = 'PROHIBITED',
}
registerEnumType(VerdictOutcome, { name: 'VerdictOutcome' });

export enum RuleFamily {
  EXPORT_CONTROL = 'EXPORT_CONTROL',
  HOST_COUNTRY = 'HOST_COUNTRY',
  DATA_TRANSFER = 'DATA_TRANSFER',
  DOMESTIC_POLICY = 'DOMESTIC_POLICY',
  RISK = 'RISK',
}
registerEnumType(RuleFamily, { name: 'RuleFamily' });

export enum RuleStatus {
  IN_FORCE = 'IN_FORCE',
  NOT_ENFORCED = 'NOT_ENFORCED',
  PROPOSED = 'PROPOSED',
  REPORTED_ONLY = 'REPORTED_ONLY',
}
registerEnumType(RuleStatus, { name: 'RuleStatus' });

export enum ReviewPolicy {
  PRESUMPTION_OF_DENIAL = 'PRESUMPTION_OF_DENIAL',
  CASE_BY_CASE = 'CASE_BY_CASE',
  PRESUMPTION_OF_APPROVAL = 'PRESUMPTION_OF_APPROVAL',
  PUBLISHED_PROCESSING_TIME = 'PUBLISHED_PROCESSING_TIME',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}
registerEnumType(ReviewPolicy, {
  name: 'ReviewPolicy',
  description: 'How the authority decides: a US licence review policy, a published processing or notification period, or nothing published (the lead time is then assumed).',
});

@ObjectType({ description: 'Calendar days from filing to approval (licence, permit, filing, notification period).' })
export class LeadTimeRange {
  @Field(() => Int) low!: number;
  @Field(() => Int) expected!: number;
  @Field(() => Int) high!: number;
  @Field({ description: 'Where the figures come from: a published processing time, observed cases, or a stated assumption.' }) source!: string;
  @Field(() => Evidence) evidence!: Evidence;
  @Field({ description: 'No one publishes a processing time for this review: the range is assumed. Unknown is never 0 days.' }) assumed!: boolean;
}

@ObjectType({ description: "A rule's review: the policy the authority applies and how long it takes." })
export class RuleReview {
  @Field(() => ReviewPolicy) policy!: ReviewPolicy;
  @Field({ description: 'The policy with its source; says UNVERIFIED where the fact sheet does.' }) basis!: string;
  @Field(() => Evidence) policyEvidence!: Evidence;
  @Field(() => LeadTimeRange) leadTimeDays!: LeadTimeRange;
}

@ObjectType({
  description:
    "The verdict's lead time: per case the longest of the binding rules' review ranges and fixed-day conditions (approvals run in parallel), with the rule that sets the expected figure.",
})
export class VerdictLeadTime extends LeadTimeRange {
  @Field() ruleId!: string;
  @Field(() => ReviewPolicy, { nullable: true, description: "The rule's review policy; null when the expected figure is a condition of a rule without one." }) policy!: ReviewPolicy | null;
}

@ObjectType()
export class Citation {
  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => Evidence)
  evidence!: Evidence;
}

@ObjectType()
export class TriggeringFact {
  @Field({ description: 'Path of the fact, e.g. "placement.site.countryCode".' })
  fact!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  value!: unknown;
}

@ObjectType()
export class VerdictReason {
  @Field()
  ruleId!: string;

  @Field()
  title!: string;

  @Field(() => RuleFamily)
  family!: RuleFamily;

  @Field(() => RuleStatus)
  status!: RuleStatus;

  @Field(() => VerdictOutcome)
  outcome!: VerdictOutcome;

  @Field(() => [Citation])
  citations!: Citation[];

  @Field(() => [TriggeringFact])
  triggeredBy!: TriggeringFact[];

  @Field(() => RuleReview, { nullable: true, description: 'Review policy and lead time, when the rule states one (every licence rule does).' })
  review!: RuleReview | null;
}

@ObjectType()
export class VerdictCondition {
  @Field()
  ruleId!: string;

  @Field()
  description!: string;

  @Field(() => Int, { nullable: true })
  leadTimeDays!: number | null;
}

@ObjectType({ description: 'Decision support, not legal advice: rule packs are data the user maintains.' })
export class Verdict {
  @Field(() => VerdictOutcome)
  outcome!: VerdictOutcome;

  @Field(() => [VerdictReason], { description: 'The binding rules that decided the outcome, most severe first.' })
  reasons!: VerdictReason[];

  @Field(() => [VerdictReason], { description: 'Rules that fired but do not bind (not enforced, proposed).' })
  advisories!: VerdictReason[];

  @Field(() => [VerdictCondition])
  conditions!: VerdictCondition[];

  @Field(() => Int, { description: 'leadTime.expected, or 0 when nothing binding takes time.' })
  leadTimeDays!: number;

  @Field(() => VerdictLeadTime, { nullable: true, description: 'Lead time low / expected / high in days with its source and policy; null when nothing binding takes time. An assumed range means the review time is unknown.' })
  leadTime!: VerdictLeadTime | null;

  @Field(() => [String], { description: 'Rules in force on the date that did not fire.' })
  notTriggered!: string[];

  @Field(() => GraphQLJSONObject, { description: 'Derived facts: the 3A090 class and the country groups on the date.' })
  derived!: Record<string, unknown>;

  @Field()
  rulePackVersion!: string;

  @Field()
  evaluatedFor!: string;

  @Field()
  disclaimer!: string;
}

@ObjectType()
export class ComplianceCheck {
  @Field()
  poolId!: string;

  @Field(() => Verdict)
  verdict!: Verdict;
}

@ObjectType()
export class LegalEntity {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  hqCountry!: string;

  @Field(() => String, { nullable: true })
  ultimateParentHqCountry!: string | null;

  @Field()
  isCiio!: boolean;

  @Field()
  restrictedParty!: boolean;
}

@ObjectType()
export class RulePackSummary {
  @Field()
  version!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  ruleCount!: number;

  @Field()
  publishedAt!: Date;

  @Field()
  publishedBy!: string;

  @Field()
  current!: boolean;
}

@ObjectType()
export class RulePack {
  @Field(() => RulePackSummary)
  summary!: RulePackSummary;

  @Field(() => GraphQLJSONObject, { description: 'The pack as published (rules with CEL conditions, thresholds, country groups).' })
  document!: Record<string, unknown>;
}

@ObjectType()
export class WhatIfChange {
  @Field()
  placementId!: string;

  @Field(() => VerdictOutcome)
  before!: VerdictOutcome;

  @Field(() => VerdictOutcome)
  after!: VerdictOutcome;

  @Field(() => [String])
  decidingRulesBefore!: string[];

  @Field(() => [String])
  decidingRulesAfter!: string[];
}

@ObjectType()
export class WhatIfResult {
  @Field()
  baseVersion!: string;

  @Field()
  draftVersion!: string;

  @Field(() => Int, { description: 'Tracked placements re-checked.' })
  evaluated!: number;

  @Field(() => [WhatIfChange])
  changes!: WhatIfChange[];
}
